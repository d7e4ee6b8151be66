using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Workspace;

namespace CareerLsp.Server;

/// <summary>What CareerLsp checks a document as.</summary>
internal enum DocumentKind
{
    None,
    CommitMessage,
    PullRequest,
    PullRequestTemplate,
    Configuration,
    PatternLibrary,
}

internal static class DocumentKindExtensions
{
    /// <summary>The engine's name for the kind.</summary>
    public static DocumentKinds ToCore(this DocumentKind kind) => kind switch
    {
        DocumentKind.CommitMessage => DocumentKinds.CommitMessage,
        DocumentKind.PullRequest => DocumentKinds.PullRequest,
        DocumentKind.PullRequestTemplate => DocumentKinds.PullRequestTemplate,
        DocumentKind.Configuration => DocumentKinds.Configuration,
        DocumentKind.PatternLibrary => DocumentKinds.PatternLibrary,
        _ => DocumentKinds.None,
    };
}

/// <summary>A document's kind and the directory its repository and configuration are found from.</summary>
internal sealed record Classification(DocumentKind Kind, string? Directory);

/// <summary>
/// Decides what a document is from its URI, language and path: VS Code's commit box
/// (<c>vscode-scm</c>, language <c>scminput</c>, the repository in the <c>rootUri</c> query),
/// <c>COMMIT_EDITMSG</c>/<c>MERGE_MSG</c> (languages <c>git-commit</c>, <c>gitcommit</c>), PR drafts and
/// templates by the configured globs, and <c>.careerlsp.json</c>.
/// </summary>
internal static class DocumentClassifier
{
    private static readonly HashSet<string> CommitFileNames = new(StringComparer.Ordinal) { "COMMIT_EDITMSG", "MERGE_MSG", "SQUASH_MSG" };

    public static Classification Classify(string uri, string languageId, IReadOnlyList<string> workspaceFolders, Func<string, CareerLspConfig> configFor)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed)) return new Classification(DocumentKind.None, null);
        if (parsed.Scheme == "vscode-scm" || languageId == "scminput")
            return new Classification(DocumentKind.CommitMessage, ScmRoot(parsed) ?? workspaceFolders.FirstOrDefault());
        if (!parsed.IsFile) return new Classification(DocumentKind.None, null);

        string path = parsed.LocalPath;
        string name = Path.GetFileName(path);
        string directory = Path.GetDirectoryName(path) ?? "/";
        if (languageId is "git-commit" or "gitcommit" || CommitFileNames.Contains(name))
            return new Classification(DocumentKind.CommitMessage, OutsideGitDirectory(directory));
        if (name == Workspace.ConfigDiscovery.FileName) return new Classification(DocumentKind.Configuration, directory);
        if (name == "PULLREQ_EDITMSG") return new Classification(DocumentKind.PullRequest, OutsideGitDirectory(directory));

        string root = WorkTree.FindRoot(directory) ?? workspaceFolders.FirstOrDefault(f => IsUnder(path, f)) ?? directory;
        string relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal)) return new Classification(DocumentKind.None, directory);
        var config = configFor(root);
        if (string.Equals(relative, config.PatternLibraryRelativePath, StringComparison.Ordinal))
            return new Classification(DocumentKind.PatternLibrary, root);
        if (WorkTree.Matches(config.PrTemplates, relative)) return new Classification(DocumentKind.PullRequestTemplate, root);
        if (WorkTree.Matches(config.PrDrafts, relative)) return new Classification(DocumentKind.PullRequest, root);
        return new Classification(DocumentKind.None, root);
    }

    /// <summary>The repository query of VS Code's commit box: <c>vscode-scm:git/scm0/input?rootUri=file%3A%2F%2F%2Frepo</c>.</summary>
    private static string? ScmRoot(Uri uri)
    {
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=');
            if (eq < 0 || pair[..eq] != "rootUri") continue;
            string value = Uri.UnescapeDataString(pair[(eq + 1)..]);
            if (Uri.TryCreate(value, UriKind.Absolute, out var root) && root.IsFile) return root.LocalPath;
        }
        return null;
    }

    /// <summary><c>repo/.git/COMMIT_EDITMSG</c> (and <c>.git/worktrees/x/</c>) belong to <c>repo</c>.</summary>
    private static string OutsideGitDirectory(string directory)
    {
        string normalized = directory.Replace('\\', '/');
        int git = normalized.IndexOf("/.git", StringComparison.Ordinal);
        while (git >= 0 && !(git + 5 == normalized.Length || normalized[git + 5] == '/'))
            git = normalized.IndexOf("/.git", git + 1, StringComparison.Ordinal);
        return git > 0 ? directory[..git] : directory;
    }

    private static bool IsUnder(string path, string folder) =>
        path.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);
}
