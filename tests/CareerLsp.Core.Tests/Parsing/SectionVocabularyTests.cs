using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Tests.Parsing;

public sealed class SectionVocabularyTests
{
    [Theory]
    [InlineData("Sources Consulted", "sources consulted")]
    [InlineData("## 📚 **Pre-mortem** (5/3/2):", "pre mortem")]
    [InlineData("5 ways this could fail", "ways this could fail")]
    [InlineData("1. 2 Race conditions", "race conditions")]
    [InlineData("Week 1", "week 1")]
    [InlineData("Don't   forget__this/that", "dont forget this that")]
    [InlineData("2024", "2024")]
    [InlineData("", "")]
    [InlineData("[all bracketed]", "")]
    public void Normalize(string title, string expected) => Assert.Equal(expected, SectionVocabulary.Normalize(title));

    [Fact]
    public void Every_title_resolves_case_and_punctuation_insensitively()
    {
        var vocabulary = SectionVocabulary.Default;
        Assert.Same(SectionKind.Sources, vocabulary.Resolve("SOURCES-CONSULTED"));
        Assert.Same(SectionKind.Premortem, vocabulary.Resolve("Pre-Mortem (what could go wrong)"));
        Assert.Same(SectionKind.Races, vocabulary.ResolvePart(SectionKind.Premortem, "2 race conditions that could occur"));
        Assert.Null(vocabulary.ResolvePart(SectionKind.Testing, "race conditions"));
        Assert.Null(vocabulary.Resolve("Summary"));
    }
}
