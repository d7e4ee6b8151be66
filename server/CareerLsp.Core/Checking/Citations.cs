using System.Text.RegularExpressions;

namespace CareerLsp.Core.Checking;

/// <summary>What a cited source is, as far as its text tells.</summary>
public enum CitationKind
{
    Placeholder,
    Url,
    RepositoryPath,
    Reference,
    ManPage,
    Document,
    Vague,
}

/// <summary>A path-looking token in a citation: where it is in the entry's text, and the path.</summary>
/// <remarks>A class, not a struct: ReadyToRun cannot precompile framework generics over this assembly's value types.</remarks>
public sealed record CitedPath(int Start, int Length, string Path, bool Certain);

/// <summary>A classified citation and the repository paths it names.</summary>
public sealed record Citation(CitationKind Kind, IReadOnlyList<CitedPath> Paths);

/// <summary>
/// Classifies the entries of <em>Sources Consulted</em> and <em>Documentation Reviewed</em>: a URL,
/// a repository path, an issue or PR reference, a man page, a named document, or something too
/// vague to check (<c>my memory</c>). Precision matters more than recall, so anything that names a
/// kind of document ("the LSP specification") is accepted.
/// </summary>
public static partial class Citations
{
    [GeneratedRegex(@"\b(?:https?|ftp)://[^\s<>]+|\bwww\.[a-z0-9-]+\.[^\s<>]+|\b(?:[a-z0-9-]+\.)+(?:com|org|io|dev|net|edu|gov|rs|sh|ai|co|app|info|me|so|page|site)/[^\s<>]*", RegexOptions.IgnoreCase)]
    private static partial Regex UrlRegex();

    [GeneratedRegex(@"\b[a-z][\w.+-]*\(\d[a-z]*\)|\bman\s+(?:\d\s+)?[\w.+-]+|--help\b|\bgit\s+help\s+\w+|\binfo\s+[\w-]+\b|\bman\s*page", RegexOptions.IgnoreCase)]
    private static partial Regex ManPageRegex();

    [GeneratedRegex(@"(?:^|[\s(\[])(?:[\w.-]+/[\w.-]+)?#\d+\b|\b[A-Z][A-Z0-9]+-\d+\b|\b(?:PR|MR|issue|pull request|ticket|bug)\s*[!#]?\d+\b|(?:^|\s)![0-9]+\b|\bcommit\s+[0-9a-f]{7,40}\b|\bCVE-\d{4}-\d+\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceRegex();

    [GeneratedRegex(@"\b(?:docs?|documentation|spec|specs|specification|manual|guide|handbook|reference|readme|changelog|api|book|paper|article|blog|post|talk|wiki|faq|tutorial|standard|rfc\s*\d+|rfc|adr|runbook|design|source|code|schema|release notes|how-?to|whitepaper|chapter|section|mdn|msdn|stack\s?overflow|javadoc|godoc|docstring|comments?|tests?|issue|discussion|thread|forum|rustdoc|pep\s*\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentRegex();

    /// <summary>Code named precisely: <c>Utf8JsonReader</c>, <c>MarkdownPipelineBuilder.Build()</c>, <c>std::fs</c>.</summary>
    [GeneratedRegex(@"\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b|\b\w+(?:\.\w+)+\(\)|\w::\w")]
    private static partial Regex CodeSymbolRegex();

    [GeneratedRegex(@"`([^`\s]+)`|(?<![\w/.-])((?:\.{1,2}/)?[\w@.+-]+(?:/[\w@.+-]*)+|[\w@+-][\w@.+-]*\.[A-Za-z][A-Za-z0-9]{0,9})(?::\d+(?:-\d+)?|#L\d+(?:-L\d+)?)?(?![\w/])")]
    private static partial Regex PathTokenRegex();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)+$")]
    private static partial Regex DomainRegex();

    private static readonly HashSet<string> CodeExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "md", "cs", "csproj", "sln", "props", "targets", "ts", "tsx", "js", "mjs", "cjs", "jsx", "json", "jsonc", "yml", "yaml",
        "toml", "txt", "sh", "bash", "ps1", "py", "go", "rs", "java", "kt", "c", "h", "cpp", "hpp", "cc", "rb", "php", "xml",
        "html", "css", "scss", "lock", "ini", "cfg", "conf", "sql", "proto", "tf", "hcl", "dockerfile", "gradle", "swift", "lua",
    };

    public static Citation Classify(string text, Func<string, bool>? pathExists)
    {
        if (Placeholders.IsPlaceholder(text)) return new Citation(CitationKind.Placeholder, []);
        var paths = FindPaths(text, pathExists);
        if (UrlRegex().IsMatch(text)) return new Citation(CitationKind.Url, paths);
        if (paths.Count > 0) return new Citation(CitationKind.RepositoryPath, paths);
        if (ReferenceRegex().IsMatch(text)) return new Citation(CitationKind.Reference, paths);
        if (ManPageRegex().IsMatch(text)) return new Citation(CitationKind.ManPage, paths);
        if (DocumentRegex().IsMatch(text) || CodeSymbolRegex().IsMatch(text)) return new Citation(CitationKind.Document, paths);
        return new Citation(CitationKind.Vague, paths);
    }

    /// <summary>
    /// Path-looking tokens outside URLs. A token is <see cref="CitedPath.Certain"/> when it can only be a
    /// path (in backticks, starting with <c>./</c>, or a directory path ending in a code file's extension);
    /// only certain paths are reported when missing, so <c>Node.js</c> or <c>TCP/IP</c> are never flagged.
    /// </summary>
    public static IReadOnlyList<CitedPath> FindPaths(string text, Func<string, bool>? pathExists)
    {
        var urls = UrlRegex().Matches(text);
        var result = new List<CitedPath>();
        foreach (Match m in PathTokenRegex().Matches(text))
        {
            if (Overlaps(urls, m)) continue;
            bool backticked = m.Groups[1].Success;
            var group = backticked ? m.Groups[1] : m.Groups[2];
            string path = StripLocation(group.Value).TrimEnd('.', ',', ';', ':');
            if (path.Length == 0 || path.StartsWith("//", StringComparison.Ordinal)) continue;
            string firstSegment = path.Split('/')[0];
            if (!backticked && path.Contains('/') && DomainRegex().IsMatch(firstSegment) && !path.StartsWith('.')) continue;
            bool exists = pathExists?.Invoke(path.TrimEnd('/')) == true;
            bool certain = IsCertainPath(path, backticked);
            if (exists || certain) result.Add(new CitedPath(group.Index, group.Length, path.TrimEnd('/'), certain || exists));
        }
        return result;
    }

    private static bool Overlaps(MatchCollection urls, Match token)
    {
        foreach (Match url in urls)
            if (token.Index < url.Index + url.Length && token.Index + token.Length > url.Index) return true;
        return false;
    }

    private static bool IsCertainPath(string path, bool backticked)
    {
        if (path.StartsWith("./", StringComparison.Ordinal) || path.StartsWith("../", StringComparison.Ordinal)) return true;
        int slash = path.LastIndexOf('/');
        string last = slash >= 0 ? path[(slash + 1)..] : path;
        int dot = last.LastIndexOf('.');
        bool codeFile = dot > 0 && CodeExtensions.Contains(last[(dot + 1)..]);
        if (backticked) return slash >= 0 ? codeFile || path.EndsWith('/') : codeFile;
        return slash > 0 && codeFile;
    }

    private static string StripLocation(string token)
    {
        int hash = token.IndexOf("#L", StringComparison.Ordinal);
        if (hash > 0) token = token[..hash];
        int colon = token.IndexOf(':');
        return colon > 0 ? token[..colon] : token;
    }
}
