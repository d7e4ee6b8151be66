using CareerLsp.Core.Text;
using Markdig;
using Markdig.Syntax;

namespace CareerLsp.Core.Parsing;

/// <summary>
/// A Markdown document (a PR description or template) parsed with Markdig into sections.
/// Markdig finds the block structure (headings, lists, code, HTML, quotes) with precise source
/// spans; the lines inside paragraphs are then read with the same <see cref="LineSyntax"/> as
/// commit messages, so <c>Documentation Reviewed:</c> works in both.
/// </summary>
public sealed class MarkdownDocument
{
    /// <summary>The one pipeline: built once, with precise source locations (marksman does the same).</summary>
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseTaskLists()
        .UsePipeTables()
        .Build();

    private MarkdownDocument(SourceText text, Markdig.Syntax.MarkdownDocument ast, SectionedDocument document, IReadOnlyList<TextRange> htmlComments)
    {
        Text = text;
        Ast = ast;
        Document = document;
        HtmlComments = htmlComments;
    }

    public SourceText Text { get; }

    public Markdig.Syntax.MarkdownDocument Ast { get; }

    public SectionedDocument Document { get; }

    /// <summary>Ranges of HTML comment blocks (template instructions nobody sees on the rendered page).</summary>
    public IReadOnlyList<TextRange> HtmlComments { get; }

    public static MarkdownDocument Parse(string text, SectionVocabulary? vocabulary = null) => Parse(new SourceText(text), vocabulary);

    public static MarkdownDocument Parse(SourceText text, SectionVocabulary? vocabulary = null)
    {
        vocabulary ??= SectionVocabulary.Default;
        var ast = Markdown.Parse(text.Text, Pipeline);
        var reader = new Reader(text, vocabulary);
        reader.Walk(ast, 0);
        return new MarkdownDocument(text, ast, reader.Builder.Build(), reader.HtmlComments);
    }

    private sealed class Reader(SourceText text, SectionVocabulary vocabulary)
    {
        public SectionTreeBuilder Builder { get; } = new(text, vocabulary);

        public List<TextRange> HtmlComments { get; } = [];

        private int _lastLine = -1;
        private SectionKind? _current;

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
