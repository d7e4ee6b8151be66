using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.History;
using CareerLsp.Core.Syntax;
using FsCheck;
using FsCheck.Fluent;

namespace CareerLsp.Core.Tests.History;

/// <summary>
/// The report reads every message of a history and tells most apart without a parse
/// (<see cref="HabitReport.ReadMessage"/>): the shortcut must never change an answer.
/// </summary>
public sealed class ReportMessageTests
{
    private static readonly string[] Lines =
    [
        "", "", "   ", "Fix typo", "  Indented subject  ", "Refactor the parser", "Prevent a crash", "Prepare the release", "What could go wrong here",
        "Sources Consulted:", "sources:", "SOURCES", "Sources (consulted):", "1. Sources", "Sour'ces:", "Source: https://x.org", "Reading list:",
        "Références:", "References: https://x.org", "## Pre-mortem", "**Risks**", "# What could go wrong", "Premortem:", "Pre-mortem analysis:",
        "- Failure: the cache goes stale", "- Dependency: git 2.40", "- Race: two hooks at once", "- https://x.org", "- n/a", "- TODO",
        "Habits-Skip: hotfix", "habits-skip:", "Signed-off-by: A <a@b.c>", "Refs: #12", "don't", "pre-existing", "pre", "mortem", "risks",
        "Bibliography:", "- [x] done", "[link](https://x.org)", "\tTabbed", "Sources\u2019 list", "🙂 Sources:",
    ];

    private static readonly CareerLspConfig[] Configs =
    [
        CareerLspConfig.Default,
        ConfigLoader.Load("""{ "aliases": { "sources": ["Bibliography"], "premortem": ["Don't ship if"] }, "commit": { "skipToken": "No-Habits" } }""").Config,
    ];

    private static readonly FsCheck.Config Config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3000).WithQuietOnSuccess(true);

    [Fact]
    public void The_shortcut_agrees_with_the_parse()
    {
        var messages = Gen.Elements(Lines).ListOf().Select(lines => string.Join('\n', lines) + "\n");
        Prop.ForAll(messages.ToArbitrary(), text =>
        {
            foreach (var config in Configs) Assert.Equal(HabitReport.ParseMessage(text, config), HabitReport.ReadMessage(text, config));
        }).Check(Config);
    }

    [Theory]
    [InlineData("Fix typo\n", false, false)]
    [InlineData("Prevent a crash\n\nPrepare for the release.\n", false, false)]
    [InlineData("Add x\n\nSources Consulted:\n- https://git-scm.com/docs/git-log\n", true, false)]
    [InlineData("Add x\n\nPre-mortem:\n- Failure: it breaks\n", false, true)]
    public void Sections_are_found_either_way(string text, bool sources, bool premortem)
    {
        var facts = HabitReport.ReadMessage(text, CareerLspConfig.Default);
        Assert.Equal((sources, premortem), (facts.WithSources, facts.WithPremortem));
        Assert.Equal(HabitReport.ParseMessage(text, CareerLspConfig.Default), facts);
    }
}
