using System.Text;
using CareerLsp.Core.Syntax;
using CareerLsp.Core.Text;
using FsCheck;
using FsCheck.Fluent;

namespace CareerLsp.Core.Tests.Parsing;

/// <summary>
/// Chunked, incremental Markdown parsing must be invisible: the same sections as parsing the whole
/// text at once, and after an edit the same as parsing the new text from scratch.
/// </summary>
public sealed class IncrementalParsingTests
{
    private static readonly string[] Lines =
    [
        "", "", "", "# Title", "## Pre-mortem", "### Race conditions", "## Testing", "## Documentation Reviewed", "#hashtag", "# ",
        "- item", "- [ ] task", "- Failure: x", "  - nested", "1. one", "> quote", "> # quoted heading", "Failures:", "Sources Consulted:",
        "Some prose.", "    indented code", "```", "```js", "~~~", "<!--", "-->", "<!-- inline -->", "<pre>", "</pre>", "<div>",
        "**Bold**", "Title", "=====", "---", "| a | b |", "|---|---|", "[ref]: https://x.org", "- https://x.org",
        "<details>", "</details>", "<span>x</span>", "``` a`b", "  ```", "- item\n\n   ```",
    ];

    [Fact]
    public void Counterexamples_the_property_found()
    {
        // Found by the property below: "```js" is content of the <div> block, so the later ``` opens a fence.
        foreach (var found in new[]
        {
            "<div>\n```js\n\n```\n\n## Testing\n",
            // A fence in a list item, closed with the item by a column-0 <pre> that then runs to the end.
            "- item\n   ```\n<pre>\n  ```\n\n### Race conditions\n",
        })
        {
            var text = new SourceText(found);
            Assert.Equal(Dump(MarkdownDocument.Parse(text, null, null, split: false)), Dump(MarkdownDocument.Parse(text)));
        }
    }

    private static Arbitrary<string> Documents() =>
        Gen.Elements(Lines).ListOf().Select(lines => string.Join('\n', lines)).ToArbitrary();

    /// <summary>Everything the rules read: sections, parts, items with ranges, HTML comments, line sets.</summary>
    internal static string Dump(MarkdownDocument doc)
    {
        var sb = new StringBuilder();
        void Items(IEnumerable<SectionItem> items, string indent)
        {
            foreach (var i in items)
            {
                sb.Append(indent).Append(i.Text).Append(' ').Append(i.Range).Append(' ').Append(i.LineRange).Append(' ').Append(i.Checked).Append(' ').Append(i.CheckboxRange).Append('\n');
                Items(i.Children, indent + "  ");
            }
        }
        void Section(Section s, string indent)
        {
            sb.Append(indent).Append($"[{s.Kind}] {s.Title} {s.TitleRange} {s.Syntax} {s.Level} end {s.End}\n");
            Items(s.Items, indent + "  ");
            foreach (var part in s.Parts) Section(part, indent + "  ");
        }
        foreach (var s in doc.Document.Sections) Section(s, "");
        sb.Append("html ").AppendJoin(",", doc.HtmlComments).Append('\n');
        sb.Append("code ").AppendJoin(",", doc.CodeOrHtmlLines.Order()).Append('\n');
        sb.Append("headings ").AppendJoin(",", doc.HeadingLines.Order()).Append('\n');
        return sb.ToString();
    }

    private static readonly FsCheck.Config Config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(500).WithQuietOnSuccess(true);

    [Fact]
    public void Chunked_parsing_equals_parsing_the_whole_text()
    {
        Prop.ForAll(Documents(), text =>
        {
            var source = new SourceText(text);
            string whole = Dump(MarkdownDocument.Parse(source, null, null, split: false)), chunked = Dump(MarkdownDocument.Parse(source));
            Assert.Equal(whole, chunked);
        }).Check(Config);
    }

    [Fact]
    public void Reparsing_after_an_edit_equals_parsing_from_scratch()
    {
        var edits = Gen.Elements(Lines).Select(l => l + "\n");
        var documents = Gen.Elements(Lines).ListOf().Select(lines => string.Join('\n', lines));
        var cases =
            from text in documents
            from at in Gen.Choose(0, 1000)
            from remove in Gen.Choose(0, 40)
            from insert in edits
            select (text, at, remove, insert);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (text, at, remove, insert) = c;
            var before = MarkdownDocument.Parse(new SourceText(text));
            int start = Math.Min(at, text.Length);
            int end = Math.Min(start + remove, text.Length);
            var after = new SourceText(text[..start] + insert + text[end..]);
            Assert.Equal(Dump(MarkdownDocument.Parse(after)), Dump(MarkdownDocument.Parse(after, null, before)));
        }).Check(Config);
    }

    [Fact]
    public void An_edit_in_one_section_parses_only_that_chunk()
    {
        var text = new StringBuilder("# PR\n\n");
        for (int i = 0; i < 50; i++) text.Append($"## Notes {i}\n\n- item {i}\n\n");
        var before = MarkdownDocument.Parse(new SourceText(text.ToString()));
        Assert.Equal(51, before.ChunksParsed);
        var after = MarkdownDocument.Parse(new SourceText(text.ToString().Replace("- item 25\n", "- item twenty-five\n")), null, before);
        Assert.Equal(1, after.ChunksParsed);
    }
}
