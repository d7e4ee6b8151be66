namespace CareerLsp.Cli.Tests;

/// <summary>A throw-away git repository with fixed identity and dates, removed after the test.</summary>
public sealed class TempRepository : IDisposable
{
    private int _clock;

    public TempRepository(bool init = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "careerlsp-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        if (init) Git("init -q -b main . && git config user.name Tester && git config user.email tester@example.com && git config commit.gpgsign false");
    }

    public string Root { get; }

    public string Write(string relativePath, string content)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Stages everything and commits with the message, at a fixed, increasing date.</summary>
    public string Commit(string message, string? file = null, string? content = null)
    {
        Write(file ?? $"file{_clock}.txt", content ?? $"change {_clock}\n");
        string messageFile = Path.Combine(Root, ".git", "test-message");
        File.WriteAllText(messageFile, message);
        string date = $"2026-01-{(_clock % 28) + 1:00}T12:00:00Z";
        _clock++;
        var result = CliRunner.Shell(Root, "git add -A && git commit -q --no-verify --cleanup=verbatim -F .git/test-message && git rev-parse HEAD",
            new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = date, ["GIT_COMMITTER_DATE"] = date });
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout.Trim();
    }

    public ProcessResult Git(string arguments)
    {
        var result = CliRunner.Shell(Root, "git " + arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    public ProcessResult Run(params string[] arguments) => CliRunner.Run(Root, arguments);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
