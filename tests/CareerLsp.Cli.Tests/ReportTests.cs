using System.Text.Json;

namespace CareerLsp.Cli.Tests;

/// <summary><c>careerlsp report</c> on repositories built with set dates, with exact expected counts.</summary>
public sealed class ReportTests
{
    private const string SourcesOnly = "Add the reader\n\nSources Consulted:\n- https://git-scm.com/docs/git-log\n";

    /// <summary>Commits a file change with the message at the date, author and committer alike.</summary>
    private static void CommitAt(TempRepository repo, string date, string message, string file, string content)
    {
        repo.Write(file, content);
        File.WriteAllText(Path.Combine(repo.Root, ".git", "test-message"), message);
        var result = CliRunner.Shell(repo.Root, "git add -A && git commit -q --no-verify --cleanup=verbatim -F .git/test-message",
            new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = date, ["GIT_COMMITTER_DATE"] = date });
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private static TempRepository TwoWeeks()
    {
        var repo = new TempRepository();
        // 2026-W02 (Monday 5 January): a good commit, its fix-forward five minutes later, a skip.
        CommitAt(repo, "2026-01-05T10:00:00+01:00", Messages.Good, "src/reader.py", "def read():\n    return 1\n");
        CommitAt(repo, "2026-01-05T10:05:00+01:00", "fix typo\n", "src/reader.py", "def read():\n    return 2\n");
        CommitAt(repo, "2026-01-07T16:00:00+01:00", "Hotfix the exporter\n\nHabits-Skip: outage, fixing first\n", "src/export.py", "x = 1\n");
        // 2026-W03: the library gets two entries; a branch is merged (left out); a commit with sources only.
        CommitAt(repo, "2026-01-12T09:00:00+01:00", Messages.Good, "COMMON_PATTERNS.md",
            "# Common Patterns\n\nLessons.\n\n# Git\n\n- Fix-forward commits → amend\n- Hooks skipped → say why\n  - Matches: Habits-Skip\n");
        repo.Git("checkout -q -b side");
        CommitAt(repo, "2026-01-13T09:00:00+01:00", Messages.Good, "side.txt", "side\n");
        repo.Git("checkout -q main");
        var merge = CliRunner.Shell(repo.Root, "git merge -q --no-ff --no-edit side",
            new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = "2026-01-13T10:00:00+01:00", ["GIT_COMMITTER_DATE"] = "2026-01-13T10:00:00+01:00" });
        Assert.True(merge.ExitCode == 0, merge.ToString());
        CommitAt(repo, "2026-01-14T11:00:00+01:00", SourcesOnly, "src/reader.py", "def read():\n    return 3\n");
        return repo;
    }

    [Fact]
    public void Json_counts_each_iso_week_and_the_totals_exactly()
    {
        using var repo = TwoWeeks();
        var result = repo.Run("report", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        string Counts(JsonElement e) => string.Join(",", new[] { "commits", "withSources", "withPremortem", "fixForward", "patternsAdded", "skips" }
            .Select(k => e.GetProperty(k).GetInt32()));
        var weeks = json.RootElement.GetProperty("weeks").EnumerateArray().ToList();
        Assert.Equal(["2026-W02", "2026-W03"], weeks.Select(w => w.GetProperty("week").GetString()));
        Assert.Equal("3,1,1,1,0,1", Counts(weeks[0]));
        // The side branch's commit counts (it is not a merge); the merge does not.
        Assert.Equal("3,3,2,0,2,0", Counts(weeks[1]));
        Assert.Equal("6,4,3,1,2,1", Counts(json.RootElement.GetProperty("totals")));
        Assert.Equal(["outage, fixing first"], weeks[0].GetProperty("skipReasons").EnumerateArray().Select(r => r.GetString()));
        // The second run answers from the cache: the same report, to the byte.
        Assert.Equal(result.Stdout, repo.Run("report", "--format", "json").Stdout);
        Assert.Equal(repo.Run("report").Stdout, repo.Run("report").Stdout);
    }

    [Fact]
    public void The_weekly_self_assessments_in_the_review_folder_are_reported()
    {
        using var repo = TwoWeeks();
        repo.Write("reviews/2026-W02.md", "## Week 1 Review\n- What went well: tests\n\n## Self-assessment\n- Did I read the docs?: 6/10\n- Did I test first?: 9/10\n");
        repo.Write("reviews/2026-W03.md", "## Week 2 Goals\n- [ ] Read: 2/10 chapters\n");
        repo.Write("reviews/notes.md", "## Self-assessment\n- 1/10\n");
        var json = JsonDocument.Parse(repo.Run("report", "--format", "json").Stdout).RootElement;
        var rated = Assert.Single(json.GetProperty("selfAssessment").EnumerateArray());
        Assert.Equal(("2026-W02", 2, 7.5), (rated.GetProperty("week").GetString(), rated.GetProperty("ratings").GetInt32(), rated.GetProperty("average").GetDouble()));
        Assert.Contains("- 2026-W02: 7.5/10 (2 ratings)", repo.Run("report").Stdout);
        Assert.Contains("<td>2026-W02</td><td>7.5/10</td><td>2</td>", repo.Run("report", "--format", "html").Stdout);
        Assert.Empty(JsonDocument.Parse(repo.Run("report", "--format", "json", "--since", "2026-01-12").Stdout).RootElement.GetProperty("selfAssessment").EnumerateArray());
        // plan.reviews moves the folder.
        repo.Write(".careerlsp.json", """{ "plan": { "reviews": "docs/weeks" } }""");
        Assert.Empty(JsonDocument.Parse(repo.Run("report", "--format", "json").Stdout).RootElement.GetProperty("selfAssessment").EnumerateArray());
    }

    [Fact]
    public void Since_until_and_author_filter_the_commits()
    {
        using var repo = TwoWeeks();
        var w03 = JsonDocument.Parse(repo.Run("report", "--format", "json", "--since", "2026-01-12").Stdout).RootElement;
        Assert.Equal(3, w03.GetProperty("totals").GetProperty("commits").GetInt32());
        var w02 = JsonDocument.Parse(repo.Run("report", "--format", "json", "--until", "2026-01-11").Stdout).RootElement;
        Assert.Equal(3, w02.GetProperty("totals").GetProperty("commits").GetInt32());
        var nobody = JsonDocument.Parse(repo.Run("report", "--format", "json", "--author", "nobody@example.com").Stdout).RootElement;
        Assert.Equal(0, nobody.GetProperty("totals").GetProperty("commits").GetInt32());
        Assert.Empty(nobody.GetProperty("weeks").EnumerateArray());
    }

    [Fact]
    public void Text_and_a_self_contained_html_page()
    {
        using var repo = TwoWeeks();
        var text = repo.Run("report");
        Assert.Contains("2026-W02         3      33%         33%          33%         0      1", text.Stdout);
        Assert.Contains("Merge commits are left out of every count.", text.Stdout);
        Assert.Contains("- outage, fixing first", text.Stdout);

        var html = repo.Run("report", "--format", "html", "-o", "report.html");
        Assert.True(html.ExitCode == 0 && html.Stdout.Length == 0, html.ToString());
        string page = File.ReadAllText(Path.Combine(repo.Root, "report.html"));
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("<svg", page);
        Assert.Contains("<td>2026-W03</td><td>3</td><td>100%</td><td>67%</td><td>0%</td><td>2</td><td>0</td>", page);
        Assert.DoesNotContain("<script", page);
        Assert.DoesNotContain("src=", page);
        Assert.DoesNotContain("href=", page);
    }

    [Fact]
    public void Empty_commits_and_file_names_with_spaces_newlines_and_hex_read_right()
    {
        // The report reads every commit's paths from one `git log -z --name-only`: a commit with no
        // files, a name with a newline, and a name that looks like a commit id must not shift it.
        using var repo = new TempRepository();
        string odd = "dir/a b\nc.txt", hex = new string('a', 40);
        CommitAt(repo, "2026-01-05T10:00:00+01:00", Messages.Good, odd, "one\n");
        var empty = CliRunner.Shell(repo.Root, "git commit -q --no-verify --allow-empty -m 'Nothing changed here at all'",
            new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = "2026-01-05T10:01:00+01:00", ["GIT_COMMITTER_DATE"] = "2026-01-05T10:01:00+01:00" });
        Assert.True(empty.ExitCode == 0, empty.ToString());
        CommitAt(repo, "2026-01-05T10:02:00+01:00", "Add the table of ids\n", hex, "id\n");
        // A fix-forward of the first commit: same odd file, three minutes later.
        CommitAt(repo, "2026-01-05T10:03:00+01:00", "fix typo\n", odd, "two\n");
        var result = repo.Run("report", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var totals = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("totals");
        Assert.Equal(4, totals.GetProperty("commits").GetInt32());
        Assert.Equal(1, totals.GetProperty("withSources").GetInt32());
        Assert.Equal(1, totals.GetProperty("fixForward").GetInt32());
    }

    private static int Total(TempRepository repo, string key = "commits") =>
        JsonDocument.Parse(repo.Run("report", "--format", "json").Stdout).RootElement.GetProperty("totals").GetProperty(key).GetInt32();

    [Fact]
    public void The_cache_reads_only_new_commits_and_follows_rewritten_history()
    {
        using var repo = TwoWeeks();
        Assert.Equal(6, Total(repo));
        Assert.True(File.Exists(Path.Combine(repo.Root, ".git", "careerlsp", "report-head")));
        Assert.Equal(6, File.ReadAllLines(Path.Combine(repo.Root, ".git", "careerlsp", "report-facts")).Length);

        CommitAt(repo, "2026-01-15T09:00:00+01:00", SourcesOnly, "src/next.py", "y = 1\n");
        var timed = CliRunner.Shell(repo.Root, "eval \"$CAREERLSP report --format json\" >/dev/null", new Dictionary<string, string> { ["CAREERLSP_TIMING"] = "1" });
        Assert.Contains("cache head read", timed.Stderr);
        Assert.Contains("history read (1 new commit(s))", timed.Stderr);
        Assert.Equal(7, Total(repo));
        Assert.Equal(5, Total(repo, "withSources"));

        // Rewritten: the last two commits go, one other comes. Nothing stale may be counted.
        repo.Git("reset -q --hard HEAD~2");
        CommitAt(repo, "2026-01-16T09:00:00+01:00", "fix typo\n", "src/other.py", "z = 1\n");
        timed = CliRunner.Shell(repo.Root, "eval \"$CAREERLSP report --format json\" >/dev/null", new Dictionary<string, string> { ["CAREERLSP_TIMING"] = "1" });
        Assert.Contains("no usable cache", timed.Stderr);
        Assert.Contains("history read (6 new commit(s))", timed.Stderr);
        Assert.Equal(6, Total(repo));
        Assert.Equal(3, Total(repo, "withSources"));

        // A damaged cache is read again from git, not trusted: the head file, or the facts under it.
        File.WriteAllText(Path.Combine(repo.Root, ".git", "careerlsp", "report-head"), "garbage\tx\n");
        Assert.Equal(6, Total(repo));
        File.WriteAllText(Path.Combine(repo.Root, ".git", "careerlsp", "report-facts"), "");
        Assert.Equal(6, Total(repo));
        // Filters read the cached facts (the weeks alone cannot be filtered).
        var filtered = JsonDocument.Parse(repo.Run("report", "--format", "json", "--since", "2026-01-12").Stdout).RootElement;
        Assert.Equal(3, filtered.GetProperty("totals").GetProperty("commits").GetInt32());
    }

    [Fact]
    public void Bad_input_exits_two_with_one_line()
    {
        using var repo = TwoWeeks();
        var date = repo.Run("report", "--since", "last tuesday");
        Assert.Equal(2, date.ExitCode);
        Assert.Equal("careerlsp: --since takes a date as YYYY-MM-DD, not \"last tuesday\"\n", date.Stderr);
        Assert.Equal(2, repo.Run("report", "--format", "pdf").ExitCode);
        var unwritable = repo.Run("report", "-o", "/proc/version/report.txt");
        Assert.Equal(2, unwritable.ExitCode);
        Assert.StartsWith("careerlsp: cannot write /proc/version/report.txt", unwritable.Stderr);

        using var empty = new TempRepository();
        var none = empty.Run("report");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("has no commits yet", none.Stderr);
        using var outside = new TempRepository(init: false);
        Assert.Equal(2, outside.Run("report").ExitCode);
    }
}
