namespace CareerLsp.Core.Tests.Rules;

public sealed class SourcesRequiredTests
{
    private const string Only = "sources-required";

    [Fact]
    public void Missing_section_is_reported_on_the_subject()
    {
        Expect.Commit("""
            Add the commit-msg hook
            ^^^^^^^^^^^^^^^^^^^^^^^ error sources-required: No Sources Consulted section: list the docs, code or issues you read before making this change

            Installs the hook.
            """, Only);
    }

    [Fact]
    public void Colon_heading_with_items_satisfies_the_rule()
    {
        Expect.Commit("""
            Add the commit-msg hook

            Sources Consulted:
            - https://git-scm.com/docs/githooks
            """, Only);
    }

    [Fact]
    public void Markdown_heading_counts_when_comments_use_another_character()
    {
        Expect.Commit("""
            Add the commit-msg hook

            ## Sources consulted
            - githooks(5)
            """, Only, new() { CommitParse = new() { CommentChar = ";" } });
    }

    [Fact]
    public void Trailer_counts()
    {
        Expect.Commit("""
            Add the commit-msg hook

            Installs it.

            Sources-Consulted: https://git-scm.com/docs/githooks
            Signed-off-by: A U Thor <a@example.com>
            """, Only);
    }

    [Fact]
    public void Alias_from_configuration_counts()
    {
        var config = Core.Domain.Configuration.ConfigLoader.Load("""{ "aliases": { "sources": ["Read first"] } }""").Config;
        Expect.Commit("""
            Add the commit-msg hook

            Read first:
            - githooks(5)
            """, Only, new() { Config = config });
    }

    [Fact]
    public void Section_inside_a_comment_does_not_count()
    {
        Expect.Commit("""
            Add the commit-msg hook
            ^^^^^^^^^^^^^^^^^^^^^^^ error sources-required: No Sources Consulted section: list the docs, code or issues you read before making this change
            # Sources Consulted: https://git-scm.com/docs/githooks
            """, Only);
    }

    [Fact]
    public void Merge_commits_are_not_asked_for_sources()
    {
        Expect.Commit("""
            Merge branch 'topic' into main
            """, Only);
    }

    [Fact]
    public void Revert_commits_are_not_asked_for_sources()
    {
        Expect.Commit("""
            Revert "Add the hook"

            This reverts commit 0123456789abcdef.
            It broke CI on Windows.
            """, Only);
    }

    [Fact]
    public void Fixup_commits_are_not_asked_for_sources()
    {
        Expect.Commit("""
            fixup! Add the hook
            """, Only);
    }
}
