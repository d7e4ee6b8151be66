using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Engine;
using CareerLsp.Core.Rules;

namespace CareerLsp.Core.Tests.Rules;

/// <summary>CL003–CL006: what a Sources Consulted / Documentation Reviewed entry must be.</summary>
public sealed class CitationsTests
{
    private const string Only = "citations-empty,citations-placeholder,citations-vague,citations-missing-path";

    private static readonly CheckOptions WithRepository = new()
    {
        PathExists = path => path is "README.md" or "server" or "server/CareerLsp.Core/Checking/Checker.cs",
    };

    [Fact]
    public void Empty_section()
    {
        Expect.Commit("""
            Add the hook

            Sources Consulted:
            ^^^^^^^^^^^^^^^^^ error citations-empty: Sources Consulted is empty: list what you read (a URL, a man page, a repository path or an issue)

            Pre-mortem:
            - Failure: the hook is not executable
            """, Only);
    }

    [Fact]
    public void Placeholders_are_not_sources()
    {
        Expect.Commit("""
            Add the hook

            Sources Consulted:
            - TODO
              ^^^^ error citations-placeholder: "TODO" is a placeholder, not a source: name what you read, or remove the entry
            - n/a
              ^^^ error citations-placeholder: "n/a" is a placeholder, not a source: name what you read, or remove the entry
            - <URL>
              ^^^^^ error citations-placeholder: "<URL>" is a placeholder, not a source: name what you read, or remove the entry
            - none.
              ^^^^^ error citations-placeholder: "none." is a placeholder, not a source: name what you read, or remove the entry
            -
            ^ error citations-placeholder: An empty entry is a placeholder, not a source: name what you read, or remove the entry
            """, Only);
    }

    [Fact]
    public void Real_sources_of_every_kind_pass()
    {
        Expect.Commit("""
            Add the hook

            Sources Consulted:
            - https://git-scm.com/docs/githooks#_commit_msg
            - githooks(5) and man git-commit
            - server/CareerLsp.Core/Checking/Checker.cs:40
            - `README.md`
            - #12 and microsoft/vscode#1234
            - JIRA-42
            - The LSP 3.17 specification, section Diagnostics
            - docs.github.com/en/pull-requests
            """, Only, WithRepository);
    }

    [Fact]
    public void Vague_entries_are_warned_about()
    {
        Expect.Commit("""
            Add the hook

            Sources Consulted:
            - my memory
              ^^^^^^^^^ warning citations-vague: "my memory" does not say where to look: give a URL, a doc or man page (git-commit(1)), a repository path or an issue (#123)
            - common sense
              ^^^^^^^^^^^^ warning citations-vague: "common sense" does not say where to look: give a URL, a doc or man page (git-commit(1)), a repository path or an issue (#123)
            """, Only);
    }

    [Fact]
    public void Missing_repository_paths_are_reported_and_ambiguous_tokens_are_not()
    {
        Expect.Commit("""
            Add the hook

            Sources Consulted:
            - server/CareerLsp.Core/Checking/Missing.cs
              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning citations-missing-path: server/CareerLsp.Core/Checking/Missing.cs does not exist in this repository: check the path (it is relative to the repository root)
            - `docs/nowhere.md` and README.md
               ^^^^^^^^^^^^^^^ warning citations-missing-path: docs/nowhere.md does not exist in this repository: check the path (it is relative to the repository root)
            - Node.js docs and the TCP/IP guide
            """, Only, WithRepository);
    }

    [Fact]
    public void Without_a_repository_paths_are_not_checked()
    {
        Expect.Commit("""
            Add the hook

            Sources Consulted:
            - server/CareerLsp.Core/Checking/Missing.cs
            """, Only);
    }

    [Fact]
    public void Pr_documentation_reviewed_entries_are_checked_the_same_way()
    {
        Expect.Pr("""
            ## Documentation Reviewed

            - TBD
              ^^^ error citations-placeholder: "TBD" is a placeholder, not a source: name what you read, or remove the entry
            - https://microsoft.github.io/language-server-protocol/
            """, Only);
    }

    [Fact]
    public void A_placeholder_entry_can_be_removed_with_its_line()
    {
        var result = Checker.CheckCommitMessage("Add the hook\n\nSources Consulted:\n- TODO\n- githooks(5)\n");
        var finding = Assert.Single(result.Findings, f => f.Rule.Slug == "citations-placeholder");
        var edit = Assert.Single(Assert.Single(finding.Fixes).Edits);
        Assert.Equal(new Text.TextRange(new Text.Position(3, 0), new Text.Position(4, 0)), edit.Range);
        Assert.Equal("", edit.NewText);
    }

    [Fact]
    public void A_placeholder_can_be_replaced_with_a_source_cited_in_recent_commits_and_removing_it_is_preferred()
    {
        int asked = 0;
        var options = new CheckOptions
        {
            RecentSources = () =>
            {
                asked++;
                return [new CitedSource("https://git-scm.com/docs/githooks", 3), new CitedSource("githooks(5)", 1)];
            },
        };
        var result = Checker.CheckCommitMessage("Add the hook\n\nSources Consulted:\n- TODO\n", options);
        var finding = Assert.Single(result.Findings, f => f.Rule == Domain.Findings.RuleCatalog.CitationsPlaceholder);
        Assert.Equal(
            ["Remove this entry", "Replace with https://git-scm.com/docs/githooks (cited in 3 recent commits)", "Replace with githooks(5) (cited in 1 recent commit)"],
            finding.Fixes.Select(f => f.Title));
        Assert.Equal([true, false, false], finding.Fixes.Select(f => f.IsPreferred));
        var replace = Assert.Single(finding.Fixes[1].Edits);
        Assert.Equal((finding.Range, "https://git-scm.com/docs/githooks"), (replace.Range, replace.NewText));
        Assert.Equal(1, asked);
    }

    [Fact]
    public void Recent_sources_are_not_read_when_there_is_no_placeholder()
    {
        var options = new CheckOptions { RecentSources = () => throw new InvalidOperationException("read without a placeholder") };
        Assert.DoesNotContain(Checker.CheckCommitMessage("Add the hook\n\nSources Consulted:\n- githooks(5)\n", options).Findings,
            f => f.Rule == Domain.Findings.RuleCatalog.CitationsPlaceholder);
    }
}
