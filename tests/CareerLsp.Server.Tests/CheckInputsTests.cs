using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Domain.History;
using CareerLsp.Core.Domain.Library;
using CareerLsp.Core.Syntax;
using CareerLsp.Workspace;

namespace CareerLsp.Server.Tests;

/// <summary>Which inputs each kind of document asks for: what the CLI and the server both rely on.</summary>
public sealed class CheckInputsTests
{
    /// <summary>Answers every question and records which were asked.</summary>
    private sealed class RecordingSource : ICheckInputSource
    {
        public List<string> Asked { get; } = [];

        public CareerLspConfig Config => CareerLspConfig.Default;

        public Func<string, bool>? PathExists(DocumentKinds kind) => Ask<Func<string, bool>>("PathExists", _ => true);

        public CommitParseOptions CommitParse() => Ask("CommitParse", CommitParseOptions.Default with { CommentChar = ";" });

        public ChangeSize? ChangeSize() => Ask<ChangeSize?>("ChangeSize", new ChangeSize(2, 40));

        public MarkdownDocument? Template() => Ask<MarkdownDocument?>("Template", null);

        public PatternSource? Patterns() => Ask<PatternSource?>("Patterns", PatternSource.FromText("COMMON_PATTERNS.md", "# Lessons\n\n# Races\n\n- A race → a lock\n"));

        public ChangeEvidence? Change() => Ask<ChangeEvidence?>("Change", null);

        public CommitHistory? History() => Ask<CommitHistory?>("History", new CommitHistory("a@b.c", DateTimeOffset.UnixEpoch, [], []));

        public PatternHistory? PatternHistory() => Ask<PatternHistory?>("PatternHistory", new PatternHistory(null, null, []));

        public IReadOnlyList<CitedSource> RecentSources() => Ask<IReadOnlyList<CitedSource>>("RecentSources", [new CitedSource("git-commit(1)", 2)]);

        private T Ask<T>(string name, T answer)
        {
            Asked.Add(name);
            return answer;
        }
    }

    [Theory]
    [InlineData(DocumentKinds.CommitMessage, "CommitParse ChangeSize PathExists Patterns Change History")]
    [InlineData(DocumentKinds.PullRequest, "PathExists Template Patterns")]
    [InlineData(DocumentKinds.PatternLibrary, "PatternHistory")]
    [InlineData(DocumentKinds.PullRequestTemplate, "")]
    [InlineData(DocumentKinds.Configuration, "")]
    public void Each_kind_asks_for_its_inputs_only(DocumentKinds kind, string asked)
    {
        var source = new RecordingSource();
        CheckInputs.For(kind, source);
        Assert.Equal(asked, string.Join(' ', source.Asked));
    }

    [Fact]
    public void A_commit_message_is_checked_with_what_the_source_answered()
    {
        var source = new RecordingSource();
        var options = CheckInputs.For(DocumentKinds.CommitMessage, source);
        Assert.Equal(";", options.CommitParse.CommentChar);
        Assert.Equal(new ChangeSize(2, 40), options.ChangeSize);
        Assert.NotNull(options.PathExists);
        Assert.NotNull(options.Patterns);
        Assert.Equal("a@b.c", options.History?.Author);
        Assert.Same(CareerLspConfig.Default, options.Config);
    }

    [Fact]
    public void A_combination_of_kinds_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CheckInputs.For(DocumentKinds.CommitMessage | DocumentKinds.PullRequest, new RecordingSource()));
}
