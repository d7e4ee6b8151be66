using System.Globalization;
using System.Text.Json;
using CareerLsp.Core.Findings;
using CareerLsp.Core.Parsing;
using CareerLsp.Core.Rules;

namespace CareerLsp.Core.Configuration;

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
/// issue at the error's position; a bad value is skipped with an issue at that value; unknown keys
/// are reported so typos do not silently do nothing.
/// </summary>
public static class ConfigLoader
{
    private static readonly string[] TopLevelKeys = ["$schema", "rules", "aliases", "premortem", "pr", "commit", "patterns", "plan"];

    public static ConfigLoadResult Load(string text)
    {
        var issues = new List<ConfigIssue>();
        var (root, error) = Jsonc.Parse(text);
        if (error is not null)
        {
            issues.Add(new ConfigIssue(ConfigIssueKind.Invalid, error.Offset, error.Offset, $"Invalid JSON: {error.Message}"));
            return new ConfigLoadResult(CareerLspConfig.Default, issues, text);
        }
        if (root is not JsoncObject obj)
        {
            issues.Add(Invalid(root!, "The configuration must be a JSON object"));
            return new ConfigLoadResult(CareerLspConfig.Default, issues, text);
        }

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

        foreach (var property in obj.Properties)
        {
            switch (property.Name)
            {
                case "$schema":
                    break;
                case "rules":
                    ReadRules(property.Value, rules, issues);
                    break;
                case "aliases":
                    ReadAliases(property.Value, aliases, issues);
                    break;
                case "premortem":
                    if (AsObject(property.Value, "premortem", issues) is { } premortem)
                    {
                        foreach (var p in premortem.Properties)
                        {
                            switch (p.Name)
                            {
                                case "commit": commitCounts = ReadCounts(p.Value, commitCounts, issues); break;
                                case "pr": prCounts = ReadCounts(p.Value, prCounts, issues); break;
                                case "scaling": scaling = ReadScaling(p.Value, scaling, issues); break;
                                default: issues.Add(Unknown(p, "premortem", ["commit", "pr", "scaling"])); break;
                            }
                        }
                    }
                    break;
                case "pr":
                    if (AsObject(property.Value, "pr", issues) is { } pr)
                    {
                        foreach (var p in pr.Properties)
                        {
                            switch (p.Name)
                            {
                                case "drafts": drafts = ReadStrings(p.Value, "pr.drafts", issues) ?? drafts; break;
                                case "templates": templates = ReadStrings(p.Value, "pr.templates", issues) ?? templates; break;
                                default: issues.Add(Unknown(p, "pr", ["drafts", "templates"])); break;
                            }
                        }
                    }
                    break;
                case "commit":
                    if (AsObject(property.Value, "commit", issues) is { } commit)
                    {
                        foreach (var p in commit.Properties)
                        {
                            switch (p.Name)
                            {
                                case "skipToken":
                                    skipToken = ReadString(p.Value, "commit.skipToken", issues, @"^[A-Za-z0-9][A-Za-z0-9-]*$") ?? skipToken;
                                    break;
                                case "commentChar":
                                    commentChar = ReadString(p.Value, "commit.commentChar", issues, @"^(auto|\S{1,8})$") ?? commentChar;
                                    break;
                                default: issues.Add(Unknown(p, "commit", ["skipToken", "commentChar"])); break;
                            }
                        }
                    }
                    break;
                case "patterns":
                    if (AsObject(property.Value, "patterns", issues) is { } patterns)
                    {
                        foreach (var p in patterns.Properties)
                        {
                            if (p.Name == "path") patternsPath = ReadString(p.Value, "patterns.path", issues, @"^[^\0]+$") ?? patternsPath;
                            else issues.Add(Unknown(p, "patterns", ["path"]));
                        }
                    }
                    break;
                case "plan":
                    if (AsObject(property.Value, "plan", issues) is { } plan)
                    {
                        foreach (var p in plan.Properties)
                        {
                            switch (p.Name)
                            {
                                case "path": planPath = ReadString(p.Value, "plan.path", issues, @"^[^\0]+$") ?? planPath; break;
                                case "reviews": reviewFolder = ReadString(p.Value, "plan.reviews", issues, @"^[^\0]+$") ?? reviewFolder; break;
                                case "start":
                                    if (ReadString(p.Value, "plan.start", issues, @"^\d{4}-\d{2}-\d{2}$") is { } start)
                                    {
                                        if (DateOnly.TryParseExact(start, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)) planStart = day;
                                        else issues.Add(Invalid(p.Value, $"\"plan.start\" is not a date: {start}"));
                                    }
                                    break;
                                default: issues.Add(Unknown(p, "plan", ["path", "start", "reviews"])); break;
                            }
                        }
                    }
                    break;
                default:
                    issues.Add(Unknown(property, "the top level", TopLevelKeys));
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

    private static void ReadRules(JsoncNode node, Dictionary<string, RuleSetting> rules, List<ConfigIssue> issues)
    {
        if (AsObject(node, "rules", issues) is not { } obj) return;
        foreach (var property in obj.Properties)
        {
            var rule = RuleRegistry.Find(property.Name);
            if (rule is null)
            {
                issues.Add(new ConfigIssue(ConfigIssueKind.UnknownKey, property.NameStart, property.NameEnd,
                    $"Unknown rule \"{property.Name}\"{Suggest(property.Name, RuleRegistry.All.Select(r => r.Slug))}"));
                continue;
            }
            switch (property.Value)
            {
                case JsoncValue { Kind: JsonValueKind.String } value:
                    if (ParseSeverity(value, issues) is { } level) rules[rule.Id] = new RuleSetting(level, RuleSetting.None.Options);
                    break;
                case JsoncObject options:
                {
                    Severity? severity = null;
                    var rest = new Dictionary<string, JsoncNode>();
                    foreach (var p in options.Properties)
                    {
                        if (p.Name == "severity") severity = p.Value is JsoncValue v ? ParseSeverity(v, issues) : Bad(p.Value, "\"severity\" must be a string", issues);
                        else if (rule.Options.Contains(p.Name)) rest[p.Name] = p.Value;
                        else issues.Add(Unknown(p, $"rule \"{rule.Slug}\"", ["severity", .. rule.Options]));
                    }
                    rules[rule.Id] = new RuleSetting(severity, rest);
                    break;
                }
                default:
                    issues.Add(Invalid(property.Value, $"Rule \"{property.Name}\" takes a severity (off, hint, info, warning, error) or an object with \"severity\""));
                    break;
            }
        }
    }

    private static Severity? Bad(JsoncNode node, string message, List<ConfigIssue> issues)
    {
        issues.Add(Invalid(node, message));
        return null;
    }

    private static Severity? ParseSeverity(JsoncValue value, List<ConfigIssue> issues)
    {
        switch (value.String)
        {
            case "off": return Severity.Off;
            case "hint": return Severity.Hint;
            case "info": return Severity.Info;
            case "warning": return Severity.Warning;
            case "error": return Severity.Error;
            default:
                issues.Add(Invalid(value, $"Unknown severity {(value.String is null ? value.Describe() : $"\"{value.String}\"")}: expected off, hint, info, warning or error"));
                return null;
        }
    }

    private static void ReadAliases(JsoncNode node, Dictionary<string, IReadOnlyList<string>> aliases, List<ConfigIssue> issues)
    {
        if (AsObject(node, "aliases", issues) is not { } obj) return;
        foreach (var property in obj.Properties)
        {
            if (SectionKind.FromId(property.Name) is null)
            {
                issues.Add(Unknown(property, "aliases", SectionKind.All.Select(k => k.Id)));
                continue;
            }
            if (ReadStrings(property.Value, $"aliases.{property.Name}", issues) is { } list) aliases[property.Name] = list;
        }
    }

    private static PremortemCounts ReadCounts(JsoncNode node, PremortemCounts fallback, List<ConfigIssue> issues)
    {
        if (AsObject(node, "premortem counts", issues) is not { } obj) return fallback;
        int failures = fallback.Failures, dependencies = fallback.Dependencies, races = fallback.Races;
        foreach (var p in obj.Properties)
        {
            switch (p.Name)
            {
                case "failures": failures = ReadCount(p.Value, failures, issues); break;
                case "dependencies": dependencies = ReadCount(p.Value, dependencies, issues); break;
                case "races": races = ReadCount(p.Value, races, issues); break;
                default: issues.Add(Unknown(p, "premortem counts", ["failures", "dependencies", "races"])); break;
            }
        }
        return new PremortemCounts(failures, dependencies, races);
    }

    private static int ReadCount(JsoncNode node, int fallback, List<ConfigIssue> issues)
    {
        if (node is JsoncValue { Kind: JsonValueKind.Number } v && v.Number >= 0 && v.Number <= 100 && v.Number == Math.Floor(v.Number)) return (int)v.Number;
        issues.Add(Invalid(node, "Expected a whole number from 0 to 100"));
        return fallback;
    }

    private static IReadOnlyList<SizeTier> ReadScaling(JsoncNode node, IReadOnlyList<SizeTier> fallback, List<ConfigIssue> issues)
    {
        if (node is not JsoncArray array)
        {
            issues.Add(Invalid(node, "\"scaling\" must be an array of {\"upToLines\": n, \"factor\": f}"));
            return fallback;
        }
        var tiers = new List<SizeTier>();
        foreach (var item in array.Items)
        {
            if (item is JsoncObject tier &&
                tier.Find("upToLines")?.Value is JsoncValue { Kind: JsonValueKind.Number } up && up.Number >= 0 &&
                tier.Find("factor")?.Value is JsoncValue { Kind: JsonValueKind.Number } factor && factor.Number is >= 0 and <= 1)
            {
                foreach (var p in tier.Properties.Where(p => p.Name is not ("upToLines" or "factor")))
                    issues.Add(Unknown(p, "a scaling tier", ["upToLines", "factor"]));
                tiers.Add(new SizeTier((int)up.Number, factor.Number));
            }
            else
            {
                issues.Add(Invalid(item, "A scaling tier is {\"upToLines\": n, \"factor\": f} with n ≥ 0 and 0 ≤ f ≤ 1"));
            }
        }
        return tiers.OrderBy(t => t.UpToLines).ToArray();
    }

    private static IReadOnlyList<string>? ReadStrings(JsoncNode node, string what, List<ConfigIssue> issues)
    {
        if (node is JsoncArray array && array.Items.All(i => i is JsoncValue { Kind: JsonValueKind.String }))
            return array.Items.Cast<JsoncValue>().Select(v => v.String!).ToArray();
        issues.Add(Invalid(node, $"\"{what}\" must be an array of strings"));
        return null;
    }

    private static string? ReadString(JsoncNode node, string what, List<ConfigIssue> issues, string pattern)
    {
        if (node is JsoncValue { Kind: JsonValueKind.String, String: { } s } && System.Text.RegularExpressions.Regex.IsMatch(s, pattern)) return s;
        issues.Add(Invalid(node, $"\"{what}\" must be a string matching {pattern}"));
        return null;
    }

    private static JsoncObject? AsObject(JsoncNode node, string what, List<ConfigIssue> issues)
    {
        if (node is JsoncObject obj) return obj;
        issues.Add(Invalid(node, $"\"{what}\" must be an object"));
        return null;
    }

    private static ConfigIssue Invalid(JsoncNode node, string message) => new(ConfigIssueKind.Invalid, node.Start, node.End, message);

    private static ConfigIssue Unknown(JsoncProperty property, string where, IEnumerable<string> known) =>
        new(ConfigIssueKind.UnknownKey, property.NameStart, property.NameEnd,
            $"Unknown key \"{property.Name}\" in {where}{Suggest(property.Name, known)}");

    /// <summary>"; did you mean …?" for the closest known name, when one is close.</summary>
    private static string Suggest(string name, IEnumerable<string> known)
    {
        var best = known.Select(k => (k, d: Distance(name.ToLowerInvariant(), k.ToLowerInvariant()))).OrderBy(x => x.d).FirstOrDefault();
        return best.k is not null && best.d <= Math.Max(2, name.Length / 3)
            ? string.Create(CultureInfo.InvariantCulture, $"; did you mean \"{best.k}\"?")
            : string.Create(CultureInfo.InvariantCulture, $" (known: {string.Join(", ", known)})");
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int previous = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }
}
