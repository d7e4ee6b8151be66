using CareerLsp.Core.Text;
using Markdig;
using Markdig.Syntax;

namespace CareerLsp.Core.Syntax;

/// <summary>
/// A Markdown document (a PR description or template) parsed with Markdig into sections.
/// Markdig finds the block structure (headings, lists, code, HTML, quotes) with precise source
/// spans; the lines inside paragraphs are then read with the same <see cref="LineSyntax"/> as
/// commit messages, so <c>Documentation Reviewed:</c> works in both.
/// </summary>
public sealed class MarkdownDocument
{
    internal static MarkdownPipeline Pipeline => MarkdownPipelines.Document;

    private readonly Dictionary<(string? Incoming, string Text), Chunk> _chunks;

    private MarkdownDocument(SourceText text, SectionedDocument document, SectionVocabulary vocabulary, IReadOnlyList<TextRange> htmlComments,
        IReadOnlySet<int> codeOrHtmlLines, IReadOnlySet<int> headingLines, Dictionary<(string?, string), Chunk> chunks)
    {
        Text = text;
        Document = document;
        Vocabulary = vocabulary;
        HtmlComments = htmlComments;
        CodeOrHtmlLines = codeOrHtmlLines;
        HeadingLines = headingLines;
        _chunks = chunks;
    }

    public SourceText Text { get; }

    public SectionedDocument Document { get; }

    internal SectionVocabulary Vocabulary { get; }

    /// <summary>Ranges of HTML comment blocks (template instructions nobody sees on the rendered page).</summary>
    public IReadOnlyList<TextRange> HtmlComments { get; }

    /// <summary>Lines inside code blocks and HTML blocks: not prose.</summary>
    public IReadOnlySet<int> CodeOrHtmlLines { get; }

    /// <summary>Lines holding a heading (ATX, or the text line of a setext heading).</summary>
    public IReadOnlySet<int> HeadingLines { get; }

    /// <summary>How many chunks were parsed rather than reused (for tests and measurements).</summary>
    internal int ChunksParsed { get; private init; }

    public static MarkdownDocument Parse(string text, SectionVocabulary? vocabulary = null) => Parse(new SourceText(text), vocabulary);

    /// <summary>
    /// Parses a document, reusing the work done for <paramref name="previous"/> (an earlier version
    /// of the same document): only chunks whose text changed are parsed again. The result is the same
    /// as parsing from scratch; a property test holds the two to that.
    /// </summary>
    public static MarkdownDocument Parse(SourceText text, SectionVocabulary? vocabulary = null, MarkdownDocument? previous = null) =>
        Parse(text, vocabulary, previous, split: true);

    // split: false parses the whole text as one chunk, the reference the property test compares against.
    internal static MarkdownDocument Parse(SourceText text, SectionVocabulary? vocabulary, MarkdownDocument? previous, bool split)
    {
        vocabulary ??= SectionVocabulary.Default;
        var reuse = previous is not null && ReferenceEquals(previous.Vocabulary, vocabulary) ? previous._chunks : null;
        var chunks = new Dictionary<(string?, string), Chunk>();
        var builder = new SectionTreeBuilder(text, vocabulary);
        var htmlComments = new List<TextRange>();
        var codeOrHtml = new HashSet<int>();
        var headings = new HashSet<int>();
        string? current = null;
        int parsed = 0;
        foreach (var (first, end) in split ? SplitChunks(text) : [(0, text.LineCount)])
        {
            int startOffset = text.LineStart(first);
            int endOffset = end < text.LineCount ? text.LineStart(end) : text.Length;
            var key = (current, text.Text.Substring(startOffset, endOffset - startOffset));
            if (!chunks.TryGetValue(key, out var chunk) && (reuse is null || !reuse.TryGetValue(key, out chunk)))
            {
                chunk = Chunk.Read(key.Item2, vocabulary, current);
                parsed++;
            }
            chunks[key] = chunk;
            foreach (var replay in chunk.Events) replay(builder, first);
            foreach (var range in chunk.HtmlComments) htmlComments.Add(Shift(range, first));
            foreach (int line in chunk.CodeOrHtmlLines) codeOrHtml.Add(line + first);
            foreach (int line in chunk.HeadingLines) headings.Add(line + first);
            current = chunk.OutgoingKind;
        }
        return new MarkdownDocument(text, builder.Build(), vocabulary, htmlComments, codeOrHtml, headings, chunks) { ChunksParsed = parsed };
    }

    internal static TextRange Shift(TextRange range, int lines) =>
        new(new Position(range.Start.Line + lines, range.Start.Character), new Position(range.End.Line + lines, range.End.Character));

    /// <summary>
    /// Cuts the document before every line that starts with <c>#</c> at column 0 after a blank line,
    /// outside fenced code and the HTML blocks that may hold blank lines (comments, &lt;pre&gt;,
    /// &lt;script&gt;, &lt;style&gt;, &lt;textarea&gt;, processing instructions, declarations, CDATA).
    /// CommonMark makes such a line start a new top-level block whatever came before, so every chunk
    /// parses the same on its own as inside the whole. Not cutting is always correct, so anything
    /// uncertain stops the cutting: a line that may open a fence or an HTML block inside another HTML
    /// block (it may be content or, if that block was really a paragraph, a new block), and a fence or
    /// HTML block indented by one to three spaces (it may sit in a list item).
    /// </summary>
    internal static List<(int First, int End)> SplitChunks(SourceText text)
    {
        var cuts = new List<(int, int)>();
        int chunkStart = 0;
        char fence = '\0';
        int fenceLength = 0;
        string? htmlEnd = null;
        bool untilBlank = false;
        for (int line = 0; line < text.LineCount; line++)
        {
            var span = text.LineSpan(line);
            int indent = 0;
            while (indent < span.Length && indent < 4 && span[indent] == ' ') indent++;
            var body = indent < 4 ? span[indent..] : ReadOnlySpan<char>.Empty;
            if (fence != '\0')
            {
                int run = 0;
                while (run < body.Length && body[run] == fence) run++;
                if (run >= fenceLength && body[run..].IsWhiteSpace()) fence = '\0';
                continue;
            }
            if (htmlEnd is not null)
            {
                if (span.Contains(htmlEnd, StringComparison.OrdinalIgnoreCase)) htmlEnd = null;
                continue;
            }
            bool opensFence = IsFenceOpener(body);
            if (untilBlank)
            {
                if (span.IsWhiteSpace()) untilBlank = false;
                else if (opensFence || (body.StartsWith("<") && HtmlBlockEnd(body) is not null)) break; // Uncertain: cut no more.
                continue;
            }
            // Indented 1–3 spaces, a fence or HTML block may belong to a list item and be closed by
            // whatever line ends the item: only column-0 ones are certainly top-level.
            if (indent > 0 && (opensFence || body.StartsWith("<"))) break;
            if (opensFence)
            {
                fence = body[0];
                fenceLength = 0;
                while (fenceLength < body.Length && body[fenceLength] == fence) fenceLength++;
                continue;
            }
            if (body.StartsWith("<"))
            {
                htmlEnd = HtmlBlockEnd(body);
                if (htmlEnd is null) untilBlank = true; // Kinds 6 and 7 (or a paragraph): they end at a blank line.
                else if (body[1..].Contains(htmlEnd, StringComparison.OrdinalIgnoreCase)) htmlEnd = null;
                continue;
            }
            if (line > chunkStart && span.Length > 0 && span[0] == '#' && text.LineSpan(line - 1).IsWhiteSpace() && LineSyntax.TryAtx(span.ToString(), out _))
            {
                cuts.Add((chunkStart, line));
                chunkStart = line;
            }
        }
        cuts.Add((chunkStart, text.LineCount));
        return cuts;
    }

    /// <summary>Three or more backticks or tildes; a backtick fence's info string has no backtick.</summary>
    private static bool IsFenceOpener(ReadOnlySpan<char> body)
    {
        if (!(body.StartsWith("```") || body.StartsWith("~~~"))) return false;
        int run = 0;
        while (run < body.Length && body[run] == body[0]) run++;
        return body[0] == '~' || !body[run..].Contains('`');
    }

    /// <summary>The end marker of an HTML block that may span blank lines (CommonMark types 1–5), or null.</summary>
    private static string? HtmlBlockEnd(ReadOnlySpan<char> line)
    {
        if (line.StartsWith("<!--")) return "-->";
        if (line.StartsWith("<?")) return "?>";
        if (line.StartsWith("<![CDATA[")) return "]]>";
        if (line.Length > 2 && line[1] == '!' && char.IsAsciiLetter(line[2])) return ">";
        foreach (var tag in (ReadOnlySpan<string>)["pre", "script", "style", "textarea"])
        {
            if (line.Length > tag.Length + 1 && line[1..].StartsWith(tag, StringComparison.OrdinalIgnoreCase) &&
                (line.Length == tag.Length + 1 || line[tag.Length + 1] is ' ' or '\t' or '>'))
                return $"</{tag}>";
        }
        return null;
    }

    /// <summary>One chunk read on its own: what the reader saw, replayable at any line offset.</summary>
    private sealed class Chunk
    {
        public required List<Action<SectionTreeBuilder, int>> Events { get; init; }
        public required List<TextRange> HtmlComments { get; init; }
        public required List<int> CodeOrHtmlLines { get; init; }
        public required List<int> HeadingLines { get; init; }
        public required string? OutgoingKind { get; init; }

        public static Chunk Read(string text, SectionVocabulary vocabulary, string? incomingKind)
        {
            var source = new SourceText(text);
            var ast = MarkdownGuard.Parse(text, Pipeline).Ast;
            var reader = new Reader(source, vocabulary, incomingKind is null ? null : SectionKind.FromId(incomingKind));
            reader.Walk(ast, 0);
            var codeOrHtml = new List<int>();
            var headings = new List<int>();
            foreach (var block in ast.Descendants())
            {
                if (block is CodeBlock or HtmlBlock or HeadingBlock)
                {
                    int first = source.GetPosition(block.Span.Start).Line;
                    int last = source.GetPosition(Math.Min(block.Span.End, source.Length)).Line;
                    var target = block is HeadingBlock ? headings : codeOrHtml;
                    for (int l = first; l <= last; l++) target.Add(l);
                }
            }
            return new Chunk
            {
                Events = reader.Events, HtmlComments = reader.HtmlComments, CodeOrHtmlLines = codeOrHtml, HeadingLines = headings,
                OutgoingKind = reader.Current?.Id,
            };
        }
    }

    /// <summary>Walks one chunk's blocks and records the builder calls, in chunk-relative lines.</summary>
    private sealed class Reader(SourceText text, SectionVocabulary vocabulary, SectionKind? current)
    {
        public List<Action<SectionTreeBuilder, int>> Events { get; } = [];

        public List<TextRange> HtmlComments { get; } = [];

        public SectionKind? Current => _current;

        private int _lastLine = -1;
        private SectionKind? _current = current;

        private Recorder Builder => new(Events);

        public void Walk(ContainerBlock container, int depth)
        {
            foreach (var block in container)
            {
                int first = text.GetPosition(block.Span.Start).Line;
                int last = text.GetPosition(Math.Min(block.Span.End, text.Length)).Line;
                if (_lastLine >= 0 && first > _lastLine + 1) Builder.Blank();
                switch (block)
                {
                    case HeadingBlock heading:
                        ReadHeading(heading, first);
                        break;
                    case ParagraphBlock paragraph:
                        ReadParagraph(first, last);
                        break;
                    case ListBlock list:
                        ReadList(list, depth);
                        break;
                    case QuoteBlock quote:
                        Walk(quote, depth);
                        break;
                    case HtmlBlock html:
                        if (html.Type == HtmlBlockType.Comment) HtmlComments.Add(text.GetRange(html.Span.Start, Math.Min(html.Span.End + 1, text.Length)));
                        break;
                    case CodeBlock code:
                        ReadCode(code, first, last);
                        break;
                    case ThematicBreakBlock:
                        Builder.Blank();
                        break;
                }
                _lastLine = Math.Max(_lastLine, last);
            }
        }

        private void ReadHeading(HeadingBlock heading, int line)
        {
            string raw = text.Line(line);
            int start, end;
            if (heading.IsSetext || !LineSyntax.TryAtx(raw, out var atx))
            {
                start = LineSyntax.LeadingWhitespace(raw);
                end = Math.Max(start, LineSyntax.TrimmedEnd(raw));
            }
            else
            {
                start = atx.TitleStart;
                end = atx.TitleEnd;
            }
            string title = raw[start..end];
            Builder.Heading(title, SourceText.OnLine(line, start, end), SectionSyntax.MarkdownHeading, heading.Level, text.LineRange(line));
            _current = vocabulary.Resolve(title) ?? (heading.Level <= 2 ? null : _current);
        }

        private void ReadParagraph(int first, int last)
        {
            for (int line = first; line <= last; line++)
            {
                string raw = StripQuote(text.Line(line));
                int offset = text.Line(line).Length - raw.Length;
                int start = LineSyntax.LeadingWhitespace(raw);
                string trimmed = raw[start..];
                if (line == first && (LineSyntax.TryBold(trimmed, out var heading) || LineSyntax.TryColon(trimmed, vocabulary, _current, out heading)))
                {
                    string title = trimmed[heading.TitleStart..heading.TitleEnd].Trim().Trim('*', '_').Trim();
                    var titleRange = SourceText.OnLine(line, offset + start + heading.TitleStart, offset + start + heading.TitleEnd);
                    Builder.Heading(title, titleRange, heading.Syntax, 0, text.LineRange(line));
                    _current = vocabulary.Resolve(title) ?? _current;
                    if (heading.HasValue)
                    {
                        int stop = LineSyntax.TrimmedEnd(trimmed);
                        Builder.Line(trimmed[heading.ValueStart..stop],
                            SourceText.OnLine(line, offset + start + heading.ValueStart, offset + start + stop), text.LineRange(line));
                    }
                    continue;
                }
                int end = LineSyntax.TrimmedEnd(trimmed);
                if (end == 0) continue;
                Builder.Line(trimmed[..end], SourceText.OnLine(line, offset + start, offset + start + end), text.LineRange(line));
            }
        }

        private void ReadList(ListBlock list, int depth)
        {
            foreach (var block in list)
            {
                if (block is not ListItemBlock item) continue;
                int line = text.GetPosition(item.Span.Start).Line;
                string raw = text.Line(line);
                if (!LineSyntax.TryList(StripQuote(raw), out var marker)) continue;
                int offset = raw.Length - StripQuote(raw).Length;
                int stop = Math.Max(offset + marker.TextStart, LineSyntax.TrimmedEnd(raw));
                int start = Math.Min(offset + marker.TextStart, stop);
                Builder.Item(raw[start..stop], SourceText.OnLine(line, start, stop), text.LineRange(line), depth, marker.Checked,
                    marker.CheckboxStart >= 0 ? SourceText.OnLine(line, offset + marker.CheckboxStart, offset + marker.CheckboxStart + 3) : null);

                foreach (var child in item)
                {
                    int childFirst = text.GetPosition(child.Span.Start).Line;
                    int childLast = text.GetPosition(Math.Min(child.Span.End, text.Length)).Line;
                    switch (child)
                    {
                        case ListBlock nested:
                            ReadList(nested, depth + 1);
                            break;
                        case ParagraphBlock or CodeBlock:
                            for (int l = Math.Max(childFirst, line + 1); l <= childLast; l++)
                            {
                                string continuation = StripQuote(text.Line(l)).Trim();
                                if (continuation.Length > 0) Builder.Continuation(continuation, text.LineRange(l));
                            }
                            break;
                    }
                    _lastLine = Math.Max(_lastLine, childLast);
                }
            }
        }

        private void ReadCode(CodeBlock code, int first, int last)
        {
            // Commands in a code block under Testing are evidence of testing: keep them as one entry.
            var lines = new List<string>();
            for (int line = first; line <= last; line++) lines.Add(text.Line(line).Trim());
            string joined = string.Join(' ', lines).Trim();
            if (joined.Length > 0) Builder.Line(joined, text.LineRange(first), text.LineRange(first));
        }

        /// <summary>Records a call to <see cref="SectionTreeBuilder"/> to replay it later at a line offset.</summary>
        private readonly struct Recorder(List<Action<SectionTreeBuilder, int>> events)
        {
            public void Heading(string title, TextRange titleRange, SectionSyntax syntax, int level, TextRange lineRange) =>
                events.Add((b, o) => b.Heading(title, Shift(titleRange, o), syntax, level, Shift(lineRange, o)));

            public void Item(string itemText, TextRange range, TextRange lineRange, int depth, bool? isChecked, TextRange? checkbox) =>
                events.Add((b, o) => b.Item(itemText, Shift(range, o), Shift(lineRange, o), depth, isChecked, checkbox is { } c ? Shift(c, o) : null));

            public void Continuation(string lineText, TextRange lineRange) =>
                events.Add((b, o) => b.Continuation(lineText, Shift(lineRange, o)));

            public void Line(string lineText, TextRange range, TextRange lineRange) =>
                events.Add((b, o) => b.Line(lineText, Shift(range, o), Shift(lineRange, o)));

            public void Blank() => events.Add((b, _) => b.Blank());
        }

        private static string StripQuote(string line)
        {
            int i = 0;
            while (true)
            {
                int j = i;
                while (j < line.Length && j - i < 3 && line[j] == ' ') j++;
                if (j < line.Length && line[j] == '>')
                {
                    i = j + 1;
                    if (i < line.Length && line[i] == ' ') i++;
                    continue;
                }
                return line[i..];
            }
        }
    }
}
