using CareerLsp.Core.Engine;

namespace CareerLsp.Core.Tests.Rules;

/// <summary>CL040–CL046: what commitlint and gitlint users expect, plus comment headings.</summary>
public sealed class CommitHygieneTests
{
    [Fact]
    public void Empty_message_after_comments()
    {
        Expect.Commit("""
            # Please enter the commit message for your changes. Lines starting
            | error message-empty: The commit message is empty: write a subject line that says what the change does
            # with '#' will be ignored, and an empty message aborts the commit.
            """, "message-empty");
    }

    [Fact]
    public void Subject_too_long_marks_the_excess()
    {
        Expect.Commit("""
            Teach the commit-msg hook to read core.commentChar and commit.cleanup from git config
                                                                                    ^^^^^^^^^^^^^ warning subject-max-length: The subject is 85 characters; keep it within 72 (git log --oneline and code review tools cut it there)
            """, "subject-max-length");
    }

    [Fact]
    public void Subject_length_is_configurable()
    {
        var config = Core.Domain.Configuration.ConfigLoader.Load("""{ "rules": { "subject-max-length": { "max": 20 } } }""").Config;
        Expect.Commit("""
            Add the commit-msg hook
                                ^^^ warning subject-max-length: The subject is 23 characters; keep it within 20 (git log --oneline and code review tools cut it there)
            """, "subject-max-length", new() { Config = config });
    }

    [Fact]
    public void Blank_line_after_subject()
    {
        Expect.Commit("""
            Add the hook
            It runs on every commit.
            ^^^^^^^^^^^^^^^^^^^^^^^^ warning subject-blank-line: Leave a blank line after the subject: git reads the whole first paragraph as the subject
            """, "subject-blank-line");
    }

    [Fact]
    public void Long_body_lines_but_not_urls_or_trailers()
    {
        Expect.Commit("""
            Add the hook

            This line is deliberately written to be far longer than one hundred characters so that it is reported.
                                                                                                                ^^ info body-max-line-length: This line is 102 characters; wrap the body at 100
            See https://git-scm.com/docs/githooks#_commit_msg_hook_which_is_also_a_very_long_address_indeed_yes
            """, "body-max-line-length");
    }

    [Theory]
    [InlineData("fix typo")]
    [InlineData("oops")]
    [InlineData("Fix the build")]
    [InlineData("Forgot to add the test file")]
    [InlineData("WIP")]
    [InlineData("fix: typo in README")]
    public void Fix_forward_subjects(string subject)
    {
        var result = Checker.CheckCommitMessage(subject);
        Assert.Contains(result.Findings, f => f.Rule.Slug == "fix-forward-subject");
    }

    [Theory]
    [InlineData("fix(parser): handle CRLF line endings")]
    [InlineData("Fix off-by-one in UTF-16 positions")]
    [InlineData("Revert \"Add the hook\"")]
    [InlineData("Add a typography section")]
    public void Ordinary_fixes_are_not_fix_forwards(string subject)
    {
        var result = Checker.CheckCommitMessage(subject);
        Assert.DoesNotContain(result.Findings, f => f.Rule.Slug == "fix-forward-subject");
    }

    [Fact]
    public void Fixup_subject_says_how_to_squash()
    {
        Expect.Commit("""
            fixup! Add the hook
            ^^^^^^^^^^^^^^^^^^^ warning fix-forward-subject: "fixup!" commits are fix-forwards until squashed: run git rebase -i --autosquash before you push
            """, "fix-forward-subject");
    }

    [Fact]
    public void Revert_without_a_reason()
    {
        Expect.Commit("""
            Revert "Add the hook"
            ^^^^^^^^^^^^^^^^^^^^^ warning revert-reason: Say why this is reverted: git's "This reverts commit …" line alone does not tell the next reader

            This reverts commit 0123456789abcdef0123456789abcdef01234567.
            """, "revert-reason");
    }

    [Fact]
    public void Revert_with_a_reason()
    {
        Expect.Commit("""
            Revert "Add the hook"

            This reverts commit 0123456789abcdef0123456789abcdef01234567.
            It blocked merges on Windows, where sh is missing.
            """, "revert-reason");
    }

    [Fact]
    public void Section_heading_written_as_a_comment()
    {
        Expect.Commit("""
            Add the hook

            # Sources Consulted
            ^^^^^^^^^^^^^^^^^^^ warning comment-heading: git removes this line as a comment (comment character "#"): write the heading as "Sources Consulted:"
            - githooks(5)
            # Please enter the commit message for your changes.
            """, "comment-heading");
    }
}
