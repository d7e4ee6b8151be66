using CareerLsp.Core.Syntax;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Tests.Parsing;

/// <summary>The commit message is read as git reads it.</summary>
public sealed class CommitMessageTests
{
    [Fact]
    public void Comment_lines_and_everything_after_the_scissors_line_are_not_content()
    {
        var message = CommitMessage.Parse("Subject\n\nBody\n# comment\n# ------------------------ >8 ------------------------\nSources Consulted:\n- x\n");
        Assert.Equal([0, 1, 2], message.ContentLines);
        Assert.Equal([3], message.CommentLines);
        Assert.Empty(message.Document.SectionsOf(SectionKind.Sources));
    }

    [Fact]
    public void Auto_comment_char_is_recognised_from_the_template_git_wrote()
    {
        string text = "Subject\n\n# not a comment: a Markdown heading\n; Please enter the commit message for your changes.\n";
        var message = CommitMessage.Parse(text, new CommitParseOptions { CommentChar = "auto" });
        Assert.Equal(";", message.CommentPrefix);
        Assert.Equal([3], message.CommentLines);
    }

    [Fact]
    public void Cleanup_modes_decide_whether_comments_are_removed()
    {
        string text = "Subject\n# kept unless stripped\n";
        Assert.Single(CommitMessage.Parse(text, new CommitParseOptions { Cleanup = CommitCleanup.Strip }).CommentLines);
        Assert.Empty(CommitMessage.Parse(text, new CommitParseOptions { Cleanup = CommitCleanup.Whitespace }).CommentLines);
        Assert.Empty(CommitMessage.Parse(text, new CommitParseOptions { Cleanup = CommitCleanup.Verbatim }).CommentLines);
        string scissors = "Subject\n# ------------------------ >8 ------------------------\ncut\n";
        Assert.Equal([0], CommitMessage.Parse(scissors, new CommitParseOptions { Cleanup = CommitCleanup.Scissors }).ContentLines);
        Assert.Equal([0, 1, 2], CommitMessage.Parse(scissors, new CommitParseOptions { Cleanup = CommitCleanup.Verbatim }).ContentLines);
    }

    [Fact]
    public void Crlf_positions_count_utf16_units_and_exclude_the_line_break()
    {
        var message = CommitMessage.Parse("Add 😀 support\r\n\r\nSources Consulted:\r\n- https://example.org\r\n");
        Assert.Equal(new TextRange(new Position(0, 0), new Position(0, 14)), message.SubjectRange);
        var item = Assert.Single(message.Document.SectionsOf(SectionKind.Sources).Single().Items);
        Assert.Equal("https://example.org", item.Text);
        Assert.Equal(new TextRange(new Position(3, 2), new Position(3, 21)), item.Range);
    }

    [Fact]
    public void Trailer_block_follows_gits_rules()
    {
        // Every line a trailer: a block.
        Assert.Equal(2, CommitMessage.Parse("S\n\nBody\n\nRefs: #1\nSources-Consulted: https://x.org\n").Trailers.Count);
        // A git trailer and at least a quarter of the lines: a block, prose lines ignored.
        var mixed = CommitMessage.Parse("S\n\nBody\n\nSome prose here\nSigned-off-by: A <a@b>\n");
        Assert.Equal("Signed-off-by", Assert.Single(mixed.Trailers).Token);
        // Prose with one colon and no git trailer: not a block.
        Assert.Empty(CommitMessage.Parse("S\n\nBody\n\nNote: this is prose\nand more prose\n").Trailers);
        // The subject's paragraph is never a trailer block, and a URL is not a trailer.
        Assert.Empty(CommitMessage.Parse("Refs: #1\n").Trailers);
        Assert.Empty(CommitMessage.Parse("S\n\nhttps://x.org/a\n").Trailers);
    }

    [Fact]
    public void Indented_continuations_of_a_trailer_become_its_items()
    {
        var message = CommitMessage.Parse("S\n\nBody\n\nPre-mortem:\n  - Failure: a\n  - Race: b\nSigned-off-by: A <a@b>\n");
        var section = Assert.Single(message.Document.SectionsOf(SectionKind.Premortem));
        Assert.Equal(SectionSyntax.Trailer, section.Syntax);
        Assert.Equal(["Failure: a", "Race: b"], section.Items.Select(i => i.Text));
        Assert.Equal(new Position(5, 4), section.Items[0].Range.Start);
    }

    [Fact]
    public void Prose_after_a_list_ends_a_colon_section_but_a_loose_list_continues_it()
    {
        var message = CommitMessage.Parse("S\n\nSources Consulted:\n- a.md\n\n- b.md\n\nThis paragraph is prose.\n");
        var section = Assert.Single(message.Document.SectionsOf(SectionKind.Sources));
        Assert.Equal(["a.md", "b.md"], section.Items.Select(i => i.Text));
    }

    [Fact]
    public void Insertion_point_is_before_the_trailers()
    {
        var message = CommitMessage.Parse("S\n\nBody\n\nSigned-off-by: A <a@b>\n");
        Assert.True(message.InsertsBeforeTrailers);
        Assert.Equal(new Position(4, 0), message.InsertionPoint);
    }
}
