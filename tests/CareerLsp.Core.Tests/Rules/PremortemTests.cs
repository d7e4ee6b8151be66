using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Engine;
using CareerLsp.Core.Rules;

namespace CareerLsp.Core.Tests.Rules;

/// <summary>CL010/CL011: the pre-mortem, counted per kind and scaled by change size.</summary>
public sealed class PremortemTests
{
    private const string Only = "premortem-required,premortem-counts";

    [Fact]
    public void Missing_premortem_with_unknown_size_asks_for_the_full_commit_counts()
    {
        Expect.Commit("""
            Rewrite the parser
            ^^^^^^^^^^^^^^^^^^ error premortem-required: No pre-mortem: before shipping, write what could go wrong (3 ways this could fail, 1 dependency that might not exist, 1 race condition)

            Sources Consulted:
            - https://spec.commonmark.org/
            """, Only);
    }

    [Fact]
    public void Trivial_change_is_exempt()
    {
        Expect.Commit("""
            Fix a link in the README
            """, Only, new() { ChangeSize = new ChangeSize(1, 2) });
    }

    [Fact]
    public void Small_change_needs_one_failure()
    {
        Expect.Commit("""
            Add a flag

            Pre-mortem:
            - Failure: the flag name clashes with git's
            """, Only, new() { ChangeSize = new ChangeSize(2, 60) });
    }

    [Fact]
    public void Small_change_without_premortem()
    {
        Expect.Commit("""
            Add a flag
            ^^^^^^^^^^ error premortem-required: No pre-mortem: before shipping, write what could go wrong (1 way this could fail) for a change of 60 lines in 2 files
            """, Only, new() { ChangeSize = new ChangeSize(2, 60) });
    }

    [Fact]
    public void Items_are_counted_by_label_part_and_parent()
    {
        Expect.Commit("""
            Rewrite the parser

            Pre-mortem:
            - Failure: CRLF input shifts every position
            - the scissors line is missed
            - Dependency: git is not on PATH
            - Race: two hooks write COMMIT_EDITMSG
            - Ways this could fail:
              - trailers are not recognised
            """, Only);
    }

    [Fact]
    public void Parts_as_headings()
    {
        Expect.Commit("""
            Rewrite the parser

            Pre-mortem:
            ^^^^^^^^^^ error premortem-counts: The pre-mortem has 0 of 1 race conditions; 1 placeholder was not counted. Label items "Failure:", "Dependency:" or "Race:", or group them under those headings
            Failures:
            - one
            - two
            - three
            Dependencies:
            - git 2.39 or later
            Race conditions:
            - TODO
            """, Only);
    }

    [Fact]
    public void Pr_asks_for_five_three_two_and_counts_markdown_parts()
    {
        Expect.Pr("""
            ## Pre-mortem
               ^^^^^^^^^^ error premortem-counts: The pre-mortem has 2 of 3 dependencies that might not exist, 1 of 2 race conditions; 1 placeholder was not counted. Label items "Failure:", "Dependency:" or "Race:", or group them under those headings

            ### Ways this could fail
            1. The server crashes on a binary file
            2. Positions are off by one on CRLF files
            3. The hook blocks merges
            4. Config typos are ignored
            5. The HTML report is too large

            ### Dependencies that might not exist
            - git on PATH
            - a .NET 10 runtime

            ### Race conditions
            - Two editors save the config at once
            - <a race condition that could occur>
            """, Only);
    }

    [Fact]
    public void Pr_size_from_the_event_scales_the_requirement()
    {
        Expect.Pr("""
            ## Pre-mortem
               ^^^^^^^^^^ error premortem-counts: The pre-mortem has 1 of 2 ways this could fail, 0 of 1 dependencies that might not exist, 0 of 1 race conditions for a change of 80 lines in 3 files. Label items "Failure:", "Dependency:" or "Race:", or group them under those headings
            - Failure: the cache is stale after a rebase
            """, Only, new() { ChangeSize = new ChangeSize(3, 80) });
    }

    [Fact]
    public void Configured_counts_apply()
    {
        var config = Core.Domain.Configuration.ConfigLoader.Load("""{ "premortem": { "commit": { "failures": 1, "dependencies": 0, "races": 0 } } }""").Config;
        Expect.Commit("""
            Rewrite the parser

            Pre-mortem:
            - it may be slower
            """, Only, new() { Config = config });
    }

    [Fact]
    public void A_short_pre_mortem_gets_its_missing_items_as_labelled_placeholders()
    {
        const string pr = "# Add the reader\n\n## Pre-mortem\n- Failure: the file is empty\n  - seen once\n\n## Testing\n- unit\n";
        var result = Checker.CheckPullRequest(pr);
        var finding = Assert.Single(result.Findings, f => f.Rule.Slug == "premortem-counts");
        var fix = Assert.Single(finding.Fixes);
        Assert.Equal("Add the 9 missing pre-mortem items", fix.Title);
        var edit = Assert.Single(fix.Edits);
        Assert.Equal(new Text.TextRange(new Text.Position(4, 13), new Text.Position(4, 13)), edit.Range); // After the last item, nested ones too.
        string fixedText = pr[..(pr.IndexOf("seen once", StringComparison.Ordinal) + 9)] + edit.NewText + pr[(pr.IndexOf("seen once", StringComparison.Ordinal) + 9)..];
        var after = Checker.CheckPullRequest(fixedText);
        // Counted now, and each placeholder is a finding of its own until it is written.
        Assert.DoesNotContain(after.Findings, f => f.Rule.Slug == "premortem-counts" && !f.Message.Contains("placeholder", StringComparison.Ordinal));
        Assert.Equal(4, edit.NewText.Split('\n').Count(l => l.StartsWith("- Failure: <", StringComparison.Ordinal)));
        Assert.Equal(3, edit.NewText.Split('\n').Count(l => l.StartsWith("- Dependency: <", StringComparison.Ordinal)));
        Assert.Equal(2, edit.NewText.Split('\n').Count(l => l.StartsWith("- Race: <", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_pre_mortem_grouped_under_part_headings_gets_no_fix()
    {
        var result = Checker.CheckPullRequest("# Add\n\n## Pre-mortem\n\n### Failures\n- the file is empty\n");
        Assert.Empty(Assert.Single(result.Findings, f => f.Rule.Slug == "premortem-counts").Fixes);
    }
}
