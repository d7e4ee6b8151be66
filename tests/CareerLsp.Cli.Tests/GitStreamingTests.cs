using System.Text;
using System.Text.Json;
using CareerLsp.Workspace;
using FsCheck;
using FsCheck.Fluent;

namespace CareerLsp.Cli.Tests;

/// <summary>
/// The git layer streams: output is parsed as it arrives (NUL-separated, split wherever the pipe
/// splits it), and a call can be cancelled or time out, killing git.
/// </summary>
public sealed class GitStreamingTests
{
    [Fact]
    public void Fields_are_the_same_however_the_stream_is_cut()
    {
        var streams =
            from fields in Gen.Elements("", "a", "abc", "é", "line\nbreak", "tab\there", new string('x', 5000)).ListOf()
            from cuts in Gen.Choose(1, 64).ListOf()
            select (fields, cuts);
        Prop.ForAll(streams.ToArbitrary(), c =>
        {
            var (fields, cuts) = c;
            byte[] bytes = Encoding.UTF8.GetBytes(string.Concat(fields.Select(f => f + "\0")) + "tail");
            var seen = new List<string>();
            var splitter = new NulFields(field => seen.Add(Encoding.UTF8.GetString(field)));
            int at = 0, k = 0;
            while (at < bytes.Length)
            {
                int size = cuts.Count == 0 ? bytes.Length : Math.Min(cuts[k++ % cuts.Count], bytes.Length - at);
                splitter.Feed(bytes.AsSpan(at, size));
                at += size;
            }
            splitter.Complete();
            Assert.Equal([.. fields, "tail"], seen);
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true));
    }

    [Fact]
    public void A_streamed_log_hands_over_every_commit()
    {
        using var repo = new TempRepository();
        var ids = Enumerable.Range(0, 30).Select(i => repo.Commit($"Commit {i}\n\n{new string('x', 3000)}\n")).Reverse().ToList();
        var seen = new List<string>();
        var fields = new NulFields(field => { if (field.Length == 40) seen.Add(Encoding.ASCII.GetString(field)); });
        var result = Git.Stream(repo.Root, ["log", "-z", "--format=%H%x00%B"], fields.Feed);
        fields.Complete();
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("", result.Output);
        Assert.Equal(ids, seen);
    }

    /// <summary>Whether a process whose command line has <paramref name="marker"/> still runs.</summary>
    private static bool Running(string marker) =>
        Directory.EnumerateDirectories("/proc").Any(d =>
        {
            try { return File.ReadAllText(Path.Combine(d, "cmdline")).Contains(marker, StringComparison.Ordinal); }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
        });

    [Fact]
    public void A_cancelled_call_kills_git()
    {
        using var repo = new TempRepository();
        string marker = "careerlsp.test=" + Guid.NewGuid().ToString("N");
        // hash-object --stdin waits for its input, which never ends: only cancelling stops it.
        using var git = Git.StartWithInput(repo.Root, ["-c", marker, "hash-object", "--stdin"]);
        // Spawned is not yet exec'd: until then /proc shows the parent's command line.
        Assert.True(SpinWait.SpinUntil(() => Running(marker), TimeSpan.FromSeconds(10)), "git did not start");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        Assert.Throws<OperationCanceledException>(() => git.Pending.Stream(_ => { }, TimeSpan.FromMinutes(1), cancel.Token));
        Assert.False(Running(marker));
    }

    [Fact]
    public void A_call_that_runs_too_long_is_killed_and_says_so()
    {
        using var repo = new TempRepository();
        string marker = "careerlsp.test=" + Guid.NewGuid().ToString("N");
        using var git = Git.StartWithInput(repo.Root, ["-c", marker, "hash-object", "--stdin"]);
        var error = Assert.Throws<GitException>(() => git.Pending.Result(TimeSpan.FromMilliseconds(300)));
        Assert.Contains("did not finish within", error.Message);
        Assert.False(Running(marker));
    }

    [Fact]
    public void Input_written_while_git_runs_is_answered()
    {
        using var repo = new TempRepository();
        var first = repo.Commit("First\n", "a.txt", "a\n");
        var second = repo.Commit("Second\n", "b/c.txt", "c\nd\n");
        var seen = new Dictionary<string, string>();
        using (var reader = Repository.Discover(repo.Root)!.ReadFiles((id, files) => seen[id] = string.Join(",", files.Select(f => $"{f.Path}+{f.Added}-{f.Deleted}"))))
        {
            reader.Add(second);
            reader.Add(first);
            reader.Finish();
        }
        Assert.Equal("b/c.txt+2-0", seen[second]);
        Assert.Equal("a.txt+1-0", seen[first]); // The root commit, against nothing.
    }

    [Fact]
    public void A_diff_that_git_gives_up_on_is_one_clear_error_not_a_broken_pipe()
    {
        using var repo = new TempRepository();
        var good = repo.Commit("First\n", "a.txt", "a\n");
        using var reader = Repository.Discover(repo.Root)!.ReadFiles((_, _) => { });
        reader.Add(good);
        // git dies under it (out of memory, killed): it stops reading its input.
        var killed = CliRunner.Shell(repo.Root, $"pkill -KILL -P {Environment.ProcessId} -f '[d]iff-tree --stdin'");
        Assert.True(killed.ExitCode == 0, killed.ToString());
        for (int i = 0; i < 5000; i++) reader.Add(good); // More than a pipe holds: the writes fail, quietly.
        var error = Assert.Throws<GitException>(reader.Finish);
        Assert.StartsWith("git could not read the commits' files:", error.Message);
    }

    [Fact]
    public void The_report_reads_library_patches_wherever_they_fall()
    {
        // The library is added by the root commit (its patch is the stream's very end), changed in
        // the middle and by the newest commit (its patch comes first); a message holds odd bytes.
        using var repo = new TempRepository();
        repo.Commit("Start the library\n", "COMMON_PATTERNS.md", "# Git\n\n- Problem one → remedy one\n- Problem two -> remedy two\n");
        repo.Commit("Plain \u001e\u001f middle\n");
        repo.Commit("Grow the library\n", "COMMON_PATTERNS.md", "# Git\n\n- Problem one → remedy one\n- Problem two -> remedy two\n- Problem three → remedy three\n  - a detail -> not an entry\n");
        repo.Commit("Another\n");
        repo.Commit("Grow it again\n", "COMMON_PATTERNS.md", "# Git\n\n- Problem one → remedy one\n- Problem two -> remedy two\n- Problem three → remedy three\n  - a detail -> not an entry\n- Problem four → remedy four\n");
        var result = repo.Run("report", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var totals = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("totals");
        Assert.Equal(5, totals.GetProperty("commits").GetInt32());
        Assert.Equal(4, totals.GetProperty("patternsAdded").GetInt32());
    }
}
