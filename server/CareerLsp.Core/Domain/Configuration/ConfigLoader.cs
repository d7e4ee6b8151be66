using System.Text.Json;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Syntax;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Domain.Configuration;

/// <summary>What is wrong with a configuration file, and where (character offsets).</summary>
public sealed record ConfigIssue(ConfigIssueKind Kind, int Start, int End, string Message);

public enum ConfigIssueKind
{
    /// <summary>Not JSON, or a value of the wrong type: the setting is ignored.</summary>
    Invalid,

    /// <summary>A key CareerLsp does not know (often a typo).</summary>
    UnknownKey,
}

/// <summary>The configuration read from a file, and the issues found in it.</summary>
public sealed record ConfigLoadResult(CareerLspConfig Config, IReadOnlyList<ConfigIssue> Issues, string Text);

/// <summary>
/// Reads <c>.careerlsp.json</c>. Never throws: a file that is not JSON gives the defaults and one
/// issue at the error's position. Every value is checked against the schema first
/// (<see cref="ConfigSchema"/>): a value of the wrong type or out of range is an issue at that value
/// and its default stays; unknown keys are issues at the key, so typos do not silently do nothing.
/// </summary>
public static class ConfigLoader
{
    public static ConfigLoadResult Load(string text)
    {
        var (root, error) = Jsonc.Parse(text);
        if (error is not null)
            return new ConfigLoadResult(CareerLspConfig.Default, [new ConfigIssue(ConfigIssueKind.Invalid, error.Offset, error.Offset, $"Invalid JSON: {error.Message}")], text);
        var (issues, rejected) = ConfigSchema.Validate(root!);
        if (root is not JsoncObject obj) return new ConfigLoadResult(CareerLspConfig.Default, issues, text);
        var read = new Reader(rejected);

        var defaults = CareerLspConfig.Default;
        var rules = new Dictionary<string, RuleSetting>();
        var aliases = new Dictionary<string, IReadOnlyList<string>>();
        PremortemCounts commitCounts = defaults.CommitPremortem, prCounts = defaults.PrPremortem;
        IReadOnlyList<SizeTier> scaling = defaults.Scaling;
        IReadOnlyList<string> drafts = defaults.PrDrafts, templates = defaults.PrTemplates;
        string skipToken = defaults.SkipToken;
        string? commentChar = null;
        string patternsPath = defaults.PatternLibraryPath;
        string? planPath = null, reviewFolder = defaults.ReviewFolder;
        DateOnly? planStart = null;

        foreach (var (name, value) in read.Properties(obj))
        {
            switch (name)
            {
                case "rules":
                    foreach (var (key, setting) in read.Properties(value))
                        if (RuleCatalog.Find(key) is { } rule && ReadRule(setting, read) is { } s) rules[rule.Id] = s;
                    break;
                case "aliases":
                    foreach (var (kind, list) in read.Properties(value))
                        if (SectionKind.FromId(kind) is not null && read.Strings(list) is { } names) aliases[kind] = names;
                    break;
                case "premortem":
                    foreach (var (key, p) in read.Properties(value))
                    {
                        switch (key)
                        {
                            case "commit": commitCounts = ReadCounts(p, commitCounts, read); break;
                            case "pr": prCounts = ReadCounts(p, prCounts, read); break;
                            case "scaling": scaling = ReadScaling(p, read) ?? scaling; break;
                        }
                    }
                    break;
                case "pr":
                    foreach (var (key, p) in read.Properties(value))
                    {
                        if (key == "drafts") drafts = read.Strings(p) ?? drafts;
                        else if (key == "templates") templates = read.Strings(p) ?? templates;
                    }
                    break;
                case "commit":
                    foreach (var (key, p) in read.Properties(value))
                    {
                        if (key == "skipToken") skipToken = read.String(p) ?? skipToken;
                        else if (key == "commentChar") commentChar = read.String(p) ?? commentChar;
                    }
                    break;
                case "patterns":
                    foreach (var (key, p) in read.Properties(value))
                        if (key == "path") patternsPath = read.String(p) ?? patternsPath;
                    break;
                case "plan":
                    foreach (var (key, p) in read.Properties(value))
                    {
                        switch (key)
                        {
                            case "path": planPath = read.String(p) ?? planPath; break;
                            case "reviews": reviewFolder = read.String(p) ?? reviewFolder; break;
                            case "start" when read.String(p) is { } start:
                                // The schema's pattern says YYYY-MM-DD; only a calendar says 2026-02-30 is no day.
                                if (IsoDate.TryParse(start, out var day)) planStart = day;
                                else issues.Add(new ConfigIssue(ConfigIssueKind.Invalid, p.Start, p.End, $"\"plan.start\" is not a date: {start}"));
                                break;
                        }
                    }
                    break;
            }
        }

        var config = new CareerLspConfig
        {
            Rules = rules, Aliases = aliases, CommitPremortem = commitCounts, PrPremortem = prCounts, Scaling = scaling,
            PrDrafts = drafts, PrTemplates = templates, SkipToken = skipToken, CommentChar = commentChar, PatternLibraryPath = patternsPath,
            PlanPath = planPath, PlanStart = planStart, ReviewFolder = reviewFolder,
        };
        return new ConfigLoadResult(config, issues, text);
    }

    private static RuleSetting? ReadRule(JsoncNode node, Reader read)
    {
        if (node is JsoncValue value) return read.String(value) is { } s ? new RuleSetting(ParseSeverity(s), RuleSetting.None.Options) : null;
        Severity? severity = null;
        var options = new Dictionary<string, JsoncNode>();
        foreach (var (name, option) in read.Properties(node))
        {
            if (name == "severity") severity = read.String(option) is { } s ? ParseSeverity(s) : null;
            else if (read.Valid(option)) options[name] = option;
        }
        return new RuleSetting(severity, options);
    }

    private static Severity? ParseSeverity(string value) => value switch
    {
        "off" => Severity.Off,
        "hint" => Severity.Hint,
        "info" => Severity.Info,
        "warning" => Severity.Warning,
        "error" => Severity.Error,
        _ => null,
    };

    private static PremortemCounts ReadCounts(JsoncNode node, PremortemCounts fallback, Reader read)
    {
        int failures = fallback.Failures, dependencies = fallback.Dependencies, races = fallback.Races;
        foreach (var (name, value) in read.Properties(node))
        {
            switch (name)
            {
                case "failures": failures = read.Int(value) ?? failures; break;
                case "dependencies": dependencies = read.Int(value) ?? dependencies; break;
                case "races": races = read.Int(value) ?? races; break;
            }
        }
        return new PremortemCounts(failures, dependencies, races);
    }

    /// <summary>The tiers, or <c>null</c> (the default stays) when one is invalid: a partial table would scale differently from either.</summary>
    private static IReadOnlyList<SizeTier>? ReadScaling(JsoncNode node, Reader read)
    {
        if (!read.Valid(node) || node is not JsoncArray array) return null;
        return array.Items.Cast<JsoncObject>()
            .Select(tier => new SizeTier(read.Int(tier.Find("upToLines")!.Value)!.Value, ((JsoncValue)tier.Find("factor")!.Value).Number))
            .OrderBy(t => t.UpToLines).ToArray();
    }

    /// <summary>Reads values the schema accepted; a rejected value reads as absent, so its default stays.</summary>
    private sealed class Reader(HashSet<JsoncNode> rejected)
    {
        /// <summary>The node itself passed (what is inside it may not have).</summary>
        public bool Usable(JsoncNode node) => !rejected.Contains(node);

        /// <summary>The node and everything in it passed.</summary>
        public bool Valid(JsoncNode node) => Usable(node) && node switch
        {
            JsoncObject obj => obj.Properties.All(p => Valid(p.Value)),
            JsoncArray array => array.Items.All(Valid),
            _ => true,
        };

        /// <summary>The properties of an accepted object, the last of a repeated key winning as in JSON.parse.</summary>
        public IEnumerable<(string Name, JsoncNode Value)> Properties(JsoncNode node) =>
            node is JsoncObject obj && Usable(obj) ? obj.Properties.Select(p => (p.Name, p.Value)) : [];

        public string? String(JsoncNode node) => Usable(node) && node is JsoncValue { Kind: JsonValueKind.String } v ? v.String : null;

        public int? Int(JsoncNode node) => Usable(node) && node is JsoncValue { Kind: JsonValueKind.Number } v ? (int)v.Number : null;

        public IReadOnlyList<string>? Strings(JsoncNode node) =>
            Valid(node) && node is JsoncArray array ? array.Items.OfType<JsoncValue>().Select(v => v.String!).ToArray() : null;
    }
}
