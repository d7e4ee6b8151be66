using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Engine;
using CareerLsp.Core.Rules;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Tests.Configuration;

public sealed class ConfigLoaderTests
{
    [Fact]
    public void Comments_trailing_commas_ids_slugs_and_options_are_read()
    {
        var result = ConfigLoader.Load("""
            {
              // JSONC
              "rules": { "CL001": "off", "subject-max-length": { "severity": "error", "max": 50, }, },
              "aliases": { "sources": ["Reading"] },
              "premortem": { "pr": { "failures": 2 }, "scaling": [ { "upToLines": 5, "factor": 0 } ] },
              "pr": { "drafts": ["*.draft.md"] },
              "commit": { "skipToken": "No-Habits", "commentChar": "auto" },
            }
            """);
        Assert.Empty(result.Issues);
        var config = result.Config;
        Assert.Equal(Severity.Off, config.SettingFor("CL001").Severity);
        Assert.Equal(50, config.SettingFor("CL041").GetInt("max", 72));
        Assert.Equal(new PremortemCounts(2, 3, 2), config.PrPremortem);
        Assert.Equal(["*.draft.md"], config.PrDrafts);
        Assert.Equal("No-Habits", config.SkipToken);
        Assert.Equal("auto", config.CommentChar);
        Assert.Same(Core.Syntax.SectionKind.Sources, config.Vocabulary.Resolve("reading"));
    }

    [Fact]
    public void Positions_of_issues_count_utf16_after_multibyte_text()
    {
        string text = "{ \"aliases\": { \"sources\": [\"Lectures – é\"] }, \"rulez\": {} }";
        var issue = Assert.Single(ConfigLoader.Load(text).Issues);
        Assert.Equal(ConfigIssueKind.UnknownKey, issue.Kind);
        Assert.Equal(text.IndexOf("\"rulez\"", StringComparison.Ordinal), issue.Start);
        Assert.Equal(issue.Start + 7, issue.End);
    }

    [Theory]
    [InlineData("", "Invalid JSON")]
    [InlineData("[]", "must be an object")]
    [InlineData("{ \"rules\": { \"CL001\": 3 } }", "\"rules.CL001\" must be one of off")]
    [InlineData("{ \"premortem\": { \"pr\": { \"races\": -1 } } }", "whole number")]
    [InlineData("{ \"premortem\": { \"scaling\": [ { \"upToLines\": 1 } ] } }", "\"premortem.scaling[0]\" is missing \"factor\"")]
    [InlineData("{ \"commit\": { \"skipToken\": \"has space\" } }", "\"commit.skipToken\" must be a string matching")]
    public void Invalid_values_are_issues_and_defaults_stay(string text, string expected)
    {
        var result = ConfigLoader.Load(text);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(ConfigIssueKind.Invalid, issue.Kind);
        Assert.Contains(expected, issue.Message);
        Assert.Equal(CareerLspConfig.Default.PrPremortem, result.Config.PrPremortem);
    }

    [Fact]
    public void Configuration_findings_point_at_the_value()
    {
        var load = ConfigLoader.Load("{\n  \"rules\": { \"sources-required\": \"loud\" }\n}");
        var result = Checker.CheckConfiguration(load.Text, new CheckOptions { ConfigIssues = load.Issues });
        var finding = Assert.Single(result.Findings);
        Assert.Equal("config-invalid", finding.Rule.Slug);
        Assert.Equal(new Text.Position(1, 33), finding.Range.Start);
    }
}
