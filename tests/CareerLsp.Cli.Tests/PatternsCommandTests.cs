using System.Text.Json;

namespace CareerLsp.Cli.Tests;

/// <summary><c>careerlsp patterns match</c>, and the library at work in <c>check commit</c> and <c>check patterns</c>.</summary>
public sealed class PatternsCommandTests
{
    private const string Library = """
        # Common Patterns

        What we learned.

        # Race Conditions

        - DNS lookups before CoreDNS is ready → wait for the kube-dns pods
          - Matches: coredns, kube-dns

        # Database

        - Migration locks a large table → add the column nullable, backfill in batches
          - Matches: ALTER TABLE, `migrations/`
        """;

    private static TempRepository WithLibrary()
    {
        var repo = new TempRepository();
        repo.Write("COMMON_PATTERNS.md", Library);
        repo.Commit(Messages.Good);
        return repo;
    }

    [Fact]
    public void Match_reads_the_staged_change_and_prints_the_documented_json()
    {
        using var repo = WithLibrary();
        repo.Write("db/migrations/0007_orders.sql", "ALTER TABLE orders RENAME TO purchases;\n");
        repo.Write("deploy/dns.yaml", "name: coredns\nselector: kube-dns\n");
        repo.Git("add -A");
        var result = repo.Run("patterns", "match", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var matches = json.RootElement.GetProperty("matches").EnumerateArray().ToList();
        Assert.Equal(2, matches.Count);
        var first = matches[0];
        Assert.Equal("Database", first.GetProperty("category").GetString());
        Assert.Equal("Migration locks a large table", first.GetProperty("problem").GetString());
        Assert.Equal("add the column nullable, backfill in batches", first.GetProperty("remedy").GetString());
        Assert.Equal(11, first.GetProperty("line").GetInt32()); // Zero-based: the entry is on line 12.
        Assert.True(first.GetProperty("score").GetDouble() >= matches[1].GetProperty("score").GetDouble());
        Assert.Equal("DNS lookups before CoreDNS is ready", matches[1].GetProperty("problem").GetString());

        var text = repo.Run("patterns", "match");
        Assert.Contains("COMMON_PATTERNS.md:12: Database: Migration locks a large table → add the column nullable, backfill in batches", text.Stdout);
    }

    [Fact]
    public void Match_says_where_the_code_shows_the_problem()
    {
        using var repo = WithLibrary();
        repo.Write("COMMON_PATTERNS.md", Library + "\n# Integrations\n\n- Outbound HTTP call without a timeout blocks the worker → pass timeout= to every call\n");
        repo.Write("app/shipping.py", "import requests\n\n\ndef label(order):\n    return requests.post(URL, json=order)\n");
        repo.Git("add -A");
        var json = repo.Run("patterns", "match", "--format", "json");
        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Stdout);
        var match = Assert.Single(document.RootElement.GetProperty("matches").EnumerateArray());
        Assert.Equal("Outbound HTTP call without a timeout blocks the worker", match.GetProperty("problem").GetString());
        Assert.Contains("app/shipping.py:5: outbound HTTP request call to an external API without timeout",
            match.GetProperty("matched").EnumerateArray().Select(m => m.GetString()));

        // With the timeout passed, the code shows the remedy: nothing applies.
        repo.Write("app/shipping.py", "import requests\n\n\ndef label(order):\n    return requests.post(URL, json=order, timeout=10)\n");
        repo.Git("add -A");
        Assert.Equal("No entry of COMMON_PATTERNS.md applies to this change.\n", repo.Run("patterns", "match").Stdout);
    }

    [Fact]
    public void Nothing_staged_or_nothing_applies_is_an_empty_list()
    {
        using var repo = WithLibrary();
        var json = repo.Run("patterns", "match", "--format", "json");
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Equal("""{"matches":[]}""", JsonSerializer.Serialize(JsonDocument.Parse(json.Stdout).RootElement));
        Assert.Equal("No entry of COMMON_PATTERNS.md applies to this change.\n", repo.Run("patterns", "match").Stdout);
    }

    [Fact]
    public void A_diff_file_stdin_a_message_and_another_library()
    {
        using var repo = WithLibrary();
        string diff = "diff --git a/deploy/dns.yaml b/deploy/dns.yaml\n--- a/deploy/dns.yaml\n+++ b/deploy/dns.yaml\n@@ -1,0 +1,1 @@\n+name: coredns\n";
        repo.Write("change.diff", diff);
        repo.Write("message.txt", "Smoke test: kube-dns not up yet\n");
        var fromFile = repo.Run("patterns", "match", "--diff", "change.diff", "--message", "message.txt", "--format", "json");
        Assert.Contains("DNS lookups before CoreDNS is ready", fromFile.Stdout);
        // The diff alone names only one term: not enough.
        Assert.Contains("\"matches\": []", repo.Run("patterns", "match", "--diff", "change.diff", "--format", "json").Stdout);

        var fromStdin = CliRunner.RunWithInput(repo.Root, diff, "patterns", "match", "--diff", "-", "--message", "message.txt");
        Assert.True(fromStdin.ExitCode == 0, fromStdin.ToString());
        Assert.Contains("COMMON_PATTERNS.md:7: Race Conditions: DNS lookups", fromStdin.Stdout);

        // Outside any repository, with the library named.
        using var outside = new TempRepository(init: false);
        string library = outside.Write("lib.md", Library);
        var named = CliRunner.Run(outside.Root, "patterns", "match", "--library", library, "--diff", Path.Combine(repo.Root, "change.diff"), "--message", Path.Combine(repo.Root, "message.txt"));
        Assert.True(named.ExitCode == 0, named.ToString());
        Assert.Contains("DNS lookups before CoreDNS is ready", named.Stdout);
    }

    [Fact]
    public void Bad_input_exits_two_with_one_clear_line()
    {
        using var repo = WithLibrary();
        repo.Write("change.diff", "");
        var both = repo.Run("patterns", "match", "--staged", "--diff", "change.diff");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("--staged or --diff FILE, not both", both.Stderr);

        var missing = repo.Run("patterns", "match", "--library", "nope.md");
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("careerlsp: no pattern library: nope.md is not there\n", missing.Stderr);

        File.WriteAllBytes(Path.Combine(repo.Root, "bad.md"), [(byte)'#', (byte)' ', 0xC3, 0x28, (byte)'\n']);
        var invalid = repo.Run("patterns", "match", "--library", "bad.md");
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("bad.md is not valid UTF-8", invalid.Stderr);

        var noDiff = repo.Run("patterns", "match", "--diff", "absent.diff");
        Assert.Equal(2, noDiff.ExitCode);
        Assert.Single(noDiff.Stderr.TrimEnd('\n').Split('\n'));

        using var outside = new TempRepository(init: false);
        var noRepo = CliRunner.Run(outside.Root, "patterns", "match");
        Assert.Equal(2, noRepo.ExitCode);
        Assert.Contains("not in a git repository: pass the library with --library FILE", noRepo.Stderr);
    }

    [Fact]
    public void The_commit_msg_check_offers_hints_and_flags_unknown_citations()
    {
        using var repo = WithLibrary();
        repo.Write("deploy/dns.yaml", "name: coredns\nselector: kube-dns\n");
        repo.Git("add -A");
        string message = Messages.Good.Replace("Pre-mortem:", "Pre-mortem:\n- Pattern: DNS before ready", StringComparison.Ordinal);
        repo.Write(".git/COMMIT_EDITMSG", message);
        var result = repo.Run("check", "commit", ".git/COMMIT_EDITMSG");
        Assert.True(result.ExitCode == 0, result.ToString()); // Information and warnings do not block a commit.
        Assert.Contains("info CL066 pattern-may-apply: May apply (COMMON_PATTERNS.md, Race Conditions): DNS lookups before CoreDNS is ready → wait for the kube-dns pods", result.Stdout);
        Assert.Contains("warning CL065 pattern-citation-unknown: COMMON_PATTERNS.md has no entry \"DNS before ready\"; did you mean \"DNS lookups before CoreDNS is ready\"", result.Stdout);

        // Staging an entry in the library itself does not make the library match itself.
        repo.Git("reset -q");
        repo.Write("COMMON_PATTERNS.md", Library + "- Cron runs overlap when a run is slow → forbid concurrency\n");
        repo.Git("add COMMON_PATTERNS.md");
        repo.Write(".git/COMMIT_EDITMSG", Messages.Good);
        Assert.DoesNotContain("CL066", repo.Run("check", "commit", ".git/COMMIT_EDITMSG").Stdout);
    }

    [Fact]
    public void Check_patterns_reports_fix_commits_since_the_library_last_changed()
    {
        using var repo = WithLibrary();
        Assert.DoesNotContain("CL067", repo.Run("check", "patterns").Stdout);
        repo.Commit("fix typo");
        repo.Commit("feat: add the export");
        repo.Commit("fixup! feat: add the export");
        var stale = repo.Run("check", "patterns");
        Assert.True(stale.ExitCode == 0, stale.ToString());
        Assert.Matches(@"COMMON_PATTERNS\.md:1:1: info CL067 pattern-library-stale: 2 fix commits since the library last changed \(2026-01-01\): review them for a pattern: [0-9a-f]{7} fixup! feat: add the export; [0-9a-f]{7} fix typo", stale.Stdout);

        // Changing the library resets the count.
        repo.Commit("Record the typo lesson", "COMMON_PATTERNS.md", Library + "- Typos in subjects → run a spell checker in the hook\n");
        Assert.DoesNotContain("CL067", repo.Run("check", "patterns").Stdout);
    }

    [Fact]
    public void Check_patterns_on_invalid_utf8_reports_the_position()
    {
        using var repo = WithLibrary();
        File.WriteAllBytes(Path.Combine(repo.Root, "COMMON_PATTERNS.md"), [.. "# Common Patterns\n\n# Git\n\n- caf"u8, 0xE9, .. " → use UTF-8\n"u8]);
        var result = repo.Run("check", "patterns");
        Assert.Contains("encoding-invalid", result.Stdout);
        Assert.Contains("COMMON_PATTERNS.md:5:6:", result.Stdout);
    }
}
