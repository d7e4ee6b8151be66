using System.Text;
using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Syntax;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Domain.Habits;

/// <summary>
/// Skeletons of missing sections, offered as fixes: the headings and placeholders the user fills
/// in. The placeholders are themselves findings until they are replaced.
/// </summary>
public static class Skeletons
{
    public static Fix InsertSection(DocumentKinds document, SourceText text, CommitMessage? commit, SectionKind kind, PremortemCounts? counts = null)
    {
        string body = document == DocumentKinds.CommitMessage ? CommitSection(kind, counts) : MarkdownSection(kind, counts);
        return new Fix($"Add a {kind.DisplayName} section", [AppendSection(text, commit, body)]);
    }

    /// <summary>
    /// The edit that adds a section's text where a new section goes: in a commit message before its
    /// trailers (or after the body), in Markdown at the end.
    /// </summary>
    public static TextEdit AppendSection(SourceText text, CommitMessage? commit, string body)
    {
        TextEdit edit;
        if (commit is not null)
        {
            if (commit.InsertsBeforeTrailers) edit = new TextEdit(TextRange.Empty(commit.InsertionPoint), body + "\n");
            else if (commit.IsEmpty) edit = new TextEdit(TextRange.Empty(new Position(0, 0)), "\n\n" + body);
            else edit = new TextEdit(TextRange.Empty(commit.InsertionPoint), "\n\n" + body.TrimEnd('\n'));
        }
        else
        {
            var end = text.EndPosition;
            string prefix = text.Length == 0 ? "" : text.Text.EndsWith('\n') ? "\n" : "\n\n";
            edit = new TextEdit(TextRange.Empty(end), prefix + body);
        }
        return edit;
    }

    public static string CommitSection(SectionKind kind, PremortemCounts? counts)
    {
        var sb = new StringBuilder();
        sb.Append(kind.DisplayName).Append(":\n");
        if (kind == SectionKind.Premortem)
        {
            var c = counts ?? new PremortemCounts(1, 1, 1);
            for (int i = 0; i < Math.Max(1, c.Failures); i++) sb.Append("- Failure: <how this could fail>\n");
            for (int i = 0; i < c.Dependencies; i++) sb.Append("- Dependency: <what might not exist>\n");
            for (int i = 0; i < c.Races; i++) sb.Append("- Race: <what could happen at the same time>\n");
        }
        else
        {
            sb.Append("- <URL, man page, repository path or issue you read>\n");
        }
        return sb.ToString();
    }

    public static string MarkdownSection(SectionKind kind, PremortemCounts? counts)
    {
        var sb = new StringBuilder();
        sb.Append("## ").Append(kind.DisplayName).Append("\n\n");
        if (kind == SectionKind.Premortem)
        {
            var c = counts ?? new PremortemCounts(5, 3, 2);
            AppendPart(sb, SectionKind.Failures, c.Failures, "<how this could fail>");
            AppendPart(sb, SectionKind.Dependencies, c.Dependencies, "<a dependency that might not exist>");
            AppendPart(sb, SectionKind.Races, c.Races, "<a race condition that could occur>");
        }
        else if (kind == SectionKind.Testing)
        {
            sb.Append("- In isolation: <what you ran on its own>\n- In integration: <what you ran with its dependencies>\n- Failure cases: <what you broke on purpose>\n");
        }
        else
        {
            sb.Append("- <link to the documentation you read>\n");
        }
        return sb.ToString();
    }

    private static void AppendPart(StringBuilder sb, SectionKind part, int count, string placeholder)
    {
        if (count <= 0) return;
        sb.Append("### ").Append(part.DisplayName).Append("\n\n");
        for (int i = 1; i <= count; i++) sb.Append(i).Append(". ").Append(placeholder).Append('\n');
        sb.Append('\n');
    }
}
