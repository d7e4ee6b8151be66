using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Syntax;
using Microsoft.Extensions.FileSystemGlobbing;

namespace CareerLsp.Workspace;

/// <summary>
/// The working tree as files, without git: where its root is, whether a path exists in it, which
/// files globs match, and its PR template. Shared by the CLI and the language server.
/// </summary>
public static class WorkTree
{
    /// <summary>The first directory upwards that holds <c>.git</c> (a directory, or a worktree's file).</summary>
    public static string? FindRoot(string directory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
            if (Path.Exists(Path.Combine(dir.FullName, ".git"))) return dir.FullName;
        return null;
    }

    /// <summary>
    /// Whether a path relative to <paramref name="root"/> exists. Only existence is asked, nothing is
    /// read, so a path that climbs out of the tree (<c>../shared/SPEC.md</c>) is looked up too.
    /// </summary>
    public static bool Contains(string root, string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath) || Path.IsPathRooted(relativePath)) return false;
        string full = Path.GetFullPath(Path.Combine(root, relativePath));
        return File.Exists(full) || Directory.Exists(full);
    }

    /// <summary>Whether a root-relative path (with <c>/</c>) matches any of the globs, case-insensitively.</summary>
    public static bool Matches(IReadOnlyList<string> globs, string relativePath) => Matcher(globs).Match(relativePath).HasMatches;

    /// <summary>The root-relative paths the globs match, in ordinal order.</summary>
    public static IEnumerable<string> MatchAll(IReadOnlyList<string> globs, IEnumerable<string> relativePaths)
    {
        var matcher = Matcher(globs);
        return relativePaths.Where(f => matcher.Match(f).HasMatches).Order(StringComparer.Ordinal);
    }

    /// <summary>The PR template: the first readable file the configured globs match under the root.</summary>
    public static (string Path, MarkdownDocument Document)? LoadPrTemplate(string root, CareerLspConfig config)
    {
        foreach (string path in Matcher(config.PrTemplates).GetResultsInFullPath(root).Order(StringComparer.Ordinal))
        {
            try
            {
                return (path, MarkdownDocument.Parse(DocumentReader.ReadFile(path).Text, config.Vocabulary));
            }
            catch (InputException)
            {
                // Unreadable or binary: try the next one.
            }
        }
        return null;
    }

    private static Matcher Matcher(IReadOnlyList<string> globs)
    {
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddIncludePatterns(globs);
        return matcher;
    }
}
