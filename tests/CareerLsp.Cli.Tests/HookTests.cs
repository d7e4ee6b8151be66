namespace CareerLsp.Cli.Tests;

/// <summary><c>careerlsp hook install|uninstall</c> and the hook in a real <c>git commit</c>.</summary>
public sealed class HookTests
{
    [Fact]
    public void Installed_hook_blocks_a_bad_message_and_lets_a_good_one_through()
    {
        using var repo = new TempRepository();
        var install = repo.Run("hook", "install");
        Assert.True(install.ExitCode == 0, install.ToString());
        string hook = Path.Combine(repo.Root, ".git", "hooks", "commit-msg");
        Assert.True(File.Exists(hook));

        repo.Write("a.txt", "a\n");
        repo.Git("add a.txt");
        var bad = CliRunner.Shell(repo.Root, "git commit -q -m 'oops'");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("sources-required", bad.Stdout + bad.Stderr);
        Assert.Contains("--no-verify", bad.Stderr);

        repo.Write(".git/GOOD", Messages.Good);
        var good = CliRunner.Shell(repo.Root, "git commit -q -F .git/GOOD");
        Assert.True(good.ExitCode == 0, good.ToString());

        Assert.Equal(0, repo.Run("hook", "install").ExitCode);
        Assert.Contains("already installed", repo.Run("hook", "install").Stdout);
    }

    [Fact]
    public void Hook_runs_careerlsp_from_PATH_else_from_where_it_was_installed_else_says_what_is_missing()
    {
        var (file, prefix) = CliRunner.Executable();
        Assert.True(prefix.Length == 0, "this test needs the published executable (npm run build)");
        using var repo = new TempRepository();
        // A copy stands for an install that is later moved or removed.
        string installed = Path.Combine(repo.Root, ".git", "tools", "careerlsp");
        Directory.CreateDirectory(Path.GetDirectoryName(installed)!);
        File.Copy(file, installed); // Keeps the executable bit, as File.Copy does on Unix.
        var install = CliRunner.Shell(repo.Root, $"'{installed}' hook install");
        Assert.True(install.ExitCode == 0, install.ToString());
        repo.Write("a.txt", "a\n");
        repo.Git("add a.txt");
        var withoutCareerLsp = new Dictionary<string, string> { ["PATH"] = PathWithout("careerlsp") };

        var fromInstallPlace = CliRunner.Shell(repo.Root, "git commit -q -m 'oops'", withoutCareerLsp);
        Assert.NotEqual(0, fromInstallPlace.ExitCode);
        Assert.Contains("sources-required", fromInstallPlace.Stdout + fromInstallPlace.Stderr);

        File.Delete(installed);
        var missing = CliRunner.Shell(repo.Root, "git commit -q -m 'oops'", withoutCareerLsp);
        Assert.NotEqual(0, missing.ExitCode);
        string line = Assert.Single(missing.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"careerlsp: the commit-msg hook needs careerlsp, which is not on PATH and no longer at {installed}; " +
            "install it (see CareerLsp's README) or commit anyway with: git commit --no-verify", line);

        string bin = Path.Combine(repo.Root, ".git", "bin");
        Directory.CreateDirectory(bin);
        File.CreateSymbolicLink(Path.Combine(bin, "careerlsp"), file);
        var onPath = new Dictionary<string, string> { ["PATH"] = bin + ":" + withoutCareerLsp["PATH"] };
        var fromPath = CliRunner.Shell(repo.Root, "git commit -q -m 'oops'", onPath);
        Assert.NotEqual(0, fromPath.ExitCode);
        Assert.Contains("sources-required", fromPath.Stdout + fromPath.Stderr);
        repo.Write(".git/GOOD", Messages.Good);
        var good = CliRunner.Shell(repo.Root, "git commit -q -F .git/GOOD", onPath);
        Assert.True(good.ExitCode == 0, good.ToString());
    }

    /// <summary>This process's PATH less the directories that hold <paramref name="program"/>.</summary>
    private static string PathWithout(string program) =>
        string.Join(':', (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':')
            .Where(d => d.Length > 0 && !File.Exists(Path.Combine(d, program))));

    [Fact]
    public void Existing_hook_is_kept_unless_forced_and_restored_on_uninstall()
    {
        using var repo = new TempRepository();
        string hook = repo.Write(".git/hooks/commit-msg", "#!/bin/sh\necho mine\n");
        var refused = repo.Run("hook", "install");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.Stderr);
        Assert.Equal("#!/bin/sh\necho mine\n", File.ReadAllText(hook));

        Assert.Equal(0, repo.Run("hook", "install", "--force").ExitCode);
        Assert.Contains("careerlsp-managed-hook", File.ReadAllText(hook));
        Assert.Equal("#!/bin/sh\necho mine\n", File.ReadAllText(hook + ".careerlsp-backup"));

        Assert.Equal(0, repo.Run("hook", "uninstall").ExitCode);
        Assert.Equal("#!/bin/sh\necho mine\n", File.ReadAllText(hook));
        Assert.False(File.Exists(hook + ".careerlsp-backup"));

        var foreign = repo.Run("hook", "uninstall");
        Assert.Equal(2, foreign.ExitCode);
        Assert.True(File.Exists(hook));
    }

    [Fact]
    public void Core_hooks_path_is_honoured()
    {
        using var repo = new TempRepository();
        repo.Git("config core.hooksPath .githooks");
        Assert.Equal(0, repo.Run("hook", "install").ExitCode);
        Assert.True(File.Exists(Path.Combine(repo.Root, ".githooks", "commit-msg")));
        Assert.False(File.Exists(Path.Combine(repo.Root, ".git", "hooks", "commit-msg")));
    }

    [Fact]
    public void Hook_status_says_missing_installed_outdated_or_other()
    {
        using var repo = new TempRepository();
        string hook = Path.Combine(repo.Root, ".git", "hooks", "commit-msg");
        Assert.Equal($"missing {hook}\n", repo.Run("hook", "status").Stdout);
        Assert.Equal(0, repo.Run("hook", "install").ExitCode);
        Assert.Equal($"installed {hook}\n", repo.Run("hook", "status").Stdout);
        File.WriteAllText(hook, File.ReadAllText(hook).Replace("check commit", "check  commit", StringComparison.Ordinal));
        Assert.Equal($"outdated {hook}\n", repo.Run("hook", "status").Stdout);
        Assert.Equal(0, repo.Run("hook", "install").ExitCode); // Its own hook, only outdated: rewritten without --force.
        Assert.Equal($"installed {hook}\n", repo.Run("hook", "status").Stdout);
        File.WriteAllText(hook, "#!/bin/sh\nexit 0\n");
        Assert.Equal($"other {hook}\n", repo.Run("hook", "status").Stdout);
    }

    [Fact]
    public void Hook_install_outside_a_repository_exits_two()
    {
        using var dir = new TempRepository(init: false);
        var result = dir.Run("hook", "install");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not in a git repository", result.Stderr);
    }
}

/// <summary>Fix-forward detection from history, through <c>check commit</c> as the hook runs it.</summary>
public sealed class FixForwardHookTests
{
    [Fact]
    public void A_small_follow_up_to_the_last_commit_is_named_as_its_fix_forward()
    {
        using var repo = new TempRepository();
        repo.Write("src/csv.py", "def export(rows):\n    return ','.join(rows)\n");
        // Committed now (not at the repository helper's fixed dates): the window is counted back from now.
        repo.Git("add -A && git commit -q --no-verify -m 'Add the CSV exporter'");
        string id = repo.Git("rev-parse --short=7 HEAD").Stdout.Trim();
        repo.Write("src/csv.py", "def export(rows):\n    return ';'.join(rows)\n");
        repo.Git("add -A");
        repo.Write(".git/COMMIT_EDITMSG", Messages.Good.Replace("Add the commit-msg hook", "Update csv.py", StringComparison.Ordinal));
        var result = repo.Run("check", "commit", ".git/COMMIT_EDITMSG");
        Assert.True(result.ExitCode == 0, result.ToString()); // A warning: it does not block the commit.
        Assert.Contains($"warning CL047 fix-forward-history: This reads as a fix-forward of {id} \"Add the CSV exporter\" (2 lines in its files", result.Stdout);

    }

    [Fact]
    public void The_author_is_who_git_records_with_author_email_set()
    {
        // author.email outranks user.email for the author, as git decides it: the earlier commit is Sam's, and so is this one.
        using var repo = new TempRepository();
        repo.Git("config author.email sam@example.com");
        repo.Write("src/csv.py", "def export(rows):\n    return ','.join(rows)\n");
        repo.Git("add -A && git commit -q --no-verify -m 'Add the CSV exporter'");
        Assert.Equal("sam@example.com", repo.Git("log -1 --format=%ae").Stdout.Trim());
        repo.Write("src/csv.py", "def export(rows):\n    return ';'.join(rows)\n");
        repo.Git("add -A");
        repo.Write(".git/COMMIT_EDITMSG", Messages.Good.Replace("Add the commit-msg hook", "Update csv.py", StringComparison.Ordinal));
        var result = repo.Run("check", "commit", ".git/COMMIT_EDITMSG");
        Assert.Contains("CL047 fix-forward-history", result.Stdout);
    }

    [Fact]
    public void Another_authors_recent_commit_is_not_one_to_amend()
    {
        using var repo = new TempRepository();
        repo.Write("src/csv.py", "def export(rows):\n    return ','.join(rows)\n");
        repo.Git("add -A && git -c user.email=sam@example.com commit -q --no-verify -m 'Add the CSV exporter'");
        repo.Write("src/csv.py", "def export(rows):\n    return ';'.join(rows)\n");
        repo.Git("add -A");
        repo.Write(".git/COMMIT_EDITMSG", Messages.Good.Replace("Add the commit-msg hook", "Update csv.py", StringComparison.Ordinal));
        var result = repo.Run("check", "commit", ".git/COMMIT_EDITMSG");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("CL047", result.Stdout);
    }
}
