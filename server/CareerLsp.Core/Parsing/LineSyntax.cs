using System.Text.RegularExpressions;

namespace CareerLsp.Core.Parsing;

/// <summary>A list item read from one line: where its marker and text are.</summary>
internal readonly record struct ListLine(int Indent, int TextStart, bool? Checked, int CheckboxStart);

/// <summary>A heading read from one line: its title and any value after a colon.</summary>
internal readonly record struct HeadingLine(SectionSyntax Syntax, int Level, int TitleStart, int TitleEnd, int ValueStart)
{
    public bool HasValue => ValueStart >= 0;
}

/// <summary>
/// Recognises the line shapes that sections are written in. Shared by the commit-message parser
/// and by the Markdown parser for paragraphs (which Markdig does not split into headings).
/// </summary>
internal static partial class LineSyntax
{
    /// <summary>Longest title a colon heading may have: longer lines are prose that ends in a colon.</summary>
    private const int MaxColonTitleLength = 60;

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?:[-*+•]|\d{1,3}[.)])(?:[ \t]+|$)(?<box>\[[ xX]\](?:[ \t]+|$))?")]
    private static partial Regex ListItemRegex();

    [GeneratedRegex(@"^ {0,3}(?<hashes>#{1,6})(?:[ \t]+(?<title>.*?))?[ \t#]*$")]
    private static partial Regex AtxRegex();

    [GeneratedRegex(@"^(?<mark>\*\*|__)(?<title>[^*_].*?)\k<mark>[ \t]*:?[ \t]*$")]
    private static partial Regex BoldRegex();

    [GeneratedRegex(@"^(?<title>[^\s:#>|`\-*+\[<][^:]*?)[ \t]*:(?:[ \t]+(?<value>\S.*?))?[ \t]*$")]
    private static partial Regex ColonRegex();

    [GeneratedRegex(@"^(?<token>[A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(?<value>.*?)[ \t]*$")]
    private static partial Regex TrailerRegex();

    public static bool TryList(string line, out ListLine list)
    {
        list = default;
        var m = ListItemRegex().Match(line);
        if (!m.Success) return false;
        // A thematic break ("---", "***") is not a list item.
        if (line.Trim().Length >= 3 && line.Trim().All(c => c is '-' or '*' or '_' or ' ')) return false;
        var box = m.Groups["box"];
        bool? isChecked = box.Success ? char.ToLowerInvariant(line[box.Index + 1]) == 'x' : null;
        list = new ListLine(IndentWidth(m.Groups["indent"].Value), m.Index + m.Length, isChecked, box.Success ? box.Index : -1);
        return true;
    }

    public static bool TryAtx(string line, out HeadingLine heading)
    {
        heading = default;
        var m = AtxRegex().Match(line);
        if (!m.Success) return false;
        var title = m.Groups["title"];
        int start = title.Success ? title.Index : line.Length;
        int end = title.Success ? title.Index + title.Length : line.Length;
        heading = new HeadingLine(SectionSyntax.MarkdownHeading, m.Groups["hashes"].Length, start, end, -1);
        return true;
    }

    public static bool TryBold(string line, out HeadingLine heading)
    {
        heading = default;
        var m = BoldRegex().Match(line);
        if (!m.Success) return false;
        var title = m.Groups["title"];
        heading = new HeadingLine(SectionSyntax.BoldHeading, 0, title.Index, title.Index + title.Length, -1);
        return true;
    }

    /// <summary>
    /// A <c>Title:</c> line. With nothing after the colon any short title is a heading; with a value
    /// after it (<c>Sources Consulted: https://…</c>) only a title that names a kind is, because
    /// ordinary sentences contain colons too.
    /// </summary>
    public static bool TryColon(string line, SectionVocabulary vocabulary, SectionKind? current, out HeadingLine heading)
    {
        heading = default;
        var m = ColonRegex().Match(line);
        if (!m.Success) return false;
        var title = m.Groups["title"];
        string titleText = title.Value.Trim('*', '_', ' ');
        if (titleText.Length == 0 || titleText.Length > MaxColonTitleLength) return false;
        var value = m.Groups["value"];
        if (value.Success)
        {
            if (value.Value.StartsWith("//", StringComparison.Ordinal)) return false;
            bool named = vocabulary.Resolve(titleText) is not null ||
                         (current is not null && vocabulary.ResolvePart(current, titleText) is not null);
            if (!named) return false;
        }
        else if (titleText.Count(char.IsWhiteSpace) > 7)
        {
            return false;
        }
        heading = new HeadingLine(SectionSyntax.ColonHeading, 0, title.Index, title.Index + title.Length, value.Success ? value.Index : -1);
        return true;
    }

    public static bool TryTrailer(string line, out string token, out int valueStart, out string value)
    {
        var m = TrailerRegex().Match(line);
        token = m.Success ? m.Groups["token"].Value : string.Empty;
        valueStart = m.Success ? m.Groups["value"].Index : -1;
        value = m.Success ? m.Groups["value"].Value : string.Empty;
        return m.Success;
    }

    public static int IndentWidth(ReadOnlySpan<char> text)
    {
        int width = 0;
        foreach (char c in text)
        {
            if (c == ' ') width++;
            else if (c == '\t') width += 4 - (width % 4);
            else break;
        }
        return width;
    }

    public static int LeadingWhitespace(string line)
    {
        int i = 0;
        while (i < line.Length && (line[i] == ' ' || line[i] == '\t')) i++;
        return i;
    }

    public static int TrimmedEnd(string line)
    {
        int end = line.Length;
        while (end > 0 && char.IsWhiteSpace(line[end - 1])) end--;
        return end;
    }
}
