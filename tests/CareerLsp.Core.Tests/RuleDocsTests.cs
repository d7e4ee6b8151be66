using System.Text.Json;
using System.Text.RegularExpressions;
using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.History;
using CareerLsp.Core.Domain.Library;
using CareerLsp.Core.Engine;
using CareerLsp.Core.Rules;

namespace CareerLsp.Core.Tests;

/// <summary>
/// <c>docs/rules/</c> against the catalog, the schema and the engine: one page per rule, in the
/// fixed format, whose failing example the engine reports under that rule and whose passing
/// example it does not; and an index that lists every rule once, in id order.
/// </summary>
public sealed partial class RuleDocsTests
{
    private static readonly string[] SectionTitles = ["What it checks", "Why it matters", "Failing example", "Passing example", "Options"];

    private const string NoOptions = "None besides `severity`.";

    /// <summary>What each fence info string runs, and the kind of document that is.</summary>
    private static readonly Dictionary<string, DocumentKinds> Checkers = new(StringComparer.Ordinal)
    {
        ["commit"] = DocumentKinds.CommitMessage,
        ["pr"] = DocumentKinds.PullRequest,
        ["template"] = DocumentKinds.PullRequestTemplate,
        ["patterns"] = DocumentKinds.PatternLibrary,
        ["jsonc"] = DocumentKinds.Configuration,
    };

    /// <summary>Rules whose examples cannot be run, with the reason. Keep it empty.</summary>
    private static readonly Dictionary<string, string> NotRun = new(StringComparer.Ordinal);

    private const string Library = """
        # Common Patterns

        What we learned the hard way. Reviewed every morning, updated every evening.

        # Race Conditions

        - DNS lookups before CoreDNS is ready → wait for the kube-dns pods
          - Matches: coredns, `kube-dns`

        # Caching

        - Redis key written without a TTL → always pass an expiry
        """;

    private const string StagedRedisWrite = """
        diff --git a/app/sessions.py b/app/sessions.py
        --- a/app/sessions.py
        +++ b/app/sessions.py
        @@ -10,0 +11,2 @@
        +def remember(session_key, payload):
        +    redis.set(session_key, payload)

        """;

    private static readonly PatternHistory StaleLibrary = new("9c0ffee", new DateTimeOffset(2026, 11, 1, 17, 0, 0, TimeSpan.Zero),
        [new HistoryCommit("3b8d1e2", "fix typo in retry backoff"), new HistoryCommit("a71c9f0", "fixup! Cache session lookups")]);

    private static readonly PatternHistory FreshLibrary = new("5e6f7a8", new DateTimeOffset(2026, 11, 4, 18, 0, 0, TimeSpan.Zero), []);

    private static readonly DateTimeOffset Now = new(2026, 11, 3, 10, 30, 0, TimeSpan.Zero);

    private static readonly CommitHistory ReaderHistory = new("dana@example.com", Now,
        [new ChangedFile("src/csv/reader.py", 2, 1)],
        [new PastCommit("4f1c2a9e0b7d", "dana@example.com", Now.AddMinutes(-12), "Parse quoted fields in the CSV reader",
            [new ChangedFile("src/csv/reader.py", 48, 6), new ChangedFile("tests/test_reader.py", 31, 0)])]);

    /// <summary>
    /// Rules whose examples need more than the text: what the edge (CLI, server) would have passed,
    /// as a small fake. The failing and passing examples get the options of their own function.
    /// (Declared after the data it uses: static fields are initialised in order.)
    /// </summary>
    private static readonly Dictionary<string, Context> Contexts = new(StringComparer.Ordinal)
    {
        // A repository whose tree has the reader and its test, and nothing else the example cites.
        ["CL006"] = Same(new CheckOptions { PathExists = path => path is "src/csv/reader.py" or "tests/test_reader.py" }),
        // The COMMON_PATTERNS.md the CL065 page describes: two entries, one with Matches: terms.
        ["CL065"] = Same(new CheckOptions { Patterns = PatternSource.FromText("COMMON_PATTERNS.md", Library) }),
        // The same library, and a staged change that writes a Redis key without an expiry.
        ["CL066"] = Same(new CheckOptions { Patterns = PatternSource.FromText("COMMON_PATTERNS.md", Library), Change = ChangeEvidence.FromDiff(StagedRedisWrite) }),
        // Before: two fix commits since the library last changed. After: the library was committed with their lesson.
        ["CL067"] = new(_ => new CheckOptions { PatternHistory = StaleLibrary }, _ => new CheckOptions { PatternHistory = FreshLibrary }),
        // Dana committed the CSV reader 12 minutes ago and has staged 3 lines of its file.
        ["CL047"] = Same(new CheckOptions { History = ReaderHistory }),
        // The edge decodes with replacement and reports where the first bad byte was: there, the text has U+FFFD.
        ["CL080"] = Same(text => new CheckOptions { InvalidEncodingOffset = text.IndexOf('\uFFFD') is >= 0 and var at ? at : null }),
        // The language server's limit is 8 Mi characters; the page's example uses 500 so it can be read.
        ["CL081"] = Same(new CheckOptions { MaxLength = 500 }),
    };

    private sealed record Context(Func<string, CheckOptions> Failing, Func<string, CheckOptions> Passing);

    private static Context Same(CheckOptions options) => new(_ => options, _ => options);

    private static Context Same(Func<string, CheckOptions> options) => new(options, options);

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All) data.Add(rule.Id);
        return data;
    }

    private static string RulesDirectory => Path.Combine(RulesTableTests.Root(), "docs", "rules");

    private static string FileName(RuleDescriptor rule) => $"{rule.Id}-{rule.Slug}.md";

    private static string SeverityName(RuleDescriptor rule) => rule.DefaultSeverity.ToString().ToLowerInvariant();

    private static Page Read(string id)
    {
        var rule = RuleCatalog.Find(id)!;
        string path = Path.Combine(RulesDirectory, FileName(rule));
        Assert.True(File.Exists(path), $"{FileName(rule)} is missing from docs/rules/");
        return Page.Parse(File.ReadAllText(path), FileName(rule));
    }

    [Fact]
    public void Every_rule_has_exactly_one_page_and_there_are_no_others()
    {
        var expected = RuleCatalog.All.Select(FileName).Order(StringComparer.Ordinal).ToList();
        var actual = Directory.GetFiles(RulesDirectory, "CL*.md").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        // The page the diagnostics' codeDescription and the hover link to, from the published server's folder as from the root.
        foreach (var rule in RuleCatalog.All)
            Assert.True(File.Exists(Path.Combine(RulesTableTests.Root(), rule.DocumentationPath)), $"{rule.DocumentationPath} does not exist");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void A_page_has_the_title_description_table_and_sections_in_order(string id)
    {
        var rule = RuleCatalog.Find(id)!;
        var page = Read(id);
        Assert.Equal($"# {rule.Id} {rule.Slug}", page.Title);
        Assert.Equal(rule.Description, page.FirstParagraph);
        Assert.Equal(["| Default severity | Applies to |", "| --- | --- |", $"| {SeverityName(rule)} | {RulesTableTests.Surfaces(rule.AppliesTo)} |"], page.Table);
        Assert.Equal(SectionTitles, page.Sections.Select(s => s.Title));
        foreach (var title in new[] { "What it checks", "Why it matters" })
            Assert.False(string.IsNullOrWhiteSpace(page.Section(title).Text), $"{FileName(rule)}: \"{title}\" is empty");
        foreach (var title in new[] { "What it checks", "Why it matters" })
            Assert.Empty(page.Section(title).Fences);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void A_page_lists_exactly_the_rules_options_as_the_schema_types_them(string id)
    {
        var rule = RuleCatalog.Find(id)!;
        var lines = Read(id).Section("Options").Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (rule.Options.Count == 0)
        {
            Assert.Equal([NoOptions], lines);
            return;
        }
        var bullets = lines.Select(l => OptionBullet().Match(l)).ToList();
        Assert.All(bullets, b => Assert.True(b.Success, $"{FileName(rule)}: each line of Options is - `name` (type, default …): what it does"));
        Assert.Equal(rule.Options, bullets.Select(b => b.Groups["name"].Value));

        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RulesTableTests.Root(), "server", "careerlsp.schema.json")));
        var properties = schema.RootElement.GetProperty("properties").GetProperty("rules").GetProperty("properties")
            .GetProperty(rule.Id).GetProperty("oneOf")[1].GetProperty("properties");
        foreach (var bullet in bullets)
        {
            string name = bullet.Groups["name"].Value;
            Assert.True(properties.TryGetProperty(name, out var option), $"the schema has no option {name} for {rule.Id}");
            Assert.Equal(SchemaType(option), bullet.Groups["type"].Value);
        }
    }

    /// <summary><c>integer</c>, <c>string</c>, or <c>array of strings</c>, as the page writes the schema's type.</summary>
    private static string SchemaType(JsonElement option)
    {
        string type = option.GetProperty("type").GetString()!;
        return type == "array" ? $"array of {option.GetProperty("items").GetProperty("type").GetString()}s" : type;
    }

    [GeneratedRegex(@"^- `(?<name>[A-Za-z][A-Za-z0-9]*)` \((?<type>[a-z ]+), default (?<default>[^)]+)\): \S.*$")]
    private static partial Regex OptionBullet();

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_failing_example_is_reported_by_the_rule_and_the_passing_example_is_not(string id)
    {
        var rule = RuleCatalog.Find(id)!;
        var page = Read(id);
        var failing = Assert.Single(page.Section("Failing example").Fences);
        var passing = Assert.Single(page.Section("Passing example").Fences);
        Assert.True(Checkers.TryGetValue(failing.Info, out var kind), $"{FileName(rule)}: the failing example's fence says \"{failing.Info}\"; use one of {string.Join(", ", Checkers.Keys)}");
        Assert.Equal(failing.Info, passing.Info);
        Assert.True((rule.AppliesTo & kind) != 0, $"{FileName(rule)}: {rule.Id} does not run on a {failing.Info} document");
        Assert.NotEqual(failing.Text, passing.Text);
        if (NotRun.ContainsKey(id)) return;

        var context = Contexts.GetValueOrDefault(id) ?? Same(CheckOptions.Default);
        var bad = Check(failing.Info, failing.Text, context.Failing(failing.Text));
        Assert.True(bad.Findings.Any(f => f.Rule == rule),
            $"{FileName(rule)}: the failing example has no {rule} finding; it has:\n{Describe(bad.Findings)}");
        var good = Check(passing.Info, passing.Text, context.Passing(passing.Text));
        Assert.False(good.Findings.Any(f => f.Rule == rule),
            $"{FileName(rule)}: the passing example still has a {rule} finding:\n{Describe(good.Findings.Where(f => f.Rule == rule))}");
    }

    [Fact]
    public void Contexts_and_the_not_run_list_name_catalog_rules_and_not_run_stays_small()
    {
        foreach (var id in Contexts.Keys.Concat(NotRun.Keys)) Assert.NotNull(RuleCatalog.Find(id));
        Assert.Empty(Contexts.Keys.Intersect(NotRun.Keys));
        Assert.Empty(NotRun);
    }

    /// <summary>Runs the checker the fence names; a configuration is loaded first, as the CLI and the server do.</summary>
    private static CheckResult Check(string info, string text, CheckOptions options)
    {
        switch (info)
        {
            case "commit": return Checker.CheckCommitMessage(text, options);
            case "pr": return Checker.CheckPullRequest(text, options);
            case "template": return Checker.CheckPullRequestTemplate(text, options);
            case "patterns": return Checker.CheckPatternLibrary(text, options);
            case "jsonc":
                var load = ConfigLoader.Load(text);
                return Checker.CheckConfiguration(text, options with { Config = load.Config, ConfigIssues = load.Issues });
            default: throw new ArgumentOutOfRangeException(nameof(info), info, "no checker");
        }
    }

    private static string Describe(IEnumerable<Finding> findings)
    {
        var lines = findings.Select(f => $"  {f.Range.Start.Line + 1}:{f.Range.Start.Character + 1} {f.Rule} {f.Message}").ToList();
        return lines.Count == 0 ? "  (no findings)" : string.Join('\n', lines);
    }

    [Fact]
    public void The_index_lists_every_rule_once_in_id_order_as_the_catalog_describes_it()
    {
        var lines = File.ReadAllLines(Path.Combine(RulesDirectory, "README.md")).Select(l => l.TrimEnd('\r')).ToList();
        int header = lines.IndexOf("| id | rule | severity | applies to | what it checks |");
        Assert.True(header >= 0, "docs/rules/README.md has no rules table");
        Assert.Equal("| --- | --- | --- | --- | --- |", lines[header + 1]);
        var rows = lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).ToList();
        var expected = RuleCatalog.All.OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => $"| [{r.Id}]({FileName(r)}) | `{r.Slug}` | {SeverityName(r)} | {RulesTableTests.Surfaces(r.AppliesTo)} | {r.Description} |")
            .ToList();
        Assert.Equal(expected, rows);
        foreach (var rule in RuleCatalog.All) Assert.True(File.Exists(Path.Combine(RulesDirectory, FileName(rule))), $"the index links to {FileName(rule)}, which is missing");
    }

    /// <summary>A fenced block: its info string and its text (with a final line break, as a file has).</summary>
    private sealed record Fence(string Info, string Text);

    private sealed record PageSection(string Title, string Text, IReadOnlyList<Fence> Fences);

    /// <summary>A rule page read as the format says: title, description, table, then <c>##</c> sections.</summary>
    private sealed record Page(string Title, string FirstParagraph, IReadOnlyList<string> Table, IReadOnlyList<PageSection> Sections)
    {
        public PageSection Section(string title) => Sections.Single(s => s.Title == title);

        public static Page Parse(string text, string name)
        {
            var lines = text.Replace("\r\n", "\n").Split('\n');
            int i = 0;
            string title = lines[i++];
            Assert.True(i < lines.Length && lines[i].Length == 0, $"{name}: a blank line follows the title");
            while (i < lines.Length && lines[i].Length == 0) i++;
            var paragraph = new List<string>();
            while (i < lines.Length && lines[i].Trim().Length > 0) paragraph.Add(lines[i++].Trim());
            while (i < lines.Length && lines[i].Length == 0) i++;
            var table = new List<string>();
            while (i < lines.Length && lines[i].StartsWith('|')) table.Add(lines[i++].Trim());

            var sections = new List<PageSection>();
            string? current = null;
            var body = new List<string>();
            var fences = new List<Fence>();
            string? fence = null, info = null;
            var fenceText = new List<string>();
            void Close()
            {
                if (current is not null) sections.Add(new PageSection(current, string.Join('\n', body).Trim(), fences.ToList()));
                body.Clear();
                fences.Clear();
            }
            for (; i < lines.Length; i++)
            {
                string line = lines[i];
                if (fence is not null)
                {
                    if (line.TrimEnd() == fence)
                    {
                        fences.Add(new Fence(info!, string.Join('\n', fenceText) + "\n"));
                        fenceText.Clear();
                        fence = null;
                    }
                    else fenceText.Add(line);
                    continue;
                }
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    int ticks = line.TakeWhile(c => c == '`').Count();
                    fence = new string('`', ticks);
                    info = line[ticks..].Trim();
                    continue;
                }
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    Close();
                    current = line[3..].Trim();
                    continue;
                }
                Assert.False(line.StartsWith("# ", StringComparison.Ordinal), $"{name}: only the title is a level-1 heading");
                if (current is null) Assert.True(line.Trim().Length == 0, $"{name}: unexpected text before the first section: {line}");
                body.Add(line);
            }
            Assert.True(fence is null, $"{name}: a fenced block is not closed");
            Close();
            return new Page(title, string.Join(' ', paragraph), table, sections);
        }
    }
}
