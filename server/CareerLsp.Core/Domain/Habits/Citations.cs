namespace CareerLsp.Core.Domain.Habits;

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
/// kind of document ("the LSP specification") or a piece of code (<c>Utf8JsonReader</c>) is accepted.
/// A tokenizer rather than regular expressions, for the hook's start-up time.
/// </summary>
public static class Citations
{
    private static readonly HashSet<string> DocumentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "doc", "docs", "documentation", "spec", "specs", "specification", "manual", "guide", "handbook", "reference", "readme",
        "changelog", "api", "book", "paper", "article", "blog", "post", "talk", "wiki", "faq", "tutorial", "standard", "rfc",
        "adr", "runbook", "design", "source", "code", "schema", "howto", "how-to", "whitepaper", "chapter", "section", "mdn",
        "msdn", "stackoverflow", "javadoc", "godoc", "docstring", "comment", "comments", "test", "tests", "issue", "discussion",
        "thread", "forum", "rustdoc", "pep",
    };

    private static readonly HashSet<string> ReferenceWords = new(StringComparer.OrdinalIgnoreCase) { "pr", "mr", "issue", "ticket", "bug" };

    private static readonly HashSet<string> TopLevelDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "com", "org", "io", "dev", "net", "edu", "gov", "rs", "sh", "ai", "co", "app", "info", "me", "so", "page", "site",
    };

    private static readonly HashSet<string> CodeExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "md", "cs", "csproj", "sln", "props", "targets", "ts", "tsx", "js", "mjs", "cjs", "jsx", "json", "jsonc", "yml", "yaml",
        "toml", "txt", "sh", "bash", "ps1", "py", "go", "rs", "java", "kt", "c", "h", "cpp", "hpp", "cc", "rb", "php", "xml",
        "html", "css", "scss", "lock", "ini", "cfg", "conf", "sql", "proto", "tf", "hcl", "dockerfile", "gradle", "swift", "lua",
    };

    private const string OpeningPunctuation = "([{\"'<";
    private const string ClosingPunctuation = ".,;:)]}\"'>!?";

    /// <summary>A whitespace-separated piece of the text with surrounding punctuation trimmed.</summary>
    private sealed record Token(int Start, string Text);

    public static Citation Classify(string text, Func<string, bool>? pathExists)
    {
        if (Placeholders.IsPlaceholder(text)) return new Citation(CitationKind.Placeholder, []);
        var tokens = Tokenize(text);
        var paths = FindPaths(text, tokens, pathExists);
        if (tokens.Any(t => IsUrl(t.Text))) return new Citation(CitationKind.Url, paths);
        if (paths.Count > 0) return new Citation(CitationKind.RepositoryPath, paths);
        if (HasReference(tokens)) return new Citation(CitationKind.Reference, paths);
        if (HasManPage(tokens)) return new Citation(CitationKind.ManPage, paths);
        if (HasDocumentWord(tokens) || tokens.Any(t => IsCodeSymbol(t.Text))) return new Citation(CitationKind.Document, paths);
        return new Citation(CitationKind.Vague, paths);
    }

    /// <summary>
    /// Path-looking tokens outside URLs. A token is <see cref="CitedPath.Certain"/> when it can only be a path (in backticks, starting with
    /// <c>./</c>, or a directory path ending in a code file's extension); only certain paths are reported
    /// when missing, so <c>Node.js</c> or <c>TCP/IP</c> are never flagged.
    /// </summary>
    private static List<CitedPath> FindPaths(string text, List<Token> tokens, Func<string, bool>? pathExists)
    {
        var result = new List<CitedPath>();
        foreach (var token in tokens)
        {
            bool backticked = token.Start > 0 && text[token.Start - 1] == '`' && token.Start + token.Text.Length < text.Length && text[token.Start + token.Text.Length] == '`';
            string raw = token.Text.Trim('`');
            int offset = token.Start + token.Text.IndexOf(raw, StringComparison.Ordinal);
            if (raw.Length == 0 || IsUrl(raw) || !IsPathShaped(raw)) continue;
            string path = StripLocation(raw).TrimEnd('.', ',', ';', ':');
            if (path.Length == 0 || path.StartsWith("//", StringComparison.Ordinal)) continue;
            if (!path.Contains('/') && !HasExtension(path)) continue;
            bool exists = pathExists?.Invoke(path.TrimEnd('/')) == true;
            bool certain = IsCertainPath(path, backticked);
            if (exists || certain) result.Add(new CitedPath(offset, raw.Length, path.TrimEnd('/'), certain || exists));
        }
        return result;
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            int end = i;
            while (start < end && (OpeningPunctuation.Contains(text[start]) || text[start] == '`')) start++;
            while (end > start && (ClosingPunctuation.Contains(text[end - 1]) || text[end - 1] == '`')) end--;
            if (end > start) tokens.Add(new Token(start, text[start..end]));
        }
        return tokens;
    }

    /// <summary>http(s)/ftp URLs (also inside a Markdown link), <c>www.…</c>, or <c>domain.tld/path</c>.</summary>
    private static bool IsUrl(string token)
    {
        int scheme = token.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            int begin = scheme;
            while (begin > 0 && char.IsAsciiLetter(token[begin - 1])) begin--;
            var name = token.AsSpan(begin, scheme - begin);
            if (name.Equals("http", StringComparison.OrdinalIgnoreCase) || name.Equals("https", StringComparison.OrdinalIgnoreCase) ||
                name.Equals("ftp", StringComparison.OrdinalIgnoreCase))
                return scheme + 3 < token.Length;
        }
        if (token.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && token.IndexOf('.', 4) > 4) return true;
        int slash = token.IndexOf('/');
        if (slash <= 0) return false;
        var host = token[..slash];
        int dot = host.LastIndexOf('.');
        return dot > 0 && TopLevelDomains.Contains(host[(dot + 1)..]) && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
    }

    private static bool IsPathShaped(string token)
    {
        var core = StripLocation(token);
        if (core.Length == 0) return false;
        foreach (char c in core)
            if (!(char.IsLetterOrDigit(c) || c is '_' or '@' or '.' or '+' or '-' or '/')) return false;
        return true;
    }

    private static bool HasExtension(string path)
    {
        int dot = path.LastIndexOf('.');
        if (dot <= 0 || dot == path.Length - 1 || path.Length - dot - 1 > 10) return false;
        return char.IsAsciiLetter(path[dot + 1]) && path.AsSpan(dot + 1).ContainsAnyExcept(".") && IsAlnum(path.AsSpan(dot + 1));
    }

    private static bool IsAlnum(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (!char.IsAsciiLetterOrDigit(c)) return false;
        return true;
    }

    /// <summary><c>#12</c>, <c>owner/repo#12</c>, <c>JIRA-42</c>, <c>CVE-2024-1234</c>, <c>!12</c>, <c>PR 12</c>, <c>issue #12</c>, <c>commit abc1234</c>.</summary>
    private static bool HasReference(List<Token> tokens)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            string t = tokens[i].Text;
            int hash = t.IndexOf('#');
            if (hash >= 0 && hash + 1 < t.Length && IsDigits(t.AsSpan(hash + 1)) && (hash == 0 || IsOwnerRepo(t[..hash]))) return true;
            if (t.Length > 1 && t[0] == '!' && IsDigits(t.AsSpan(1))) return true;
            if (IsTicketKey(t)) return true;
            string next = i + 1 < tokens.Count ? tokens[i + 1].Text : "";
            if (ReferenceWords.Contains(t) && IsDigits(next.AsSpan().TrimStart("#!"))) return true;
            if (t.Length > 2 && (t.StartsWith("PR", StringComparison.OrdinalIgnoreCase) || t.StartsWith("MR", StringComparison.OrdinalIgnoreCase)) &&
                IsDigits(t.AsSpan(2).TrimStart("#!"))) return true;
            if (t.Equals("pull", StringComparison.OrdinalIgnoreCase) && next.Equals("request", StringComparison.OrdinalIgnoreCase) &&
                i + 2 < tokens.Count && IsDigits(tokens[i + 2].Text.AsSpan().TrimStart("#!"))) return true;
            if (t.Equals("commit", StringComparison.OrdinalIgnoreCase) && next.Length is >= 7 and <= 40 && !next.AsSpan().ContainsAnyExcept("0123456789abcdef")) return true;
        }
        return false;
    }

    /// <summary><c>ABC-123</c> (upper-case project key), including <c>CVE-2024-1234</c>.</summary>
    private static bool IsTicketKey(string t)
    {
        int dash = t.IndexOf('-');
        if (dash < 2 || !char.IsAsciiLetterUpper(t[0])) return false;
        foreach (char c in t.AsSpan(0, dash)) if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))) return false;
        var rest = t.AsSpan(dash + 1);
        if (t.StartsWith("CVE-", StringComparison.Ordinal))
        {
            int second = rest.IndexOf('-');
            return second == 4 && IsDigits(rest[..4]) && IsDigits(rest[5..]);
        }
        return IsDigits(rest);
    }

    private static bool IsOwnerRepo(string text)
    {
        int slash = text.IndexOf('/');
        if (slash <= 0 || slash == text.Length - 1 || text.IndexOf('/', slash + 1) >= 0) return false;
        foreach (char c in text) if (!(char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or '/')) return false;
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> s) => s.Length > 0 && !s.ContainsAnyExceptInRange('0', '9');

    /// <summary><c>git-commit(1)</c>, <c>man git-log</c>, <c>man 5 githooks</c>, <c>git help commit</c>, <c>info tar</c>, <c>--help</c>, "man page".</summary>
    private static bool HasManPage(List<Token> tokens)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            string t = tokens[i].Text;
            string next = i + 1 < tokens.Count ? tokens[i + 1].Text : "";
            if (IsManSection(t) || t.EndsWith("--help", StringComparison.Ordinal) || t.Equals("manpage", StringComparison.OrdinalIgnoreCase)) return true;
            if (t.Equals("man", StringComparison.OrdinalIgnoreCase) && next.Length > 0) return true;
            if (t.Equals("info", StringComparison.OrdinalIgnoreCase) && next.Length > 0 && next.All(c => char.IsLetterOrDigit(c) || c is '-' or '_')) return true;
            if (t.Equals("git", StringComparison.OrdinalIgnoreCase) && next.Equals("help", StringComparison.OrdinalIgnoreCase) && i + 2 < tokens.Count) return true;
        }
        return false;
    }

    /// <summary><c>name(1)</c>, <c>name(3p)</c>: a lower-case name, a section digit and optional letters in parentheses.</summary>
    private static bool IsManSection(string token)
    {
        int open = token.IndexOf('(');
        if (open <= 0 || !char.IsAsciiLetterLower(token[0])) return false;
        int close = token.IndexOf(')', open);
        if (close < 0) close = token.Length; // The tokenizer trims a closing parenthesis at the end.
        var section = token.AsSpan(open + 1, close - open - 1);
        return section.Length > 0 && char.IsAsciiDigit(section[0]) && !section[1..].ContainsAnyExceptInRange('a', 'z');
    }

    private static bool HasDocumentWord(List<Token> tokens)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            foreach (var word in tokens[i].Text.Split(['/', '\'', '’', '.', ',', ':', ';', '(', ')', '"'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (DocumentWords.Contains(word)) return true;
                if ((word.StartsWith("rfc", StringComparison.OrdinalIgnoreCase) || word.StartsWith("pep", StringComparison.OrdinalIgnoreCase)) &&
                    IsDigits(word.AsSpan(3))) return true;
            }
            string next = i + 1 < tokens.Count ? tokens[i + 1].Text : "";
            if ((tokens[i].Text.Equals("release", StringComparison.OrdinalIgnoreCase) && next.StartsWith("notes", StringComparison.OrdinalIgnoreCase)) ||
                (tokens[i].Text.Equals("stack", StringComparison.OrdinalIgnoreCase) && next.StartsWith("overflow", StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        return false;
    }

    /// <summary>Code named precisely: <c>Utf8JsonReader</c>, <c>MarkdownPipelineBuilder.Build()</c>, <c>std::fs</c>.</summary>
    private static bool IsCodeSymbol(string token)
    {
        if (token.Contains("::", StringComparison.Ordinal) || (token.EndsWith("()", StringComparison.Ordinal) && token.Contains('.'))) return true;
        string word = token.Split('.', '\'', '’')[0];
        if (word.Length < 3 || !char.IsAsciiLetterUpper(word[0]) || !(char.IsAsciiLetterLower(word[1]) || char.IsAsciiDigit(word[1]))) return false;
        if (!IsAlnum(word)) return false;
        for (int i = 2; i < word.Length; i++) if (char.IsAsciiLetterUpper(word[i])) return true;
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

    /// <summary>Drops a <c>:12</c>, <c>:12-20</c> or <c>#L12</c> location suffix.</summary>
    private static string StripLocation(string token)
    {
        int hash = token.IndexOf("#L", StringComparison.Ordinal);
        if (hash > 0) token = token[..hash];
        int colon = token.IndexOf(':');
        return colon > 0 ? token[..colon] : token;
    }
}
