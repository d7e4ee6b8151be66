using Markdig;

namespace CareerLsp.Core.Syntax;

/// <summary>
/// Markdig on hostile input: lists nested hundreds of levels deep take it seconds and then throw
/// ("too deeply nested"). Lines indented past <see cref="MaxIndent"/> columns are read as blank
/// (spaces of the same length, so every offset stays true) and reported; anything Markdig still
/// refuses leaves an empty document. Parsing never throws.
/// </summary>
internal static class MarkdownGuard
{
    /// <summary>About ten levels of nested lists; nobody writes deeper on purpose.</summary>
    public const int MaxIndent = 40;

    public static (Markdig.Syntax.MarkdownDocument Ast, IReadOnlyList<int> SkippedLines, bool Failed) Parse(string text, MarkdownPipeline pipeline)
    {
        var skipped = new List<int>();
        string safe = BlankDeepLines(text, skipped);
        try
        {
            return (Markdown.Parse(safe, pipeline), skipped, false);
        }
        catch (ArgumentException)
        {
            return (new Markdig.Syntax.MarkdownDocument(), skipped, true);
        }
    }

    private static string BlankDeepLines(string text, List<int> skipped)
    {
        char[]? copy = null;
        int line = 0, start = 0;
        while (start <= text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            int column = 0, i = start;
            while (i < end && column <= MaxIndent && text[i] is ' ' or '\t' or '>')
            {
                column += text[i] == '\t' ? 4 - column % 4 : 1;
                i++;
            }
            if (column > MaxIndent)
            {
                copy ??= text.ToCharArray();
                for (int k = start; k < end; k++) if (copy[k] != '\r') copy[k] = ' ';
                skipped.Add(line);
            }
            start = end + 1;
            line++;
        }
        return copy is null ? text : new string(copy);
    }
}
