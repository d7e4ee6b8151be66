using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Domain.Library;
using CareerLsp.Core.Engine;
using CareerLsp.Core.Rules;
using CareerLsp.Core.Syntax;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Tests.Patterns;

/// <summary>CL065–CL067 and the pieces under them: terms, the diff reader, globs and the matcher.</summary>
public sealed class PatternUseTests
{
    private const string Library = """
        # Common Patterns

        What we learned.

        # Race Conditions

        - DNS lookups before CoreDNS is ready → wait for the kube-dns pods
          - Matches: coredns, `kube-dns`
        - Two hooks write COMMIT_EDITMSG at once → take a lock file first

        # Validation

        - Helm chart `kubeVersion` not checked → read it before upgrading
          - Matches: `Chart.yaml`, `charts/**/values*.yaml`
        - Migration locks a large table → add the column nullable, backfill in batches
          - Matches: ALTER TABLE, `migrations/`
        - Redis key written without a TTL → always pass an expiry
        - Pod without a `readinessProbe` gets traffic too early → add the probe with the port
        """;

    private static PatternSource Source(string text = Library) => PatternSource.FromText("COMMON_PATTERNS.md", text);

    private static string Diff(string path, params string[] added) =>
        $"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n@@ -1,0 +1,{added.Length} @@\n" + string.Concat(added.Select(a => "+" + a + "\n"));

    private static IReadOnlyList<string> Matches(string diff, string? message = null) =>
        Source().Matcher!.Match(ChangeEvidence.FromDiff(diff, message), 3).Select(m => m.Entry.Problem).ToList();

    [Fact]
    public void Terms_come_from_a_nested_Matches_item()
    {
        var library = PatternLibrary.Parse(new SourceText(Library));
        var helm = library.Entries.Single(e => e.Problem.StartsWith("Helm", StringComparison.Ordinal));
        Assert.Equal(["Chart.yaml", "charts/**/values*.yaml"], helm.Terms.Select(t => t.Text));
        Assert.True(helm.Terms[0].IsPath && !helm.Terms[0].IsGlob);
        Assert.True(helm.Terms[1].IsPath && helm.Terms[1].IsGlob);
        var migration = library.Entries.Single(e => e.Problem.StartsWith("Migration", StringComparison.Ordinal));
        Assert.False(migration.Terms[0].IsPath);
        Assert.Equal("ALTER TABLE", migration.Terms[0].Text);
        Assert.Equal(new TextRange(new Position(15, 13), new Position(15, 24)), migration.Terms[0].Range);
        Assert.Empty(library.Entries.Single(e => e.Problem.StartsWith("Two hooks", StringComparison.Ordinal)).Terms);
        Assert.Empty(Checker.CheckPatternLibrary(Library).Findings);
    }

    [Fact]
    public void A_path_term_says_where_to_look_and_needs_a_second_piece_of_evidence()
    {
        // Chart.yaml (a path term) and kubeVersion (an identifier of the problem).
        Assert.Equal(["Helm chart `kubeVersion` not checked"], Matches(Diff("deploy/app/Chart.yaml", "kubeVersion: '>=1.27'")));
        Assert.Equal(["Helm chart `kubeVersion` not checked"], Matches(Diff("charts/api/values-prod.yaml", "kubeVersion: '>=1.27'")));
        // The path alone, or the problem's words in an unrelated file, are not enough.
        Assert.Empty(Matches(Diff("deploy/app/Chart.yaml", "version: 1.2.1")));
        Assert.Empty(Matches(Diff("deploy/app/README.md", "We use charts.")));
    }

    [Fact]
    public void A_phrase_term_needs_its_words_next_to_each_other()
    {
        Assert.Equal(["Migration locks a large table"], Matches(Diff("app/migrations/0042_note.sql", "ALTER TABLE orders RENAME TO purchases;")));
        Assert.Empty(Matches(Diff("db/reports.sql", "-- alter the report; the table is small")));
    }

    [Fact]
    public void Problem_words_must_be_several_and_carry_the_problem()
    {
        Assert.Equal(["Redis key written without a TTL"], Matches(Diff("app/cache.py", "redis.set(key, payload)  # written once per login")));
        // "key" alone is a common word in code: not enough.
        Assert.Empty(Matches(Diff("app/config.py", "API_KEY = os.environ['API_KEY']")));
    }

    [Fact]
    public void The_remedy_already_in_the_change_is_evidence_against()
    {
        // "without a TTL": the change sets one. "expiry": a word only the remedy has.
        Assert.Empty(Matches(Diff("app/cache.py", "redis.set(key, payload, ex=ttl)  # written once per login")));
        Assert.Empty(Matches(Diff("app/cache.py", "store(key, payload)  # redis key written once per login"), "Give session keys an expiry"));
    }

    [Fact]
    public void What_the_code_shows_outranks_words()
    {
        // The code writes the key with no expiry: the message's claim does not hide it.
        Assert.Equal(["Redis key written without a TTL"], Matches(Diff("app/cache.py", "redis.set(key, payload)"), "Give session keys an expiry"));
        // Where the code shows one entry's problem, entries that only share words with the change are left out.
        string diff = Diff("app/cache.py", "redis.set(key, v)") + Diff("charts/api/Chart.yaml", "kubeVersion: '>=1.27'");
        Assert.Equal(["Redis key written without a TTL"], Matches(diff));
        Assert.Equal(["Helm chart `kubeVersion` not checked"], Matches(Diff("charts/api/Chart.yaml", "kubeVersion: '>=1.27'")));
    }

    [Fact]
    public void The_message_is_evidence_too()
    {
        Assert.Equal(["DNS lookups before CoreDNS is ready"], Matches("", "Smoke test: coredns and kube-dns are not up yet"));
        // "wait" is the remedy's word: a message that says it already does what the entry asks.
        Assert.Empty(Matches("", "Wait for coredns and kube-dns before the smoke test"));
    }

    [Fact]
    public void The_library_file_in_the_diff_is_not_evidence()
    {
        string diff = Diff("COMMON_PATTERNS.md", "- Redis key written without a TTL → always pass an expiry");
        Assert.Empty(Source().Matcher!.Match(ChangeEvidence.FromDiff(diff, ignoredPath: "COMMON_PATTERNS.md")));
        string redis = Diff("COMMON_PATTERNS.md", "- redis key written by the worker → use the pool");
        Assert.Single(Source().Matcher!.Match(ChangeEvidence.FromDiff(redis)));
        Assert.Empty(Source().Matcher!.Match(ChangeEvidence.FromDiff(redis, ignoredPath: "COMMON_PATTERNS.md")));
    }

    [Fact]
    public void The_diff_reader_follows_hunk_counts_not_line_prefixes()
    {
        // A removed line that reads "-- x" and an added one that reads "++ y" are content, not headers.
        string diff = """
            diff --git a/sql/a.sql b/sql/a.sql
            index 1111111..2222222 100644
            --- a/sql/a.sql
            +++ b/sql/a.sql
            @@ -1,2 +1,2 @@
            --- coredns comment removed
            +++ kubeVersion added
             unchanged
            diff --git a/gone.txt b/gone.txt
            deleted file mode 100644
            --- a/gone.txt
            +++ /dev/null
            @@ -1 +0,0 @@
            -ALTER TABLE
            """;
        var evidence = ChangeEvidence.FromDiff(diff.Replace("\r", ""));
        Assert.Equal(["sql/a.sql", "gone.txt"], evidence.Paths);
        Assert.Equal(1, evidence.AddedLines);
        var words = Tokens.Of("kubeVersion");
        Assert.Equal(EvidenceSource.AddedLine, evidence.Pair(words[0], words[1]));
        Assert.Equal(EvidenceSource.None, evidence.Word(Tokens.Of("coredns")[0]));
        Assert.Equal(EvidenceSource.None, evidence.Word(Tokens.Of("alter")[0]));
    }

    [Theory]
    [InlineData("*.tf", "infra/main.tf", true)]
    [InlineData("*.tf", "infra/main.tfvars", false)]
    [InlineData("migrations/", "db/migrations/0001.sql", false)]
    [InlineData("migrations/", "migrations/0001.sql", true)]
    [InlineData("**/migrations/**", "db/migrations/0001.sql", true)]
    [InlineData("charts/**/values*.yaml", "charts/values.yaml", true)]
    [InlineData("charts/**/values*.yaml", "charts/a/b/values-prod.yaml", true)]
    [InlineData("charts/*/values.yaml", "charts/a/b/values.yaml", false)]
    [InlineData("Dockerfile", "services/api/dockerfile", true)]
    [InlineData("src/?.cs", "src/ab.cs", false)]
    public void Globs_read_as_gitignore_reads_them(string glob, string path, bool matches) =>
        Assert.Equal(matches, new Glob(glob).IsMatch(path));

    [Fact]
    public void Tokens_split_identifiers_and_stem_on_both_sides()
    {
        Assert.Equal(["init", "container"], Tokens.Words("initContainers"));
        Assert.Equal(["http", "server", "max", "connection"], Tokens.Words("HTTPServer max_connections"));
        Assert.Equal(Tokens.Words("retries cached locking"), Tokens.Words("retry cache lock"));
    }

    [Fact]
    public void Unknown_citations_are_findings_with_the_closest_entry_as_a_fix()
    {
        var options = new CheckOptions { Patterns = Source() };
        Expect.Commit("""
            Wait for DNS in the smoke test

            Pre-mortem:
            - Race: Pattern: DNS lookups before CoreDNS is ready → waited on pods
            - Pattern: two hooks write COMMIT_EDITMSG
            - Pattern: Redis key without TTL
                       ^^^^^^^^^^^^^^^^^^^^^ warning pattern-citation-unknown: COMMON_PATTERNS.md has no entry "Redis key without TTL"; did you mean "Redis key written without a TTL" (line 17)?
            - Failure: Pattern: Flaky network in CI
                                ^^^^^^^^^^^^^^^^^^^ warning pattern-citation-unknown: COMMON_PATTERNS.md has no entry "Flaky network in CI": cite an entry by its problem, or add this one to the library
            """, "pattern-citation-unknown", options);
        var result = Checker.CheckCommitMessage("Subject\n\nPre-mortem:\n- Pattern: Redis key without TTL\n", options);
        var fix = Assert.Single(Assert.Single(result.Findings, f => f.Rule.Slug == "pattern-citation-unknown").Fixes);
        Assert.Equal("Redis key written without a TTL", Assert.Single(fix.Edits).NewText);
    }

    [Fact]
    public void Citing_without_a_library_says_why()
    {
        Expect.Commit("""
            Subject

            Pre-mortem:
            - Pattern: Stale cache
                       ^^^^^^^^^^^ warning pattern-citation-unknown: This cites the pattern library, but COMMON_PATTERNS.md is not there
            """, "pattern-citation-unknown", new CheckOptions { Patterns = PatternSource.Missing("COMMON_PATTERNS.md", "not there") });
    }

    [Fact]
    public void Hints_name_the_remedy_leave_out_cited_entries_and_stop_at_three()
    {
        var options = new CheckOptions
        {
            Patterns = Source(),
            Change = ChangeEvidence.FromDiff(Diff("charts/api/Chart.yaml", "kubeVersion: '>=1.27'") + Diff("db/migrations/7.sql", "ALTER TABLE t ADD c int;") +
                                             Diff("app/cache.py", "# redis key written per login") + Diff("deploy/pod.yaml", "readinessProbe: traffic too early")),
        };
        Expect.Commit("""
            Raise the chart's Kubernetes floor

            The smoke test failed: coredns and kube-dns were not up yet.

            Pre-mortem:
            ^^^^^^^^^^ info pattern-may-apply: May apply (COMMON_PATTERNS.md, Validation): Migration locks a large table → add the column nullable, backfill in batches [matched: ALTER TABLE, migrations/, migration, table]
            ^^^^^^^^^^ info pattern-may-apply: May apply (COMMON_PATTERNS.md, Validation): Helm chart `kubeVersion` not checked → read it before upgrading [matched: Chart.yaml, chart, kubeVersion]
            ^^^^^^^^^^ info pattern-may-apply: May apply (COMMON_PATTERNS.md, Validation): Redis key written without a TTL → always pass an expiry [matched: redis, key, written]
            - Race: Pattern: DNS lookups before CoreDNS is ready
            """, "pattern-may-apply", options);
    }

    [Fact]
    public void The_hint_fix_adds_a_citing_item_to_the_pre_mortem()
    {
        var options = new CheckOptions { Patterns = Source() };
        string message = "Smoke test: coredns and kube-dns not up yet\n\nPre-mortem:\n- Failure: the smoke test times out\n";
        var result = Checker.CheckCommitMessage(message, options);
        var fix = Assert.Single(Assert.Single(result.Findings, f => f.Rule.Slug == "pattern-may-apply").Fixes);
        Assert.Equal("Smoke test: coredns and kube-dns not up yet\n\nPre-mortem:\n- Failure: the smoke test times out\n- Race: Pattern: DNS lookups before CoreDNS is ready → wait for the kube-dns pods\n",
            Apply(message, fix));
        // The fixed message cites the entry: no hint, no unknown citation.
        Assert.DoesNotContain(Checker.CheckCommitMessage(Apply(message, fix), options).Findings, f => f.Rule.Slug.StartsWith("pattern-", StringComparison.Ordinal));

        string bare = "Smoke test: coredns and kube-dns not up yet\n";
        var bareFix = Checker.CheckCommitMessage(bare, options).Findings.Single(f => f.Rule.Slug == "pattern-may-apply").Fixes.Single();
        Assert.Contains("Pre-mortem:\n- Race: Pattern: DNS lookups before CoreDNS is ready", Apply(bare, bareFix), StringComparison.Ordinal);
    }

    [Fact]
    public void Staleness_is_reported_on_the_first_line()
    {
        var history = new PatternHistory("abc", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            [new HistoryCommit("1111111", "fix typo"), new HistoryCommit("2222222", "oops"), new HistoryCommit("3333333", "fixup! Add cache"), new HistoryCommit("4444444", "fix the build")]);
        Expect.Patterns("""
            # Common Patterns
            ^^^^^^^^^^^^^^^^^ info pattern-library-stale: 4 fix commits since the library last changed (2026-11-01): review them for a pattern: 1111111 fix typo; 2222222 oops; 3333333 fixup! Add cache; and 1 more

            Intro.
            """, "pattern-library-stale", new CheckOptions { PatternHistory = history });
        Expect.Patterns("""
            # Common Patterns

            Intro.
            """, "pattern-library-stale", new CheckOptions { PatternHistory = history with { FixCommitsSince = [] } });
    }

    [Fact]
    public void Bad_libraries_are_findings_not_exceptions()
    {
        string longLine = "- " + new string('x', 100_000) + " → " + new string('y', 50);
        var result = Checker.CheckPatternLibrary("# Long\n\n" + longLine + "\n");
        Assert.Empty(result.Findings);
        Assert.Single(result.Document.Patterns!.Entries);

        string deep = "# Deep\n\n" + string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i * 2) + "- level " + i + "\n"));
        var nested = Checker.CheckPatternLibrary(deep);
        Assert.Contains(nested.Findings, f => f.Rule.Slug == "pattern-remedy-missing" && f.Range.Start.Line == 2);
        Assert.Equal(300 - 21, nested.Findings.Count(f => f.Rule.Slug == "pattern-malformed-line" && f.Message.Contains("nested too deep", StringComparison.Ordinal)));
        // Nesting on one line ("- - - - …") is beyond Markdig too: the file is reported, not thrown.
        var oneLine = Checker.CheckPatternLibrary("# Deep\n\n" + string.Concat(Enumerable.Repeat("- ", 2000)) + "x\n");
        Assert.NotNull(oneLine.Document.Patterns);

        // HTML blocks are presentation (as GitHub renders them): neither entries nor findings; a list
        // inside <details> is still a list of entries.
        string html = "# Web\n\n<details>\n<summary>Old notes</summary>\n\n- Old problem → old remedy\n</details>\n\n- Real problem → real remedy\n";
        var htmlResult = Checker.CheckPatternLibrary(html);
        Assert.Empty(htmlResult.Findings);
        Assert.Equal(["Old problem", "Real problem"], htmlResult.Document.Patterns!.Entries.Select(e => e.Problem));
        Assert.Contains(htmlResult.Document.Patterns!.Entries, e => e.Problem == "Real problem");

        // A library that is one big HTML comment or binary-looking text still parses.
        Assert.Empty(Checker.CheckPatternLibrary("<!--\n- a → b\n-->\n").Document.Patterns!.Entries);
        Checker.CheckPatternLibrary("\0\u0001\uFFFD# x\n- \uFFFD → \0\n");
        var matcher = new PatternMatcher(PatternLibrary.Parse(new SourceText(deep + html + longLine)));
        Assert.NotNull(matcher.Match(ChangeEvidence.FromDiff(Diff("a", new string('z', 100_000), "<div>level</div>"))));
    }

    private static string Apply(string text, Fix fix)
    {
        var source = new SourceText(text);
        foreach (var edit in fix.Edits.OrderByDescending(e => source.GetOffset(e.Range.Start)))
        {
            int start = source.GetOffset(edit.Range.Start), end = source.GetOffset(edit.Range.End);
            text = text[..start] + edit.NewText + text[end..];
        }
        return text;
    }
}
