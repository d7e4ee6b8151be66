using CareerLsp.Core.Text;
using Markdig;
using Markdig.Syntax;

namespace CareerLsp.Core.Syntax;

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

    /// <summary>The terms named in a nested <c>Matches:</c> item; empty when the problem's own words are used.</summary>
    public IReadOnlyList<PatternTerm> Terms { get; init; } = [];

    /// <summary>Zero-based line of the entry in the library.</summary>
    public int Line => Range.Start.Line;

    private string? _normalized;

    /// <summary>The problem as duplicates and citations compare it (see <see cref="PatternLibrary.NormalizeProblem"/>).</summary>
    public string NormalizedProblem => _normalized ??= PatternLibrary.NormalizeProblem(Problem);

    /// <summary>This entry moved down by <paramref name="lines"/>, in <paramref name="category"/>.</summary>
    internal PatternEntry At(int lines, PatternCategory? category) => new()
    {
        Problem = Problem,
        Remedy = Remedy,
        Range = MarkdownDocument.Shift(Range, lines),
        ProblemRange = MarkdownDocument.Shift(ProblemRange, lines),
        Category = category,
        Terms = lines == 0 || Terms.Count == 0 ? Terms : Terms.Select(t => t with { Range = MarkdownDocument.Shift(t.Range, lines) }).ToArray(),
        _normalized = NormalizedProblem,
    };
}

/// <summary>
/// A term an entry matches, from its <c>Matches:</c> item. A path term (it contains <c>/</c> or
/// <c>*</c>, or is a file name such as <c>Chart.yaml</c>) is compared with the changed files' paths;
/// any other term is a word or phrase looked for in the change and the message.
/// </summary>
public sealed record PatternTerm(string Text, bool IsPath, bool IsGlob, TextRange Range);

/// <summary>A line that is neither a heading, an entry, nor the library's introduction.</summary>
public sealed record MalformedLine(TextRange Range, string Text, string? Reason = null);

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

    private static MarkdownPipeline Pipeline => MarkdownPipelines.BlocksOnly;

    /// <summary>Parses a library; pass the previous version's model to re-read only the chunks an edit touched.</summary>
    public static PatternLibrary Parse(SourceText text, PatternLibrary? previous = null) => Parse(text, previous, split: true);

    /// <summary>With <c>split: false</c> the whole text is one chunk: the reference the property tests compare with.</summary>
    internal static PatternLibrary Parse(SourceText text, PatternLibrary? previous, bool split)
    {
        var library = new PatternLibrary(text);
        var stack = new List<PatternCategory>();
        bool sawEntryOrCategory = false;
        foreach (var (first, end) in split ? MarkdownDocument.SplitChunks(text) : [(0, text.LineCount)])
        {
            string chunkText = text.Text[text.LineStart(first)..(end < text.LineCount ? text.LineStart(end) : text.Length)];
            if (previous?._chunks.TryGetValue(chunkText, out var chunk) != true) chunk = ReadChunk(chunkText);
            library._chunks[chunkText] = chunk!;
            foreach (var item in chunk!.Items)
            {
                switch (item)
                {
                    case ChunkHeading heading:
                    {
                        var range = MarkdownDocument.Shift(heading.Range, first);
                        if (!sawEntryOrCategory && library.TitleRange is null && heading.IntroductionFollows)
                        {
                            library.TitleRange = range;
                            stack.Clear();
                            break;
                        }
                        var category = new PatternCategory { Title = heading.Title, TitleRange = range, Level = heading.Level };
                        while (stack.Count > 0 && stack[^1].Level >= heading.Level) stack.RemoveAt(stack.Count - 1);
                        if (stack.Count > 0) stack[^1].Children.Add(category);
                        else library.Categories.Add(category);
                        stack.Add(category);
                        sawEntryOrCategory = true;
                        break;
                    }
                    case ChunkEntry entry:
                    {
                        var shifted = entry.Entry.At(first, stack.Count > 0 ? stack[^1] : null);
                        library.Entries.Add(shifted);
                        shifted.Category?.Entries.Add(shifted);
                        sawEntryOrCategory = true;
                        break;
                    }
                    case ChunkProse prose:
                        // Prose is the introduction under the title, or before anything else; elsewhere it is not an entry.
                        if (stack.Count == 0 && !sawEntryOrCategory) break;
                        foreach (var line in prose.Lines) library.Malformed.Add(line with { Range = MarkdownDocument.Shift(line.Range, first) });
                        break;
                    case ChunkMalformed malformed:
                        library.Malformed.Add(malformed.Line with { Range = MarkdownDocument.Shift(malformed.Line.Range, first) });
                        break;
                }
            }
        }
        // Document order, however the chunks were cut.
        library.Malformed.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
        return library;
    }

    /// <summary>The chunks read for this version, by text: the next version reuses those it still has.</summary>
    private readonly Dictionary<string, ReadChunkResult> _chunks = new(StringComparer.Ordinal);

    private abstract record ChunkItem;

    private sealed record ChunkHeading(string Title, TextRange Range, int Level, bool IntroductionFollows) : ChunkItem;

    private sealed record ChunkEntry(PatternEntry Entry) : ChunkItem;

    private sealed record ChunkProse(List<MalformedLine> Lines) : ChunkItem;

    private sealed record ChunkMalformed(MalformedLine Line) : ChunkItem;

    /// <summary>What a chunk says, in order, with lines counted from the chunk's first line.</summary>
    private sealed record ReadChunkResult(List<ChunkItem> Items);

    /// <summary>
    /// Reads one chunk (a run of lines that Markdig parses the same alone as in the whole, see
    /// <see cref="MarkdownDocument.SplitChunks"/>). What depends on earlier chunks (the category
    /// stack, whether a heading is the title) is decided when the chunks are replayed in order.
    /// </summary>
    private static ReadChunkResult ReadChunk(string chunkText)
    {
        var text = new SourceText(chunkText);
        var items = new List<ChunkItem>();
        var (ast, skipped, failed) = MarkdownGuard.Parse(chunkText, Pipeline);
        foreach (int line in skipped)
            items.Add(new ChunkMalformed(new MalformedLine(text.LineRange(line), text.Line(line).Trim(),
                $"This line is indented more than {MarkdownGuard.MaxIndent} columns (nested too deep to be an entry's detail): it is not read")));
        if (failed && text.LineCount > 0)
            items.Add(new ChunkMalformed(new MalformedLine(text.LineRange(0), text.Line(0),
                "This part of the file nests Markdown too deeply to be read (hundreds of levels): no entry in it was read")));
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
                    items.Add(new ChunkHeading(raw[start..end].Trim(), SourceText.OnLine(line, start, end), heading.Level, IsIntroduction(blocks, b + 1)));
                    break;
                }
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        if (ReadEntry(text, item, null) is { } entry) items.Add(new ChunkEntry(entry));
                    }
                    break;
                case ParagraphBlock paragraph:
                {
                    var lines = new List<MalformedLine>();
                    int last = text.GetPosition(Math.Min(paragraph.Span.End, text.Length)).Line;
                    for (int l = line; l <= last; l++)
                    {
                        string raw = text.Line(l);
                        int s = LineSyntax.LeadingWhitespace(raw), e = LineSyntax.TrimmedEnd(raw);
                        if (e > s) lines.Add(new MalformedLine(SourceText.OnLine(l, s, e), raw[s..e]));
                    }
                    items.Add(new ChunkProse(lines));
                    break;
                }
            }
        }
        return new ReadChunkResult(items);
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
        var body = raw.AsSpan(marker.TextStart, stop - marker.TextStart);
        int arrow = FindArrow(body, out int arrowLength);
        string problem = (arrow < 0 ? body : body[..arrow]).Trim().ToString();
        string remedy = arrow < 0 ? "" : body[(arrow + arrowLength)..].Trim().ToString();
        int problemEnd = marker.TextStart + (arrow < 0 ? body.Length : arrow);
        while (problemEnd > marker.TextStart && char.IsWhiteSpace(raw[problemEnd - 1])) problemEnd--;
        return new PatternEntry
        {
            Terms = ReadTerms(text, item),
            Problem = problem,
            Remedy = remedy,
            Range = SourceText.OnLine(line, marker.TextStart, stop),
            ProblemRange = SourceText.OnLine(line, marker.TextStart, Math.Max(marker.TextStart, problemEnd)),
            Category = category,
        };
    }

    /// <summary>An entry's text split at its arrow (<c>→</c>, else <c>-&gt;</c>): the problem, and the remedy or empty.</summary>
    public static (string Problem, string Remedy) SplitEntry(string text)
    {
        int arrow = FindArrow(text, out int length);
        return arrow < 0 ? (text.Trim(), "") : (text[..arrow].Trim(), text[(arrow + length)..].Trim());
    }

    private static int FindArrow(ReadOnlySpan<char> text, out int length)
    {
        length = 1;
        int arrow = text.IndexOf('→');
        if (arrow >= 0) return arrow;
        length = 2;
        return text.IndexOf("->", StringComparison.Ordinal);
    }

    /// <summary>The label of the nested item that names an entry's terms.</summary>
    public const string TermsLabel = "Matches:";

    /// <summary>
    /// Terms from a nested <c>- Matches: `Chart.yaml`, helm, kube version</c> item: separated by
    /// commas, each optionally in backticks.
    /// </summary>
    private static IReadOnlyList<PatternTerm> ReadTerms(SourceText text, ListItemBlock item)
    {
        List<PatternTerm>? terms = null;
        foreach (var list in item.OfType<ListBlock>())
        {
            foreach (var child in list.OfType<ListItemBlock>())
            {
                int line = text.GetPosition(child.Span.Start).Line;
                string raw = text.Line(line);
                if (!LineSyntax.TryList(raw, out var marker)) continue;
                if (string.Compare(raw, marker.TextStart, TermsLabel, 0, TermsLabel.Length, StringComparison.OrdinalIgnoreCase) != 0) continue;
                int i = marker.TextStart + TermsLabel.Length;
                while (i <= raw.Length)
                {
                    int start = i;
                    bool inCode = false;
                    while (i < raw.Length && (inCode || raw[i] != ','))
                    {
                        if (raw[i] == '`') inCode = !inCode;
                        i++;
                    }
                    int s = start, e = i;
                    while (s < e && char.IsWhiteSpace(raw[s])) s++;
                    while (e > s && char.IsWhiteSpace(raw[e - 1])) e--;
                    if (e - s >= 2 && raw[s] == '`' && raw[e - 1] == '`') { s++; e--; }
                    string term = raw[s..e].Trim();
                    if (term.Length > 0)
                    {
                        bool glob = term.Contains('*') || term.Contains('?');
                        bool path = glob || term.Contains('/') || LooksLikeFileName(term);
                        (terms ??= []).Add(new PatternTerm(term, path, glob, SourceText.OnLine(line, s, e)));
                    }
                    i++;
                }
            }
        }
        return terms ?? (IReadOnlyList<PatternTerm>)[];
    }

    /// <summary><c>Chart.yaml</c>, <c>.env</c>, <c>package-lock.json</c>: one word with a short extension.</summary>
    private static bool LooksLikeFileName(string term)
    {
        if (term.Any(char.IsWhiteSpace)) return false;
        int dot = term.LastIndexOf('.');
        if (dot < 0 || dot == term.Length - 1 || term.Length - dot - 1 > 6) return false;
        for (int k = dot + 1; k < term.Length; k++) if (!char.IsAsciiLetterOrDigit(term[k])) return false;
        return true;
    }

    /// <summary>Problem text compared for duplicates: case, punctuation, emphasis and spacing ignored.</summary>
    public static string NormalizeProblem(string problem) => SectionVocabulary.Normalize(problem);
}
