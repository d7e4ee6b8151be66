namespace CareerLsp.Core.Domain.Habits;

/// <summary>Recognises text that stands in for content nobody wrote yet (<c>TODO</c>, <c>n/a</c>, <c>&lt;link&gt;</c>).</summary>
public static class Placeholders
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "todo", "tbd", "tba", "tbc", "n/a", "na", "n.a", "none", "nothing", "-", "--", "...", "…", "?", "??", "xxx", "fixme",
        "placeholder", "etc", "same", "see above", "later", "wip", "no", "nope", "nil", "null", "empty", "idk",
    };

    private static readonly string[] LeadingMarkers = ["todo", "tbd", "fixme", "xxx"];

    /// <summary>Whether the whole entry is a placeholder.</summary>
    public static bool IsPlaceholder(string text)
    {
        string t = Clean(text);
        if (t.Length == 0) return true;
        return Words.Contains(t) || Words.Contains(t.TrimEnd('.', ':', '!', ';', ',')) || StartsWithMarker(t) || IsBracketed(t);
    }

    /// <summary>Trims emphasis and code marks and surrounding whitespace.</summary>
    public static string Clean(string text) => text.Trim().Trim('*', '_', '`', '"', '\'').Trim();

    /// <summary><c>TODO: add sources</c>, <c>TBD later</c>: a marker word at the start.</summary>
    private static bool StartsWithMarker(string text)
    {
        foreach (var marker in LeadingMarkers)
        {
            if (text.StartsWith(marker, StringComparison.OrdinalIgnoreCase) &&
                (text.Length == marker.Length || !(char.IsLetterOrDigit(text[marker.Length]) || text[marker.Length] == '_')))
                return true;
        }
        return false;
    }

    /// <summary><c>&lt;your link here&gt;</c>, <c>[describe]</c>, <c>{{ placeholder }}</c>, but not <c>&lt;https://…&gt;</c> or <c>[x]</c>.</summary>
    private static bool IsBracketed(string t)
    {
        if (t.Length >= 2 && t[0] == '<' && t[^1] == '>')
        {
            var inner = t.AsSpan(1, t.Length - 2);
            return inner.IndexOfAny('<', '>') < 0 && !inner.StartsWith("http:", StringComparison.OrdinalIgnoreCase) &&
                   !inner.StartsWith("https:", StringComparison.OrdinalIgnoreCase) && !inner.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
        }
        if (t.Length >= 2 && t[0] == '[' && t[^1] == ']')
            return t.AsSpan(1, t.Length - 2).IndexOf(']') < 0 && !t.Equals("[x]", StringComparison.OrdinalIgnoreCase);
        return t.Length >= 4 && t.StartsWith("{{", StringComparison.Ordinal) && t.EndsWith("}}", StringComparison.Ordinal) &&
               t.AsSpan(2, t.Length - 4).IndexOf('}') < 0;
    }
}
