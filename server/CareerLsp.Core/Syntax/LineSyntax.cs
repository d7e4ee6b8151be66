namespace CareerLsp.Core.Syntax;

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
/// Hand-written rather than regular expressions: the first regex a process uses costs about
/// 12 ms of start-up, and the commit-msg hook runs on every commit.
/// </summary>
internal static class LineSyntax
{
    /// <summary>Longest title a colon heading may have: longer lines are prose that ends in a colon.</summary>
    private const int MaxColonTitleLength = 60;

    private static bool IsBlank(char c) => c is ' ' or '\t';

    /// <summary>A list item: indentation, a marker (<c>-</c>, <c>*</c>, <c>+</c>, <c>•</c>, <c>1.</c>, <c>1)</c>), optionally <c>[ ]</c>.</summary>
    public static bool TryList(string line, out ListLine list)
    {
        list = default;
        int n = line.Length, i = 0;
        while (i < n && IsBlank(line[i])) i++;
        int indentEnd = i;
        if (i >= n) return false;
        if (line[i] is '-' or '*' or '+' or '•')
        {
            i++;
        }
        else
        {
            int digits = i;
            while (i < n && i - digits < 3 && char.IsAsciiDigit(line[i])) i++;
            if (i == digits || i >= n || line[i] is not ('.' or ')')) return false;
            i++;
        }
        if (i < n)
        {
            if (!IsBlank(line[i])) return false;
            while (i < n && IsBlank(line[i])) i++;
        }
        // A thematic break ("---", "***") is not a list item.
        var trimmed = line.AsSpan().Trim();
        if (trimmed.Length >= 3 && !trimmed.ContainsAnyExcept("-*_ ")) return false;

        bool? isChecked = null;
        int checkbox = -1;
        if (i + 2 < n && line[i] == '[' && line[i + 1] is ' ' or 'x' or 'X' && line[i + 2] == ']' && (i + 3 == n || IsBlank(line[i + 3])))
        {
            isChecked = line[i + 1] != ' ';
            checkbox = i;
            i += 3;
            while (i < n && IsBlank(line[i])) i++;
        }
        list = new ListLine(IndentWidth(line.AsSpan(0, indentEnd)), i, isChecked, checkbox);
        return true;
    }

    /// <summary>An ATX heading (<c>## Title</c>), as CommonMark reads it: up to three spaces, one to six #.</summary>
    public static bool TryAtx(string line, out HeadingLine heading)
    {
        heading = default;
        int n = line.Length, i = 0;
        while (i < n && i < 4 && line[i] == ' ') i++;
        if (i > 3) return false;
        int hashes = i;
        while (i < n && line[i] == '#') i++;
        int level = i - hashes;
        if (level is 0 or > 6) return false;
        if (i < n && !IsBlank(line[i])) return false;
        while (i < n && IsBlank(line[i])) i++;
        int start = i, end = n;
        while (end > start && IsBlank(line[end - 1])) end--;
        // An optional closing run of # counts only after a space (or as the whole title).
        int closing = end;
        while (closing > start && line[closing - 1] == '#') closing--;
        if (closing == start || (closing < end && IsBlank(line[closing - 1])))
        {
            end = closing;
            while (end > start && IsBlank(line[end - 1])) end--;
        }
        heading = new HeadingLine(SectionSyntax.MarkdownHeading, level, start, end, -1);
        return true;
    }

    /// <summary>A line that is only bold text (<c>**Pre-mortem**</c>, <c>__Testing:__</c>), optionally followed by a colon.</summary>
    public static bool TryBold(string line, out HeadingLine heading)
    {
        heading = default;
        if (line.Length < 5 || !(line.StartsWith("**", StringComparison.Ordinal) || line.StartsWith("__", StringComparison.Ordinal))) return false;
        string mark = line[..2];
        int end = line.Length;
        while (end > 0 && IsBlank(line[end - 1])) end--;
        if (end > 0 && line[end - 1] == ':')
        {
            end--;
            while (end > 0 && IsBlank(line[end - 1])) end--;
        }
        if (end < 5 || !line.AsSpan(0, end).EndsWith(mark, StringComparison.Ordinal)) return false;
        if (line[2] is '*' or '_') return false;
        heading = new HeadingLine(SectionSyntax.BoldHeading, 0, 2, end - 2, -1);
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
        if (line.Length == 0 || char.IsWhiteSpace(line[0]) || ":#>|`-*+[<".Contains(line[0])) return false;
        int colon = line.IndexOf(':');
        if (colon <= 0) return false;
        int titleEnd = colon;
        while (titleEnd > 0 && IsBlank(line[titleEnd - 1])) titleEnd--;
        int i = colon + 1, n = line.Length;
        int valueStart = -1;
        if (line.AsSpan(i).IsWhiteSpace())
        {
            valueStart = -1;
        }
        else
        {
            if (!IsBlank(line[i])) return false;
            while (i < n && IsBlank(line[i])) i++;
            valueStart = i;
        }

        string titleText = line[..titleEnd].Trim('*', '_', ' ');
        if (titleText.Length == 0 || titleText.Length > MaxColonTitleLength) return false;
        if (valueStart >= 0)
        {
            if (line.AsSpan(valueStart).StartsWith("//", StringComparison.Ordinal)) return false;
            bool named = vocabulary.Resolve(titleText) is not null ||
                         (current is not null && vocabulary.ResolvePart(current, titleText) is not null);
            if (!named) return false;
        }
        else if (titleText.Count(char.IsWhiteSpace) > 7)
        {
            return false;
        }
        heading = new HeadingLine(SectionSyntax.ColonHeading, 0, 0, titleEnd, valueStart);
        return true;
    }

    /// <summary>A git trailer: a token of letters, digits and hyphens, a colon, a value.</summary>
    public static bool TryTrailer(string line, out string token, out int valueStart, out string value)
    {
        token = value = string.Empty;
        valueStart = -1;
        int n = line.Length, i = 0;
        if (n == 0 || !char.IsAsciiLetterOrDigit(line[0])) return false;
        while (i < n && (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '-')) i++;
        int tokenEnd = i;
        while (i < n && IsBlank(line[i])) i++;
        if (i >= n || line[i] != ':') return false;
        i++;
        while (i < n && IsBlank(line[i])) i++;
        int end = n;
        while (end > i && IsBlank(line[end - 1])) end--;
        token = line[..tokenEnd];
        valueStart = i;
        value = line[i..end];
        return true;
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
