using System.Text.Json;
using System.Text.RegularExpressions;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Engine;
using CareerLsp.Core.Rules;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Tests;

/// <summary>The README's rules table and the JSON schema are checked against the registry, so none can drift.</summary>
public sealed partial class RulesTableTests
{
    [GeneratedRegex(@"^\| (CL\d{3}) \| <a id=""([a-z0-9-]+)""></a>`([a-z0-9-]+)` \| (\w+) \| ([a-z, -]+) \| (.+) \|$")]
    private static partial Regex Row();

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CareerLsp.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }

    [Fact]
    public void EveryDescriptorInTheCatalogHasExactlyOneRuleInTheRegistryInTheSameOrder()
    {
        Assert.Equal(RuleCatalog.All, RuleRegistry.All.Select(r => r.Descriptor));
        foreach (var descriptor in RuleCatalog.All) Assert.Same(descriptor, RuleRegistry.For(descriptor).Descriptor);
    }

    [Fact]
    public void Readme_lists_every_rule_in_registry_order_with_its_default_severity()
    {
        var rows = File.ReadAllLines(Path.Combine(Root(), "README.md")).Select(l => Row().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), rows.Select(m => m.Groups[1].Value));
        foreach (var (rule, row) in RuleCatalog.All.Zip(rows))
        {
            Assert.Equal(rule.Slug, row.Groups[2].Value);
            Assert.Equal(rule.Slug, row.Groups[3].Value);
            Assert.Equal(rule.DefaultSeverity.ToString().ToLowerInvariant(), row.Groups[4].Value);
            Assert.Equal(Surfaces(rule.AppliesTo), row.Groups[5].Value);
            Assert.Equal(rule.Description, row.Groups[6].Value);
        }
    }

    [Fact]
    public void Schema_knows_every_rule_option_and_section_kind()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root(), "server", "careerlsp.schema.json")));
        var properties = schema.RootElement.GetProperty("properties");
        var rules = properties.GetProperty("rules").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(RuleCatalog.All.SelectMany(r => new[] { r.Id, r.Slug }).Order(), rules);
        var aliases = properties.GetProperty("aliases").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(SectionKind.All.Select(k => k.Id).Order(), aliases);
    }

    internal static string Surfaces(DocumentKinds kinds) => kinds == DocumentKinds.All ? "all" : string.Join(", ", new[]
    {
        (DocumentKinds.CommitMessage, "commit"), (DocumentKinds.PullRequest, "pr"),
        (DocumentKinds.PullRequestTemplate, "template"), (DocumentKinds.Configuration, "config"), (DocumentKinds.PatternLibrary, "patterns"),
    }.Where(k => kinds.HasFlag(k.Item1)).Select(k => k.Item2));
}
