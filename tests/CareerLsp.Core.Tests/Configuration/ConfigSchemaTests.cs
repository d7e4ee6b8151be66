using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Engine;
using CareerLsp.Core.Rules;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Tests.Configuration;

/// <summary>
/// Walks <c>careerlsp.schema.json</c> and, for every property it describes, writes a configuration
/// holding a wrong value there (each wrong type, and each range, enumeration, pattern, format and
/// required property the schema states): the loader must report it at that value, as config-invalid
/// through the checker, and keep the defaults.
/// </summary>
public sealed class ConfigSchemaTests
{
    public sealed record Case(string Path, string Json, int ValueStart, int ValueEnd)
    {
        public override string ToString() => $"{Path} = {Json[ValueStart..ValueEnd]}";
    }

    public static TheoryData<Case> WrongValues()
    {
        var data = new TheoryData<Case>();
        foreach (var c in Walk(ConfigSchema.Root, [])) data.Add(c);
        return data;
    }

    [Fact]
    public void The_walk_covers_every_property_of_the_schema()
    {
        var cases = Walk(ConfigSchema.Root, []).ToList();
        var paths = cases.Select(c => c.Path).ToHashSet();
        // Spot checks that the walk reaches the leaves the issue was about, and more.
        Assert.Contains("rules.subject-max-length.max", paths);
        Assert.Contains("rules.CL044.patterns[0]", paths);
        Assert.Contains("premortem.scaling[0].factor", paths);
        Assert.Contains("plan.start", paths);
        Assert.Contains("aliases.sources[0]", paths);
        Assert.True(cases.Count > 400, $"{cases.Count} cases");
    }

    [Theory]
    [MemberData(nameof(WrongValues))]
    public void A_wrong_value_anywhere_is_an_issue_at_that_value_and_the_default_stays(Case c)
    {
        var load = ConfigLoader.Load(c.Json);
        var issue = Assert.Single(load.Issues);
        Assert.Equal(ConfigIssueKind.Invalid, issue.Kind);
        Assert.Equal((c.ValueStart, c.ValueEnd), (issue.Start, issue.End));
        Assert.DoesNotContain("\n", issue.Message);
        Assert.Equal(Effective(CareerLspConfig.Default), Effective(load.Config));

        var finding = Assert.Single(Checker.CheckConfiguration(load.Text, new CheckOptions { ConfigIssues = load.Issues }).Findings);
        Assert.Equal("config-invalid", finding.Rule.Slug);
    }

    [Theory]
    [InlineData("""{ "rules": { "subject-max-length": { "max": "fifty" } } }""", "\"rules.subject-max-length.max\" must be a whole number ≥ 1; it is \"fifty\"")]
    [InlineData("""{ "rules": { "CL001": 3 } }""", "\"rules.CL001\" must be one of off, hint, info, warning, error or an object; it is 3")]
    [InlineData("""{ "premortem": { "pr": { "races": -1 } } }""", "\"premortem.pr.races\" must be a whole number from 0 to 100; it is -1")]
    [InlineData("""{ "premortem": { "scaling": [ { "upToLines": 1 } ] } }""", "\"premortem.scaling[0]\" is missing \"factor\": expected {\"upToLines\": a whole number ≥ 0, \"factor\": a number from 0 to 1}")]
    [InlineData("""{ "rules": { "fix-forward-subject": { "patterns": ["(unclosed"] } } }""", "\"rules.fix-forward-subject.patterns[0]\" must be a regular expression (.NET syntax); it is \"(unclosed\"")]
    [InlineData("""[]""", "The configuration must be an object; it is an array")]
    public void Messages_name_the_setting_what_it_takes_and_what_it_got(string json, string expected) =>
        Assert.Equal(expected, Assert.Single(ConfigLoader.Load(json).Issues).Message);

    [Fact]
    public void One_bad_tier_keeps_the_default_scaling_as_the_finding_says()
    {
        var load = ConfigLoader.Load("""{ "premortem": { "scaling": [ { "upToLines": 5, "factor": 2 }, { "upToLines": 50, "factor": 0.5 } ] } }""");
        Assert.Contains("the default is used instead", Assert.Single(Checker.CheckConfiguration(load.Text, new CheckOptions { ConfigIssues = load.Issues }).Findings).Message);
        Assert.Equal(CareerLspConfig.Default.Scaling, load.Config.Scaling);
        var good = ConfigLoader.Load("""{ "premortem": { "scaling": [ { "upToLines": 50, "factor": 0.5 }, { "upToLines": 5, "factor": 0 } ] } }""");
        Assert.Empty(good.Issues);
        Assert.Equal([new SizeTier(5, 0), new SizeTier(50, 0.5)], good.Config.Scaling);
    }

    [Fact]
    public void Unknown_rules_and_keys_suggest_the_closest_name()
    {
        var issues = ConfigLoader.Load("""{ "rules": { "subject-max-lenght": "off", "CL041": { "maxx": 3 } }, "premortem": { "comit": {} } }""").Issues;
        Assert.All(issues, i => Assert.Equal(ConfigIssueKind.UnknownKey, i.Kind));
        Assert.Equal(
        [
            "Unknown rule \"subject-max-lenght\"; did you mean \"subject-max-length\"?",
            "Unknown key \"maxx\" in \"rules.CL041\"; did you mean \"max\"?",
            "Unknown key \"comit\" in \"premortem\"; did you mean \"commit\"?",
        ], issues.Select(i => i.Message));
    }

    /// <summary>What a configuration does, in a form two of them can be compared by.</summary>
    private static string Effective(CareerLspConfig config) => string.Join("\n",
        string.Join(",", config.Rules.Where(r => r.Value.Severity is not null || r.Value.Options.Count > 0).Select(r => r.Key)),
        string.Join(",", config.Aliases.Keys),
        config.CommitPremortem, config.PrPremortem, string.Join(",", config.Scaling), string.Join(",", config.PrDrafts),
        string.Join(",", config.PrTemplates), config.SkipToken, config.CommentChar, config.PatternLibraryPath, config.PlanPath,
        config.PlanStart, config.ReviewFolder);

    private static readonly string[] Probes = ["true", "\"text\"", "7", "[]", "{}"];

    /// <summary>Every wrong value for every property under <paramref name="schema"/>, inside its parents.</summary>
    private static IEnumerable<Case> Walk(JsonElement schema, List<(string Name, JsonElement Schema)> parents)
    {
        schema = ConfigSchema.Resolve(schema);
        string path = Path(parents);
        if (parents.Count > 0)
            foreach (var wrong in WrongFor(schema))
                yield return Wrap(parents, path, wrong);
        // Deeper: into the object branch of a oneOf, the properties of an object, the items of an array.
        var objectSchema = schema.TryGetProperty("oneOf", out var branches)
            ? branches.EnumerateArray().Select(ConfigSchema.Resolve).FirstOrDefault(b => ConfigSchema.Types(b).Contains("object"))
            : schema;
        if (objectSchema.ValueKind == JsonValueKind.Object && objectSchema.TryGetProperty("properties", out var properties))
            foreach (var property in properties.EnumerateObject())
                foreach (var c in Walk(property.Value, [.. parents, (property.Name, objectSchema)]))
                    yield return c;
        if (schema.TryGetProperty("items", out var items))
            foreach (var c in Walk(items, [.. parents, ("[0]", schema)]))
                yield return c;
    }

    /// <summary>Values <paramref name="schema"/> must refuse: other types, then its own limits.</summary>
    private static IEnumerable<string> WrongFor(JsonElement schema)
    {
        var types = ConfigSchema.Types(schema).ToList();
        foreach (var probe in Probes)
        {
            string type = probe switch { "true" => "boolean", "7" => "integer", "[]" => "array", "{}" => "object", _ => "string" };
            if (!types.Contains(type) && !(type == "integer" && types.Contains("number"))) yield return probe;
        }
        var leaves = schema.TryGetProperty("oneOf", out var branches) ? branches.EnumerateArray().Select(ConfigSchema.Resolve).ToList() : [schema];
        foreach (var leaf in leaves)
        {
            if (leaf.TryGetProperty("enum", out _)) yield return "\"loud\"";
            if (leaf.TryGetProperty("minimum", out var min)) yield return (min.GetDouble() - 1).ToString(CultureInfo.InvariantCulture);
            if (leaf.TryGetProperty("maximum", out var max)) yield return (max.GetDouble() + 1).ToString(CultureInfo.InvariantCulture);
            if (leaf.TryGetProperty("type", out var t) && t.GetString() == "integer") yield return "1.5";
            if (leaf.TryGetProperty("pattern", out var pattern))
                yield return JsonSerializer.Serialize(new[] { "has space!", "", "x\ty" }.First(s => !Regex.IsMatch(s, pattern.GetString()!)));
            if (leaf.TryGetProperty("format", out var format) && format.GetString() == "regex") yield return "\"(unclosed\"";
            if (leaf.TryGetProperty("required", out _)) yield return "{}";
        }
    }

    private static string Path(List<(string Name, JsonElement Schema)> parents) =>
        string.Concat(parents.Select((p, i) => p.Name.StartsWith('[') || i == 0 ? p.Name : "." + p.Name));

    /// <summary>The configuration with <paramref name="wrong"/> at the end of <paramref name="parents"/>; where that value is.</summary>
    private static Case Wrap(List<(string Name, JsonElement Schema)> parents, string path, string wrong)
    {
        string prefix = "", suffix = "";
        foreach (var (name, _) in parents)
        {
            if (name.StartsWith('[')) { prefix += "["; suffix = "]" + suffix; }
            else { prefix += $"{{\n  \"{name}\": "; suffix = "\n}" + suffix; }
        }
        // A required property's siblings must be there, or the parent is what is wrong.
        prefix = FillRequired(parents, prefix);
        return new Case(path, prefix + wrong + suffix, prefix.Length, prefix.Length + wrong.Length);
    }

    /// <summary>Puts the other required properties of a scaling tier before the one under test.</summary>
    private static string FillRequired(List<(string Name, JsonElement Schema)> parents, string prefix)
    {
        if (parents.Count == 0 || !parents[^1].Schema.TryGetProperty("required", out var required)) return prefix;
        var parentSchema = parents[^1].Schema;
        var siblings = required.EnumerateArray().Select(r => r.GetString()!).Where(r => r != parents[^1].Name)
            .Select(r => $"\"{r}\": {ValidFor(parentSchema.GetProperty("properties").GetProperty(r))}, ");
        string last = $"\"{parents[^1].Name}\": ";
        int at = prefix.LastIndexOf(last, StringComparison.Ordinal);
        return prefix[..at] + string.Concat(siblings) + prefix[at..];
    }

    private static string ValidFor(JsonElement schema) =>
        ConfigSchema.Types(schema).First() switch { "integer" or "number" => "0", "string" => "\"x\"", "array" => "[]", _ => "{}" };
}
