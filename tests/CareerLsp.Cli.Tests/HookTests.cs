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
    public void Hook_install_outside_a_repository_exits_two()
    {
        using var dir = new TempRepository(init: false);
        var result = dir.Run("hook", "install");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not in a git repository", result.Stderr);
    }
}
