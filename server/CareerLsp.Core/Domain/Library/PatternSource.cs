using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Domain.Library;

/// <summary>
/// The pattern library a check consults, as the edge found it: parsed, or missing with the reason.
/// The matcher is built on first use and kept with the library.
/// </summary>
public sealed class PatternSource
{
    private PatternMatcher? _matcher;

    private PatternSource(string path, PatternLibrary? library, string? problem)
    {
        Path = path;
        Library = library;
        Problem = problem;
    }

    /// <summary>The library's path as users know it (<c>COMMON_PATTERNS.md</c>, relative to the repository).</summary>
    public string Path { get; }

    /// <summary>The parsed library, or <c>null</c> when it could not be read.</summary>
    public PatternLibrary? Library { get; }

    /// <summary>Why there is no library (<c>not found</c>, <c>not valid UTF-8</c>), when there is none.</summary>
    public string? Problem { get; }

    public PatternMatcher? Matcher => Library is null ? null : _matcher ??= new PatternMatcher(Library);

    public static PatternSource Parsed(string path, PatternLibrary library) => new(path, library, null);

    public static PatternSource FromText(string path, string text) => new(path, PatternLibrary.Parse(new Text.SourceText(text)), null);

    public static PatternSource Missing(string path, string problem) => new(path, null, problem);
}

/// <summary>A fix-forward commit made after the library last changed.</summary>
public sealed record HistoryCommit(string ShortId, string Subject);

/// <summary>What git says about the library: when it last changed, and the fix commits since.</summary>
public sealed record PatternHistory(string? LastChangeId, DateTimeOffset? LastChange, IReadOnlyList<HistoryCommit> FixCommitsSince);
