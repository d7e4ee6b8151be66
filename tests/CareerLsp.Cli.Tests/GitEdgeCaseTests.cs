using System.Text.Json;

namespace CareerLsp.Cli.Tests;

/// <summary>
/// The git layer on the repositories users have: shallow clones, submodules, SHA-256 object
/// format, a detached HEAD, and no git at all. Each answers sensibly: a report, or one clear line.
/// </summary>
public sealed class GitEdgeCaseTests
{
    private static int Commits(ProcessResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.GetProperty("totals").GetProperty("commits").GetInt32();
    }

    private static TempRepository WithHistory(int commits)
    {
        var repo = new TempRepository();
        for (int i = 0; i < commits; i++) repo.Commit(Messages.Good);
        return repo;
    }

    [Fact]
    public void A_shallow_clone_reports_what_it_has()
    {
        using var origin = WithHistory(5);
        using var clone = new TempRepository(init: false);
        var cloned = CliRunner.Shell(clone.Root, $"git clone -q --depth 2 file://{origin.Root} . && git config user.email tester@example.com");
        Assert.True(cloned.ExitCode == 0, cloned.ToString());
        Assert.Equal(2, Commits(clone.Run("report", "--format", "json")));
        clone.Write("MSG", Messages.Good);
        Assert.Equal(0, clone.Run("check", "commit", "MSG").ExitCode);
        Assert.Equal(0, clone.Run("check").ExitCode);
    }

    [Fact]
    public void A_submodule_is_its_own_repository()
    {
        using var inner = WithHistory(3);
        using var outer = WithHistory(1);
        var added = CliRunner.Shell(outer.Root, $"git -c protocol.file.allow=always submodule --quiet add file://{inner.Root} lib/inner && git commit -q --no-verify -m 'Add inner'");
        Assert.True(added.ExitCode == 0, added.ToString());
        // From inside the submodule: its own three commits.
        Assert.Equal(3, Commits(CliRunner.Run(Path.Combine(outer.Root, "lib", "inner"), "report", "--format", "json")));
        // From the superproject: its two (the submodule's history is not its own).
        Assert.Equal(2, Commits(outer.Run("report", "--format", "json")));
    }

    [Fact]
    public void A_sha256_repository_works_like_any_other()
    {
        using var repo = new TempRepository(init: false);
        var init = CliRunner.Shell(repo.Root, "git init -q --object-format=sha256 -b main . && git config user.name Tester && git config user.email tester@example.com");
        Assert.True(init.ExitCode == 0, init.ToString());
        repo.Commit(Messages.Good);
        repo.Write("src/a.py", "x = 1\n");
        repo.Git("add -A && git commit -q --no-verify -m 'Add a'");
        repo.Write("src/a.py", "x = 2\n");
        repo.Git("add -A");
        repo.Write("MSG", "fix typo\n");
        var check = repo.Run("check", "commit", "MSG");
        // A 64-character id, shortened to seven, names the commit being fixed.
        Assert.Matches(@"fix-forward-history: This reads as a fix-forward of [0-9a-f]{7} ""Add a""", check.Stdout);
        Assert.Equal(2, Commits(repo.Run("report", "--format", "json")));
    }

    [Fact]
    public void Detached_head_reports_the_history_behind_it()
    {
        using var repo = WithHistory(3);
        repo.Git("checkout -q --detach HEAD~1");
        Assert.Equal(2, Commits(repo.Run("report", "--format", "json")));
    }

    [Fact]
    public void Without_git_on_path_commands_that_need_it_say_so_in_one_line()
    {
        using var repo = WithHistory(1);
        repo.Write("MSG", Messages.Good);
        var environment = new Dictionary<string, string> { ["PATH"] = "/nonexistent" };
        var report = CliRunner.Shell(repo.Root, "eval \"$CAREERLSP report\"", environment);
        Assert.Equal(2, report.ExitCode);
        Assert.Single(report.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("git", report.Stderr);
        // A message file is still checked without git: git's settings fall back to their defaults.
        var check = CliRunner.Shell(repo.Root, "eval \"$CAREERLSP check commit MSG\"", environment);
        Assert.True(check.ExitCode == 0, check.ToString());
    }
}
