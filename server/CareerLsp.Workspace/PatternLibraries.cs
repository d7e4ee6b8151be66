using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Library;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.History;

namespace CareerLsp.Workspace;

/// <summary>Reads the pattern library and its history at the edge, for the CLI and the server alike.</summary>
public static class PatternLibraries
{
    /// <summary>How far back the staleness check reads subjects when the library was never committed.</summary>
    private const int HistoryLimit = 5000;

    /// <summary>The configured library of the working tree at <paramref name="root"/>: parsed, or missing with the reason.</summary>
    public static PatternSource Load(string? root, CareerLspConfig config)
    {
        string display = config.PatternLibraryRelativePath;
        if (root is null) return PatternSource.Missing(display, "not there (no repository to find it in)");
        return LoadFile(Path.Combine(root, config.PatternLibraryRelativePath), display);
    }

    /// <summary>A library file; unreadable, too large or binary files come back missing, with the reason.</summary>
    public static PatternSource LoadFile(string path, string display)
    {
        if (!File.Exists(path)) return PatternSource.Missing(display, "not there");
        try
        {
            var text = DocumentReader.ReadFile(path);
            if (text.InvalidUtf8Offset is not null) return PatternSource.Missing(display, "not valid UTF-8");
            return PatternSource.FromText(display, text.Text);
        }
        catch (InputException e)
        {
            return PatternSource.Missing(display, $"unreadable ({e.Message})");
        }
    }

    /// <summary>When the library last changed, and the fix-forward commits made since (newest first).</summary>
    public static PatternHistory? History(Repository repository, CareerLspConfig config)
    {
        try
        {
            if (!repository.HasCommits) return null;
            string relative = config.PatternLibraryRelativePath;
            var last = repository.LastChangeOf(relative);
            var subjects = repository.Subjects(last is { } l ? $"{l.Id}..HEAD" : "HEAD", HistoryLimit);
            var patterns = config.SettingFor(RuleCatalog.FixForwardSubject.Id).GetStrings("patterns");
            var fixes = subjects.Where(s => FixForwardSubjects.IsFixForward(s.Subject, patterns)).Select(s => new HistoryCommit(s.ShortId, s.Subject)).ToArray();
            return new PatternHistory(last?.Id, last?.When, fixes);
        }
        catch (GitException)
        {
            return null;
        }
    }
}
