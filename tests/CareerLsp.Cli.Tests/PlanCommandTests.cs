using System.Text.Json;

namespace CareerLsp.Cli.Tests;

/// <summary><c>careerlsp plan</c>: which plan, which start, today's units, the routines; clear errors.</summary>
public sealed class PlanCommandTests
{
    private const string Plan = """
        # Platform plan
        ## Phase 1: Basics (Weeks 1-2)
        ### Week 1: Git
        **Goal:** Know what each command writes
        - [x] Read git-log(1)
        - [ ] Read git-diff(1)
        ### Week 2: Shell
        - [ ] Write a script with set -euo pipefail
        ## Morning routine
        1. Read yesterday's commits
        """;

    private static JsonElement Json(ProcessResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    [Fact]
    public void The_current_unit_its_items_and_the_routines_as_json()
    {
        using var repo = new TempRepository();
        repo.Write("plans/mine.md", Plan);
        var json = Json(repo.Run("plan", "--file", "plans/mine.md", "--start", "2026-03-02", "--today", "2026-03-04", "--format", "json"));
        Assert.Equal("Platform plan", json.GetProperty("title").GetString());
        Assert.Equal(("2026-03-02", "given"), (json.GetProperty("start").GetString(), json.GetProperty("startFrom").GetString()));
        var phase = json.GetProperty("units")[0];
        Assert.Equal(("phase", "2026-03-02", "2026-03-15"), (phase.GetProperty("kind").GetString(), phase.GetProperty("from").GetString(), phase.GetProperty("to").GetString()));
        var current = Assert.Single(json.GetProperty("current").EnumerateArray());
        Assert.Equal(("week", "Week 1: Git", "Know what each command writes"), (current.GetProperty("kind").GetString(), current.GetProperty("title").GetString(), current.GetProperty("goal").GetString()));
        Assert.False(current.TryGetProperty("children", out _));
        Assert.Equal("Read git-log(1):True,Read git-diff(1):False",
            string.Join(",", current.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("text").GetString()}:{i.GetProperty("checked").GetBoolean()}")));
        var prompts = json.GetProperty("prompts").EnumerateArray().ToList();
        var morning = prompts.Single(p => p.GetProperty("kind").GetString() == "morning");
        Assert.False(morning.GetProperty("builtIn").GetBoolean());
        Assert.Equal(8, morning.GetProperty("line").GetInt32());
        // The plan has no evening routine: the built-in one stands in, and says so.
        Assert.True(prompts.Single(p => p.GetProperty("kind").GetString() == "evening").GetProperty("builtIn").GetBoolean());
    }

    [Fact]
    public void Text_says_where_you_are()
    {
        using var repo = new TempRepository();
        repo.Write("TRAINING_PLAN.md", Plan);
        var result = repo.Run("plan", "--start", "2026-03-02", "--today", "2026-03-10");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Now: Week 2: Shell  (2026-03-09 to 2026-03-15)  0/1 done", result.Stdout);
        Assert.Contains("[ ] Write a script with set -euo pipefail", result.Stdout);
        Assert.Contains("The plan ended on 2026-03-15.", repo.Run("plan", "--start", "2026-03-02", "--today", "2026-04-01").Stdout);
        Assert.Contains("The plan starts on 2026-03-02.", repo.Run("plan", "--start", "2026-03-02", "--today", "2026-03-01").Stdout);
    }

    [Fact]
    public void Path_and_start_come_from_the_configuration_else_from_git()
    {
        using var repo = new TempRepository();
        repo.Write("docs/plan.md", Plan);
        repo.Commit("Add the plan\n"); // Committed on 2026-01-01 by the helper's clock.
        repo.Write(".careerlsp.json", """{ "plan": { "path": "docs/plan.md" } }""");
        var fromGit = Json(repo.Run("plan", "--today", "2026-01-09", "--format", "json"));
        Assert.Equal(("2026-01-01", "git"), (fromGit.GetProperty("start").GetString(), fromGit.GetProperty("startFrom").GetString()));
        Assert.Equal("Week 2: Shell", fromGit.GetProperty("current")[0].GetProperty("title").GetString());
        repo.Write(".careerlsp.json", """{ "plan": { "path": "docs/plan.md", "start": "2026-02-02" } }""");
        var configured = Json(repo.Run("plan", "--today", "2026-02-03", "--format", "json"));
        Assert.Equal(("2026-02-02", "configuration"), (configured.GetProperty("start").GetString(), configured.GetProperty("startFrom").GetString()));
        Assert.Equal("Week 1: Git", configured.GetProperty("current")[0].GetProperty("title").GetString());
    }

    [Fact]
    public void Without_a_plan_the_built_in_one_gives_the_routines()
    {
        using var repo = new TempRepository();
        var json = Json(repo.Run("plan", "--format", "json"));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("file").ValueKind);
        var kinds = json.GetProperty("prompts").EnumerateArray().Select(p => p.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["morning", "before-commit", "evening", "weekly-goals", "weekly-review", "self-assessment"], kinds);
        Assert.All(json.GetProperty("prompts").EnumerateArray(), p => Assert.True(p.GetProperty("builtIn").GetBoolean()));
    }

    [Fact]
    public void Bad_input_is_one_clear_line_and_exit_2()
    {
        using var repo = new TempRepository();
        var missing = repo.Run("plan", "--file", "nope.md");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("cannot read the training plan", missing.Stderr);
        Assert.Contains("nope.md: it does not exist", missing.Stderr);
        var badDate = repo.Run("plan", "--start", "03/02/2026");
        Assert.Equal(2, badDate.ExitCode);
        Assert.Contains("--start takes a date as YYYY-MM-DD", badDate.Stderr);
        repo.Write(".careerlsp.json", """{ "plan": { "path": "gone.md" } }""");
        var configured = repo.Run("plan");
        Assert.Equal(2, configured.ExitCode);
        Assert.Contains("set plan.path in .careerlsp.json", configured.Stderr);
        repo.Write(".careerlsp.json", """{ "plan": { "start": "2026-02-30" } }""");
        var badStart = repo.Run("plan");
        Assert.Equal(0, badStart.ExitCode); // It goes on without the setting, and says why.
        Assert.Contains("\"plan.start\" is not a date: 2026-02-30", badStart.Stderr);
        Assert.Contains("\"plan.start\" is not a date", CheckConfig(repo));
    }

    private static string CheckConfig(TempRepository repo)
    {
        repo.Write("MSG", Messages.Good);
        return repo.Run("check", "commit", "MSG").Stdout;
    }
}
