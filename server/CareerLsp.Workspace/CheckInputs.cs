using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Domain.History;
using CareerLsp.Core.Domain.Library;
using CareerLsp.Core.Rules;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Workspace;

/// <summary>
/// Where a check's inputs besides the text come from. The CLI reads them once per run; the language
/// server keeps them per repository for a few seconds. Each is asked for only when the document's
/// kind uses it (<see cref="CheckInputs.For"/>), so a PR draft never starts the git calls a commit
/// message needs.
/// </summary>
public interface ICheckInputSource
{
    CareerLspConfig Config { get; }

    /// <summary>Whether a repository-relative path exists, for cited paths; <c>null</c> without a repository.</summary>
    Func<string, bool>? PathExists(DocumentKinds kind);

    /// <summary>How git cleans this message up: comment character, scissors, <c>commit.cleanup</c>.</summary>
    CommitParseOptions CommitParse();

    /// <summary>The size of the change the message describes (the staged change), when known.</summary>
    ChangeSize? ChangeSize();

    /// <summary>The repository's PR template, to recognise its text left untouched.</summary>
    MarkdownDocument? Template();

    PatternSource? Patterns();

    /// <summary>The staged change as the pattern hints read it.</summary>
    ChangeEvidence? Change();

    /// <summary>The author's recent commits and the staged files, for <c>fix-forward-history</c>.</summary>
    CommitHistory? History();

    /// <summary>When the pattern library last changed and the fix commits since.</summary>
    PatternHistory? PatternHistory();

    /// <summary>Sources cited in recent commits, most cited first: replacements offered for a placeholder (read only then).</summary>
    IReadOnlyList<CitedSource> RecentSources();
}

/// <summary>
/// Which inputs each kind of document is checked with: the one place the CLI and the language
/// server ask. What only one surface knows is added by it (a GitHub event's size, the bytes that
/// were not UTF-8, the server's length limit).
/// </summary>
public static class CheckInputs
{
    public static CheckOptions For(DocumentKinds kind, ICheckInputSource source) => kind switch
    {
        DocumentKinds.CommitMessage => new CheckOptions
        {
            Config = source.Config,
            CommitParse = source.CommitParse(),
            ChangeSize = source.ChangeSize(),
            PathExists = source.PathExists(kind),
            Patterns = source.Patterns(),
            Change = source.Change(),
            History = source.History(),
            RecentSources = source.RecentSources,
        },
        DocumentKinds.PullRequest => new CheckOptions
        {
            Config = source.Config,
            PathExists = source.PathExists(kind),
            Template = source.Template(),
            Patterns = source.Patterns(),
            RecentSources = source.RecentSources,
        },
        DocumentKinds.PatternLibrary => new CheckOptions { Config = source.Config, PatternHistory = source.PatternHistory() },
        DocumentKinds.PullRequestTemplate or DocumentKinds.Configuration => new CheckOptions { Config = source.Config },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "checks are of one kind of document"),
    };
}
