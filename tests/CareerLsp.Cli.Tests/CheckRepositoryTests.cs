using System.Text.Json;

namespace CareerLsp.Cli.Tests;

/// <summary><c>check</c>, <c>check commits A..B</c>, <c>check pr</c> and the git edge cases.</summary>
public sealed class CheckRepositoryTests
{
    [Fact]
    public void Range_checks_each_commit_and_leaves_merges_out()
    {
        using var repo = new TempRepository();
        string first = repo.Commit(Messages.Good);
        repo.Git("checkout -q -b topic");
        repo.Commit("oops\n");
        repo.Git("checkout -q main");
        repo.Commit(Messages.Good.Replace("Add the commit-msg hook", "Add the uninstaller"));
        repo.Git("merge -q --no-ff --no-edit topic");
        var result = repo.Run("check", "commits", $"{first}..HEAD", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var files = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("file").GetString()).Distinct().ToList();
        Assert.Single(files);
        Assert.StartsWith("commit:", files[0]);
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("name").GetString() == "fix-forward-subject");
    }

    [Fact]
    public void Bad_range_exits_two()
    {
        using var repo = new TempRepository();
        repo.Commit(Messages.Good);
        var result = repo.Run("check", "commits", "nope..HEAD");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("could not read the range", result.Stderr);
        Assert.Equal(2, repo.Run("check", "commits", "--output=/tmp/x").ExitCode);
    }

    [Fact]
    public void Check_everything_checks_head_drafts_and_templates()
    {
        using var repo = new TempRepository();
        repo.Write(".github/pull_request_template.md", "## Summary\n\nDescribe the change.\n");
        repo.Write("docs/feature.pr.md", "## Summary\n\nDescribe the change.\n");
        repo.Commit(Messages.Good);
        var result = repo.Run("check");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("docs/feature.pr.md:1:1: error CL002 docs-reviewed-required", result.Stdout);
        Assert.Contains("docs/feature.pr.md:3:1: warning CL031 template-placeholder", result.Stdout);
        Assert.Contains(".github/pull_request_template.md:1:1: warning CL032 template-sections", result.Stdout);
        Assert.Contains("3 documents checked", result.Stdout);
    }

    [Fact]
    public void No_repository_and_empty_repository_exit_two_with_a_clear_line()
    {
        using var dir = new TempRepository(init: false);
        var none = dir.Run("check");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("is not in a git repository", none.Stderr);

        using var empty = new TempRepository();
        var result = empty.Run("check");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has no commits yet", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Detached_head_and_worktree_are_checked()
    {
        using var repo = new TempRepository();
        repo.Commit(Messages.Good);
        repo.Commit(Messages.Good.Replace("Add the commit-msg hook", "Add the uninstaller"));
        repo.Git("checkout -q --detach HEAD~1");
        var detached = repo.Run("check");
        Assert.True(detached.ExitCode == 0, detached.ToString());

        string worktree = repo.Root + "-wt";
        repo.Git($"worktree add -q {worktree} main");
        try
        {
            var result = CliRunner.Run(worktree, "check");
            Assert.True(result.ExitCode == 0, result.ToString());
        }
        finally
        {
            repo.Git($"worktree remove --force {worktree}");
        }
    }

    [Fact]
    public void Repository_configured_commands_are_never_run()
    {
        using var repo = new TempRepository();
        repo.Commit(Messages.Good);
        string marker = Path.Combine(repo.Root, "MARKER");
        repo.Git($"config core.fsmonitor 'touch {marker}; false'");
        repo.Git($"config core.pager 'touch {marker}'");
        repo.Git($"config diff.external 'touch {marker}'");
        repo.Write(".gitattributes", "* diff=evil\n");
        repo.Git($"config diff.evil.textconv 'touch {marker}'");
        repo.Write("staged.txt", "x\n");
        CliRunner.Shell(repo.Root, "git -c core.fsmonitor=false add staged.txt");
        repo.Write("MSG", Messages.Good);
        repo.Run("check");
        repo.Run("check", "commit", "MSG");
        repo.Run("check", "commits", "HEAD");
        // The report reads the log, diffs and files; matching reads the staged diff.
        repo.Write("COMMON_PATTERNS.md", "# Common Patterns\n\nIntro.\n\n# Git\n\n- Staged files → check them\n");
        Assert.Equal(0, repo.Run("report", "--format", "json").ExitCode);
        repo.Run("patterns", "match");
        repo.Run("check", "patterns");
        Assert.False(File.Exists(marker), "a repository-configured command ran");
    }

    [Fact]
    public void Pr_file_and_stdin()
    {
        using var repo = new TempRepository();
        repo.Write("body.md", Messages.GoodPr);
        var good = repo.Run("check", "pr", "body.md");
        Assert.True(good.ExitCode == 0, good.ToString());
        var bad = CliRunner.RunWithInput(repo.Root, "Adds things.\n", "check", "pr", "-");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("<stdin>:1:1: error CL020 testing-required", bad.Stdout);
        Assert.Equal(2, repo.Run("check", "pr").ExitCode);
    }

    [Fact]
    public void Github_event_body_and_size()
    {
        using var repo = new TempRepository();
        string body = "## Documentation Reviewed\n- https://docs.github.com\n\n## Pre-mortem\n- Failure: a\n\n## Testing\n- In isolation: x\n- In integration: y\n- Failure cases: z\n";
        string small = JsonSerializer.Serialize(new { action = "opened", pull_request = new { number = 7, body, additions = 3, deletions = 2, changed_files = 1 } });
        repo.Write("event.json", small);
        var result = repo.Run("check", "pr", "--github-event", "event.json", "--format", "github");
        Assert.True(result.ExitCode == 0, result.ToString());

        string large = JsonSerializer.Serialize(new { pull_request = new { number = 8, body, additions = 900, deletions = 100, changed_files = 30 } });
        repo.Write("event.json", large);
        var big = repo.Run("check", "pr", "--github-event", "event.json", "--format", "github");
        Assert.Equal(1, big.ExitCode);
        Assert.Contains("::error title=CL011 premortem-counts::PR #8: The pre-mortem has 1 of 5 ways this could fail", big.Stdout);

        repo.Write("event.json", """{ "pull_request": { "number": 9, "body": null } }""");
        Assert.Contains("testing-required", repo.Run("check", "pr", "--github-event", "event.json").Stdout);

        repo.Write("event.json", """{ "ref": "refs/heads/main" }""");
        var push = repo.Run("check", "pr", "--github-event", "event.json");
        Assert.Equal(2, push.ExitCode);
        Assert.Contains("no pull_request object", push.Stderr);
    }

    [Fact]
    public void Invalid_configuration_is_a_finding_with_its_position()
    {
        using var repo = new TempRepository();
        repo.Write(".careerlsp.json", "{\n  // comments are fine\n  \"rules\": { \"sources-required\": \"loud\", \"subject-lenght\": \"off\" },\n  \"premortm\": {}\n}\n");
        repo.Write("MSG", Messages.Good);
        var result = repo.Run("check", "commit", "MSG");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(".careerlsp.json:3:34: error CL090 config-invalid: \"rules.sources-required\" must be one of off, hint, info, warning, error; it is \"loud\" (the default is used instead)", result.Stdout);
        Assert.Contains(".careerlsp.json:3:42: warning CL091 config-unknown-key: Unknown rule \"subject-lenght\"", result.Stdout);
        Assert.Contains(".careerlsp.json:4:3: warning CL091 config-unknown-key: Unknown key \"premortm\" in the top level; did you mean \"premortem\"?", result.Stdout);

        repo.Write(".careerlsp.json", "{ \"rules\": { ,, } }");
        var broken = repo.Run("check", "commit", "MSG");
        Assert.Contains(".careerlsp.json:1:14: error CL090 config-invalid: Invalid JSON", broken.Stdout);
    }

    [Fact]
    public void Configuration_changes_severity_and_explicit_config_wins()
    {
        using var repo = new TempRepository();
        repo.Write(".careerlsp.json", """{ "rules": { "CL001": "warning", "premortem-required": "off" } }""");
        repo.Write("MSG", Messages.NoSources);
        var result = repo.Run("check", "commit", "MSG");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning CL001 sources-required", result.Stdout);

        repo.Write("other.json", "{}");
        Assert.Equal(1, repo.Run("check", "commit", "MSG", "--config", "other.json").ExitCode);
        Assert.Equal(2, repo.Run("check", "commit", "MSG", "--config", "missing.json").ExitCode);
    }

    [Fact]
    public void Configuration_is_found_upwards_but_not_beyond_the_repository()
    {
        using var outer = new TempRepository(init: false);
        outer.Write(".careerlsp.json", """{ "rules": { "sources-required": "off" } }""");
        using var inner = new TempRepository();
        string nested = Path.Combine(outer.Root, "nested");
        Directory.Move(inner.Root, nested);
        try
        {
            File.WriteAllText(Path.Combine(nested, "MSG"), Messages.NoSources);
            var result = CliRunner.Run(nested, "check", "commit", "MSG");
            Assert.Contains("sources-required", result.Stdout);

            Directory.CreateDirectory(Path.Combine(nested, "sub"));
            File.WriteAllText(Path.Combine(nested, ".careerlsp.json"), """{ "rules": { "sources-required": "off" } }""");
            var fromSubdirectory = CliRunner.Run(Path.Combine(nested, "sub"), "check", "commit", "../MSG");
            Assert.DoesNotContain("sources-required", fromSubdirectory.Stdout);
        }
        finally
        {
            Directory.Move(nested, inner.Root);
        }
    }

    [Fact]
    public void Pattern_library_is_checked_alone_and_with_everything()
    {
        using var repo = new TempRepository();
        repo.Write("COMMON_PATTERNS.md", "# Common Patterns\n\nWhat we learned.\n\n# Git\n\n- Fix typo commits → amend\n- Forgot the tests\n\n# Empty\n");
        repo.Commit(Messages.Good);
        var alone = repo.Run("check", "patterns", "--format", "json");
        Assert.True(alone.ExitCode == 0, alone.ToString());
        using (var json = JsonDocument.Parse(alone.Stdout))
        {
            var names = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
            Assert.Equal(["pattern-remedy-missing", "pattern-category-empty"], names);
            Assert.Equal(1, json.RootElement.GetProperty("warnings").GetInt32());
        }
        Assert.Contains("COMMON_PATTERNS.md:8:3: warning CL060 pattern-remedy-missing", repo.Run("check").Stdout);

        repo.Write(".careerlsp.json", """{ "patterns": { "path": "docs/PATTERNS.md" } }""");
        var missing = repo.Run("check", "patterns");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no pattern library at", missing.Stderr);
    }
}
