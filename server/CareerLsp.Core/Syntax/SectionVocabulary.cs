namespace CareerLsp.Core.Syntax;

/// <summary>
/// Maps section titles to <see cref="SectionKind"/>s: the built-in aliases plus the ones a
/// configuration adds. Titles are compared after <see cref="Normalize"/>, so case, punctuation,
/// emphasis, emoji, a leading count ("5 ways this could fail") and a trailing parenthetical
/// ("Pre-mortem (5/3/2)") do not matter.
/// </summary>
public sealed class SectionVocabulary
{
    private readonly Dictionary<string, SectionKind> _topLevel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SectionKind> _parts = new(StringComparer.Ordinal);

    public SectionVocabulary(IReadOnlyDictionary<string, IReadOnlyList<string>>? extraAliases = null)
    {
        foreach (var kind in SectionKind.All)
        {
            IEnumerable<string> aliases = kind.DefaultAliases;
            if (extraAliases != null && extraAliases.TryGetValue(kind.Id, out var extra)) aliases = aliases.Concat(extra);
            foreach (var alias in aliases)
            {
                string key = Normalize(alias);
                if (key.Length == 0) continue;
                if (kind.Parent is null) _topLevel.TryAdd(key, kind);
                else _parts.TryAdd(PartKey(kind.Parent, key), kind);
            }
        }
    }

    public static SectionVocabulary Default { get; } = new();

    private Dictionary<SectionKind, string[]>? _leadWords;

    /// <summary>
    /// The first word of each (normalised) name of a top-level kind: a title can only resolve to the
    /// kind if its normalised text starts with one of them, as a whole word.
    /// </summary>
    public IReadOnlyList<string> LeadWords(SectionKind kind)
    {
        var all = _leadWords;
        if (all is null)
        {
            all = new Dictionary<SectionKind, string[]>();
            foreach (var group in _topLevel.GroupBy(entry => entry.Value))
                all[group.Key] = group.Select(entry => entry.Key.Split(' ')[0]).Distinct(StringComparer.Ordinal).ToArray();
            _leadWords = all;
        }
        return all.TryGetValue(kind, out var words) ? words : [];
    }

    /// <summary>The top-level kind a title names, or <c>null</c>.</summary>
    public SectionKind? Resolve(string title) => _topLevel.GetValueOrDefault(Normalize(title));

    /// <summary>The part of <paramref name="parent"/> a title names, or <c>null</c>.</summary>
    public SectionKind? ResolvePart(SectionKind parent, string title) => _parts.GetValueOrDefault(PartKey(parent, Normalize(title)));

    private static string PartKey(SectionKind parent, string alias) => parent.Id + "\u0001" + alias;

    /// <summary>
    /// Splits an item such as <c>Race: two hooks write the file</c> or <c>**Dependency** — the API</c>
    /// into the part it names and the rest of its text. Returns <c>null</c> when it names no part.
    /// </summary>
    public (SectionKind Kind, string Remainder)? ResolvePartPrefix(SectionKind parent, string itemText)
    {
        string text = itemText.TrimStart();
        int end = FindPrefixEnd(text);
        if (end <= 0) return null;
        var kind = ResolvePart(parent, text[..end]);
        if (kind is null) return null;
        string rest = text[end..].TrimStart(':', ' ', '\t', '-', '–', '—', '*', '_').Trim();
        return (kind, rest);
    }

    private static int FindPrefixEnd(string text)
    {
        // A label ends at a colon, a dash used as a separator, or the end of a bold run.
        int colon = text.IndexOf(':');
        int dash = IndexOfAny(text, " - ", " – ", " — ");
        int bold = text.StartsWith("**", StringComparison.Ordinal) ? text.IndexOf("**", 2, StringComparison.Ordinal) + 2 : -1;
        int best = -1;
        foreach (int candidate in new[] { colon, dash, bold })
        {
            if (candidate > 0 && candidate <= 60 && (best < 0 || candidate < best)) best = candidate;
        }
        return best;
    }

    private static int IndexOfAny(string text, params string[] needles)
    {
        int best = -1;
        foreach (var needle in needles)
        {
            int i = text.IndexOf(needle, StringComparison.Ordinal);
            if (i >= 0 && (best < 0 || i < best)) best = i;
        }
        return best;
    }

    /// <summary>
    /// Lower-cases, drops emphasis, emoji and punctuation, a trailing parenthetical or bracket, and
    /// leading numbers; hyphens, underscores and slashes become spaces; runs of space collapse;
    /// apostrophes vanish ("don't" → "dont"). One pass, no intermediate strings: it runs for every
    /// alias when the vocabulary is built, which the hook does on every commit.
    /// </summary>
    public static string Normalize(string title)
    {
        Span<char> buffer = title.Length <= 256 ? stackalloc char[title.Length] : new char[title.Length];
        int length = 0, depth = 0, wordStart = 0;
        bool wordIsNumber = true, pendingSpace = false;
        foreach (char c in title)
        {
            if (c is '(' or '[') { depth++; continue; }
            if (c is ')' or ']') { if (depth > 0) depth--; continue; }
            if (depth > 0 || c is '\'' or '’') continue;
            // ASCII first: char.ToLowerInvariant and IsLetterOrDigit set up Unicode tables on first use.
            bool isWordChar = c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);
            if (isWordChar)
            {
                if (pendingSpace && length > 0)
                {
                    // A finished word that was only digits, with nothing before it, is a leading count: drop it.
                    if (wordIsNumber && wordStart == 0) length = 0;
                    else buffer[length++] = ' ';
                    wordStart = length;
                    wordIsNumber = true;
                }
                pendingSpace = false;
                buffer[length++] = c < 128 ? (char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);
                if (!(c < 128 ? char.IsAsciiDigit(c) : char.IsDigit(c))) wordIsNumber = false;
            }
            else
            {
                pendingSpace = true;
            }
        }
        return new string(buffer[..length]);
    }
}
