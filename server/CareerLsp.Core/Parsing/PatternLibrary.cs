using CareerLsp.Core.Text;
using Markdig;
using Markdig.Syntax;

namespace CareerLsp.Core.Parsing;

/// <summary>A category of the pattern library: a heading and the entries under it.</summary>
public sealed class PatternCategory
{
    public required string Title { get; init; }

    public required TextRange TitleRange { get; init; }

    public required int Level { get; init; }

    public List<PatternEntry> Entries { get; } = [];

    /// <summary>Categories under this one (a deeper heading).</summary>
    public List<PatternCategory> Children { get; } = [];
}

/// <summary>One <c>- problem → remedy</c> entry (<c>-&gt;</c> works too).</summary>
public sealed class PatternEntry
{
    public required string Problem { get; init; }

    /// <summary>The remedy, or empty when the entry has none.</summary>
    public required string Remedy { get; init; }

    /// <summary>The range of the entry's text, after the list marker.</summary>
    public required TextRange Range { get; init; }

    public required TextRange ProblemRange { get; init; }

    public PatternCategory? Category { get; init; }
}

/// <summary>A line that is neither a heading, an entry, nor the library's introduction.</summary>
public sealed record MalformedLine(TextRange Range, string Text);

/// <summary>
/// <c>COMMON_PATTERNS.md</c> read with the engine's Markdig pipeline: headings are categories, top-level
/// list items are entries <c>problem → remedy</c>, items nested under an entry are its details.
/// The document's first heading is its title, not a category, when prose and no entries follow it
/// (up to the next heading): that prose is the introduction.
/// </summary>
public sealed class PatternLibrary
{
    private PatternLibrary(SourceText text) => Text = text;

    public SourceText Text { get; }

    /// <summary>Top-level categories in document order.</summary>
    public List<PatternCategory> Categories { get; } = [];

    /// <summary>Every entry in document order, including those outside any category.</summary>
    public List<PatternEntry> Entries { get; } = [];

    public List<MalformedLine> Malformed { get; } = [];

    /// <summary>The title heading's range, when the first heading is a title rather than a category.</summary>
    public TextRange? TitleRange { get; private set; }

    public static PatternLibrary Parse(SourceText text)
    {
        var library = new PatternLibrary(text);
        var ast = Markdown.Parse(text.Text, MarkdownDocument.Pipeline);
        var stack = new List<PatternCategory>();
        bool sawEntryOrCategory = false;
        var blocks = ast.ToList();
        for (int b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            int line = text.GetPosition(block.Span.Start).Line;
            switch (block)
            {
                case HeadingBlock heading:
                {
                    string raw = text.Line(line);
                    int start = 0, end = raw.Length;
                    if (!heading.IsSetext && LineSyntax.TryAtx(raw, out var atx)) { start = atx.TitleStart; end = atx.TitleEnd; }
                    var range = SourceText.OnLine(line, start, end);
                    bool isTitle = !sawEntryOrCategory && library.TitleRange is null && IsIntroduction(blocks, b + 1);
                    if (isTitle)
                    {
                        library.TitleRange = range;
                        stack.Clear();
                        break;
                    }
                    var category = new PatternCategory { Title = raw[start..end].Trim(), TitleRange = range, Level = heading.Level };
                    while (stack.Count > 0 && stack[^1].Level >= heading.Level) stack.RemoveAt(stack.Count - 1);
                    if (stack.Count > 0) stack[^1].Children.Add(category);
                    else library.Categories.Add(category);
                    stack.Add(category);
                    sawEntryOrCategory = true;
                    break;
                }
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var entry = ReadEntry(text, item, stack.Count > 0 ? stack[^1] : null);
                        if (entry is null) continue;
                        library.Entries.Add(entry);
                        entry.Category?.Entries.Add(entry);
                        sawEntryOrCategory = true;
                    }
                    break;
                case ParagraphBlock paragraph:
                    // Prose is the introduction under the title, or before anything else; elsewhere it is not an entry.
                    if (stack.Count == 0 && !sawEntryOrCategory) break;
                    int last = text.GetPosition(Math.Min(paragraph.Span.End, text.Length)).Line;
                    for (int l = line; l <= last; l++)
                    {
                        string raw = text.Line(l);
                        int s = LineSyntax.LeadingWhitespace(raw), e = LineSyntax.TrimmedEnd(raw);
                        if (e > s) library.Malformed.Add(new MalformedLine(SourceText.OnLine(l, s, e), raw[s..e]));
                    }
                    break;
            }
        }
        return library;
    }

    /// <summary>Prose follows the heading, and no entries come before the next heading.</summary>
    private static bool IsIntroduction(List<Block> blocks, int from)
    {
        if (from >= blocks.Count || blocks[from] is not ParagraphBlock) return false;
        for (int i = from; i < blocks.Count && blocks[i] is not HeadingBlock; i++)
            if (blocks[i] is ListBlock) return false;
        return true;
    }

    private static PatternEntry? ReadEntry(SourceText text, ListItemBlock item, PatternCategory? category)
    {
        int line = text.GetPosition(item.Span.Start).Line;
        string raw = text.Line(line);
        if (!LineSyntax.TryList(raw, out var marker)) return null;
        int stop = Math.Max(marker.TextStart, LineSyntax.TrimmedEnd(raw));
        string body = raw[marker.TextStart..stop];
        int arrow = body.IndexOf('→');
        int arrowLength = 1;
        if (arrow < 0)
        {
            arrow = body.IndexOf("->", StringComparison.Ordinal);
            arrowLength = 2;
        }
        string problem = (arrow < 0 ? body : body[..arrow]).Trim();
        string remedy = arrow < 0 ? "" : body[(arrow + arrowLength)..].Trim();
        int problemEnd = marker.TextStart + (arrow < 0 ? body.Length : arrow);
        while (problemEnd > marker.TextStart && char.IsWhiteSpace(raw[problemEnd - 1])) problemEnd--;
        return new PatternEntry
        {
            Problem = problem,
            Remedy = remedy,
            Range = SourceText.OnLine(line, marker.TextStart, stop),
            ProblemRange = SourceText.OnLine(line, marker.TextStart, Math.Max(marker.TextStart, problemEnd)),
            Category = category,
        };
    }

    /// <summary>Problem text compared for duplicates: case, punctuation, emphasis and spacing ignored.</summary>
    public static string NormalizeProblem(string problem) => SectionVocabulary.Normalize(problem);
}
