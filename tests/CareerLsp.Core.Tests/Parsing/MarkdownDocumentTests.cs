using CareerLsp.Core.Syntax;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Tests.Parsing;

/// <summary>PR descriptions through Markdig: the same sections, with precise positions.</summary>
public sealed class MarkdownDocumentTests
{
    [Fact]
    public void Setext_headings_quotes_nested_lists_and_task_items()
    {
        var doc = MarkdownDocument.Parse("Pre-mortem\n==========\n\n> - Failure: quoted\n\n- Ways this could fail:\n  - nested one\n- [ ] Race: unchecked\n");
        var section = Assert.Single(doc.Document.SectionsOf(SectionKind.Premortem));
        Assert.Equal(new TextRange(new Position(0, 0), new Position(0, 10)), section.TitleRange);
        var items = section.AllItems().ToList();
        Assert.Equal(["Failure: quoted", "Ways this could fail:", "nested one", "Race: unchecked"], items.Select(i => i.Text));
        Assert.Equal(new Position(6, 4), items[2].Range.Start);
        Assert.False(items[3].Checked);
    }

    [Fact]
    public void Code_blocks_and_html_comments_are_not_sections()
    {
        var doc = MarkdownDocument.Parse("```\n## Testing\n```\n<!--\n## Testing\n-->\n");
        Assert.Empty(doc.Document.SectionsOf(SectionKind.Testing));
        Assert.Single(doc.HtmlComments);
    }

    [Fact]
    public void Colon_headings_inside_a_paragraph_split_into_heading_and_items()
    {
        var doc = MarkdownDocument.Parse("Documentation Reviewed:\nhttps://a.org\nhttps://b.org\n");
        var section = Assert.Single(doc.Document.SectionsOf(SectionKind.DocumentationReviewed));
        Assert.Equal(["https://a.org", "https://b.org"], section.Items.Select(i => i.Text));
        Assert.Equal(new Position(2, 0), section.Items[1].Range.Start);
    }
}
