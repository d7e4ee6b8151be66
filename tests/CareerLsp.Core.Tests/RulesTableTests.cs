using System.Text.Json;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Engine;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Tests;

/// <summary>
/// The registry and the JSON schema are checked against the catalog, so none can drift. The rule
/// pages under <c>docs/rules/</c> are checked by <see cref="RuleDocsTests"/>.
/// </summary>
public sealed class RulesTableTests
{
    /// <summary>The repository root: the directory that holds <c>CareerLsp.sln</c>.</summary>
    internal static string Root()
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
    public void Schema_knows_every_rule_option_and_section_kind()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root(), "server", "careerlsp.schema.json")));
        var properties = schema.RootElement.GetProperty("properties");
        var rules = properties.GetProperty("rules").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(RuleCatalog.All.SelectMany(r => new[] { r.Id, r.Slug }).Order(), rules);
        var aliases = properties.GetProperty("aliases").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(SectionKind.All.Select(k => k.Id).Order(), aliases);
    }

    /// <summary>
    /// Where a rule runs, as the rule pages and their index say it: <c>commit</c>, <c>pr</c>,
    /// <c>template</c>, <c>config</c>, <c>patterns</c> (comma-separated), or <c>all</c>.
    /// </summary>
    internal static string Surfaces(DocumentKinds kinds) => kinds == DocumentKinds.All ? "all" : string.Join(", ", new[]
    {
        (DocumentKinds.CommitMessage, "commit"), (DocumentKinds.PullRequest, "pr"),
        (DocumentKinds.PullRequestTemplate, "template"), (DocumentKinds.Configuration, "config"), (DocumentKinds.PatternLibrary, "patterns"),
    }.Where(k => kinds.HasFlag(k.Item1)).Select(k => k.Item2));
}
