namespace CareerLsp.Core.Domain.Library;

/// <summary>
/// A path glob as <c>.gitignore</c> reads one: <c>*</c> and <c>?</c> stay within a segment,
/// <c>**</c> crosses segments, a pattern without <c>/</c> matches the file name at any depth, and a
/// trailing <c>/</c> names a directory and everything in it. Case-insensitive: a library written on
/// one system is read on others.
/// </summary>
public sealed class Glob
{
    private readonly string _pattern;
    private readonly bool _nameOnly;

    public Glob(string pattern)
    {
        pattern = pattern.Trim();
        if (pattern.EndsWith('/')) pattern += "**";
        _nameOnly = !pattern.Contains('/');
        _pattern = pattern.TrimStart('/');
    }

    public bool IsMatch(string path)
    {
        path = path.Replace('\\', '/');
        if (_nameOnly) return Match(_pattern, path.AsSpan(path.LastIndexOf('/') + 1));
        return Match(_pattern, path);
    }

    // Backtracking over the last star; "**" may also swallow the slash after it ("a/**/b" matches "a/b").
    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0;
        while (p < pattern.Length)
        {
            char c = pattern[p];
            if (c == '*')
            {
                bool deep = p + 1 < pattern.Length && pattern[p + 1] == '*';
                int next = p + (deep ? 2 : 1);
                if (deep && next < pattern.Length && pattern[next] == '/' && Match(pattern[(next + 1)..], text[t..])) return true;
                for (int k = t; k <= text.Length; k++)
                {
                    if (Match(pattern[next..], text[k..])) return true;
                    if (k < text.Length && text[k] == '/' && !deep) return false;
                }
                return false;
            }
            if (t >= text.Length) return false;
            if (c == '?' ? text[t] == '/' : char.ToLowerInvariant(c) != char.ToLowerInvariant(text[t])) return false;
            p++;
            t++;
        }
        return t == text.Length;
    }
}
