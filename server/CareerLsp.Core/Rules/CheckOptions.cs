using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Domain.History;
using CareerLsp.Core.Domain.Library;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Rules;

/// <summary>
/// Everything a check needs besides the text. The edges (CLI, server) fill it from git and the file
/// system; the engine itself never touches either.
/// </summary>
public sealed record CheckOptions
{
    public CareerLspConfig Config { get; init; } = CareerLspConfig.Default;

    /// <summary>The size of the change the message describes, when known (scales the pre-mortem).</summary>
    public ChangeSize? ChangeSize { get; init; }

    /// <summary>Answers whether a repository-relative path exists; <c>null</c> when there is no repository.</summary>
    public Func<string, bool>? PathExists { get; init; }

    public CommitParseOptions CommitParse { get; init; } = CommitParseOptions.Default;

    /// <summary>The repository's PR template, to recognise its text left untouched in a description.</summary>
    public MarkdownDocument? Template { get; init; }

    /// <summary>Character offset of the first byte that was not valid UTF-8, when the edge found one.</summary>
    public int? InvalidEncodingOffset { get; init; }

    /// <summary>Issues the loader found, when the document is the configuration file itself.</summary>
    public IReadOnlyList<ConfigIssue> ConfigIssues { get; init; } = [];

    /// <summary>
    /// Documents longer than this (in UTF-16 characters) are not parsed; <c>document-too-large</c>
    /// says so. The CLI limits by bytes when it reads; the language server sets this.
    /// </summary>
    public int MaxLength { get; init; } = int.MaxValue;

    /// <summary>
    /// The pattern library that commit messages and PR descriptions cite and are matched against;
    /// <c>null</c> when the caller did not look for one (then neither happens).
    /// </summary>
    public PatternSource? Patterns { get; init; }

    /// <summary>The staged change (or a diff given on the command line), for the library's hints.</summary>
    public ChangeEvidence? Change { get; init; }

    /// <summary>When the library last changed and the fix commits since, for <c>pattern-library-stale</c>.</summary>
    public PatternHistory? PatternHistory { get; init; }

    /// <summary>Who is committing, when, what is staged, and their recent commits: for <c>fix-forward-history</c>.</summary>
    public CommitHistory? History { get; init; }

    /// <summary>
    /// Sources cited in the repository's recent commits, most cited first; asked for only when a
    /// placeholder source is found, to offer them as its replacements (the language server's).
    /// </summary>
    public Func<IReadOnlyList<CitedSource>>? RecentSources { get; init; }

    public static CheckOptions Default { get; } = new();
}
