using System.Text;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.Library;
using CareerLsp.Core.Syntax;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Rules.Library;

/// <summary>CL066: the library's entries that may apply to the change are offered while writing.</summary>
public sealed class PatternMayApply() : Rule(RuleCatalog.PatternMayApply)
{
    /// <summary>At most this many hints: more would be noise.</summary>
    public const int Limit = 3;

    public override void Check(RuleContext context)
    {
        if (context.Options.Patterns is not { Matcher: { } matcher } source) return;
        var evidence = new ChangeEvidence(context.Options.Change);
        evidence.AddText(WrittenText(context), EvidenceSource.Message);
        var cited = new HashSet<PatternEntry>(ReferenceEqualityComparer.Instance);
        foreach (var citation in PatternCitations.Find(context.Sections))
            if (PatternCitations.Resolve(matcher.Library, citation.Problem) is { } entry) cited.Add(entry);

        var anchor = context.Sections.SectionsOf(SectionKind.Premortem).FirstOrDefault()?.TitleRange ?? context.DocumentAnchor;
        foreach (var match in matcher.Match(evidence, Limit + cited.Count).Where(m => !cited.Contains(m.Entry)).Take(Limit))
        {
            var entry = match.Entry;
            string where = entry.Category is { } category ? $"{source.Path}, {category.Title}" : source.Path;
            context.Report(anchor,
                $"May apply ({where}): {entry.Problem} → {entry.Remedy} [matched: {string.Join(", ", match.Evidence)}]",
                [AddToPremortem(context, entry)]);
        }
    }

    /// <summary>The message's own words, without git's comment lines (they list every staged file).</summary>
    private static string WrittenText(RuleContext context)
    {
        if (context.Commit is not { } commit) return context.Text.Text;
        var text = new StringBuilder();
        foreach (var line in commit.ContentLines) text.Append(context.Text.LineSpan(line)).Append('\n');
        return text.ToString();
    }

    /// <summary>A pre-mortem item citing the entry, at the end of the pre-mortem (or in a new one).</summary>
    public static Fix AddToPremortem(RuleContext context, PatternEntry entry)
    {
        string kind = entry.Category is { } category && context.Vocabulary.ResolvePart(SectionKind.Premortem, category.Title) is { } part
            ? part == SectionKind.Races ? "Race: " : part == SectionKind.Dependencies ? "Dependency: " : ""
            : "";
        string item = $"{kind}{PatternCitations.Label} {entry.Problem}" + (entry.Remedy.Length > 0 ? $" → {entry.Remedy}" : "");
        string title = $"Add to the pre-mortem: {PatternCitations.Label} {entry.Problem}";
        var section = context.Sections.SectionsOf(SectionKind.Premortem).FirstOrDefault();
        if (section is null)
        {
            bool markdown = context.Kind != DocumentKinds.CommitMessage;
            string body = markdown ? $"## {SectionKind.Premortem.DisplayName}\n\n- {item}\n" : $"{SectionKind.Premortem.DisplayName}:\n- {item}\n";
            return new Fix(title, [context.AppendSection(body)]);
        }
        var last = section.AllItems().LastOrDefault();
        var after = last?.LineRange.End ?? section.TitleRange.End;
        string marker = last is null ? "- " : MarkerOf(context.Text.Line(last.LineRange.Start.Line), last);
        string indent = last is null ? "" : context.Text.Line(last.LineRange.Start.Line)[..LineSyntax.LeadingWhitespace(context.Text.Line(last.LineRange.Start.Line))];
        if (last is not null && last.Depth > 0) { marker = "- "; indent = ""; }
        return new Fix(title, [new TextEdit(TextRange.Empty(after), $"\n{indent}{marker}{item}")]);
    }

    // "- ", "* ", "1. " (the next number) as the last item wrote it.
    private static string MarkerOf(string line, SectionItem item)
    {
        if (!item.IsListItem) return "- ";
        string marker = line[LineSyntax.LeadingWhitespace(line)..item.Range.Start.Character];
        if (item.Checked is not null) marker = marker[..marker.IndexOf('[')];
        int digits = 0;
        while (digits < marker.Length && char.IsAsciiDigit(marker[digits])) digits++;
        if (digits > 0 && int.TryParse(marker.AsSpan(0, digits), out int n)) marker = (n + 1) + marker[digits..];
        return marker;
    }
}
