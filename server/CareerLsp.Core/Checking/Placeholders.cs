using System.Text.RegularExpressions;

namespace CareerLsp.Core.Checking;

/// <summary>Recognises text that stands in for content nobody wrote yet (<c>TODO</c>, <c>n/a</c>, <c>&lt;link&gt;</c>).</summary>
public static partial class Placeholders
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "todo", "tbd", "tba", "tbc", "n/a", "na", "n.a", "none", "nothing", "-", "--", "...", "…", "?", "??", "xxx", "fixme",
        "placeholder", "etc", "same", "see above", "later", "wip", "no", "nope", "nil", "null", "empty", "idk",
    };

    [GeneratedRegex(@"^(todo|tbd|fixme|xxx)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingMarker();

    [GeneratedRegex(@"^<(?!https?:|mailto:)[^<>]*>$|^\[(?!x\])[^\]]*\]$|^\{\{[^}]*\}\}$", RegexOptions.IgnoreCase)]
    private static partial Regex Bracketed();

    /// <summary>Whether the whole entry is a placeholder.</summary>
    public static bool IsPlaceholder(string text)
    {
        string t = Clean(text);
        if (t.Length == 0) return true;
        return Words.Contains(t) || Words.Contains(t.TrimEnd('.', ':', '!', ';', ',')) || LeadingMarker().IsMatch(t) || Bracketed().IsMatch(t);
    }

    /// <summary>Trims emphasis and code marks and surrounding whitespace.</summary>
    public static string Clean(string text) => text.Trim().Trim('*', '_', '`', '"', '\'').Trim();
}
