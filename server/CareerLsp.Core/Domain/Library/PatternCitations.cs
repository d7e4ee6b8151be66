using CareerLsp.Core.Syntax;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Domain.Library;

/// <summary>A pre-mortem item that names a library entry: <c>- Race: Pattern: DNS before CoreDNS ready → …</c>.</summary>
public sealed record PatternCitation(string Problem, TextRange Range, SectionItem Item);

/// <summary>
/// Citations of library entries in pre-mortems. An item cites an entry with <c>Pattern:</c> at its
/// start (after an optional kind such as <c>Race:</c>) followed by the entry's problem, up to an
/// arrow or the end of the line; the entry is found without regard to case, punctuation or emphasis,
/// and a citation may shorten a long problem to its start.
/// </summary>
public static class PatternCitations
{
    public const string Label = "Pattern:";

    public static IEnumerable<PatternCitation> Find(SectionedDocument document)
    {
        foreach (var section in document.SectionsOf(SectionKind.Premortem))
        {
            foreach (var item in section.AllItems())
            {
                if (Read(document.Text, item) is { } citation) yield return citation;
            }
        }
    }

    /// <summary>The citation an item makes, if it makes one.</summary>
    public static PatternCitation? Read(SourceText text, SectionItem item)
    {
        int line = item.Range.Start.Line;
        if (line >= text.LineCount) return null;
        string raw = text.Line(line);
        int from = Math.Min(item.Range.Start.Character, raw.Length);
        int label = raw.IndexOf(Label, from, StringComparison.OrdinalIgnoreCase);
        if (label < 0) return null;
        // Only a kind may come before the label: "Race: Pattern: …", "**Dependency** Pattern: …".
        var before = raw.AsSpan(from, label - from).Trim();
        if (before.Length > 0 && !(before[^1] == ':' || before.EndsWith("**")) || before.Length > 40) return null;
        int start = label + Label.Length;
        while (start < raw.Length && char.IsWhiteSpace(raw[start])) start++;
        int end = raw.Length;
        foreach (var stop in Stops)
        {
            int at = raw.IndexOf(stop, start, StringComparison.Ordinal);
            if (at >= 0 && at < end) end = at;
        }
        while (end > start && char.IsWhiteSpace(raw[end - 1])) end--;
        if (end <= start) return null;
        return new PatternCitation(raw[start..end].Trim('"', '“', '”', '*', '_'), SourceText.OnLine(line, start, end), item);
    }

    private static readonly string[] Stops = ["→", "->", " — ", " – "];

    /// <summary>The entry a citation names, or <c>null</c>.</summary>
    public static PatternEntry? Resolve(PatternLibrary library, string cited)
    {
        string key = PatternLibrary.NormalizeProblem(cited);
        if (key.Length == 0) return null;
        PatternEntry? byPrefix = null;
        int prefixes = 0;
        foreach (var entry in library.Entries)
        {
            string problem = entry.NormalizedProblem;
            if (problem == key) return entry;
            if (key.Length >= 12 && problem.StartsWith(key, StringComparison.Ordinal))
            {
                byPrefix = entry;
                prefixes++;
            }
        }
        return prefixes == 1 ? byPrefix : null;
    }

    /// <summary>
    /// The entry whose problem shares most words with the citation: at least two, and at least half
    /// of the shorter one's (a citation is often a shortened or half-remembered problem).
    /// </summary>
    public static PatternEntry? Closest(PatternLibrary library, string cited)
    {
        var words = Tokens.Words(cited).ToHashSet();
        if (words.Count == 0) return null;
        PatternEntry? best = null;
        double bestScore = 0.5;
        foreach (var entry in library.Entries)
        {
            var other = Tokens.Words(entry.Problem).ToHashSet();
            if (other.Count == 0) continue;
            int shared = words.Count(other.Contains);
            if (shared < 2 && Math.Min(words.Count, other.Count) > 1) continue;
            double score = (double)shared / Math.Min(words.Count, other.Count);
            if (score > bestScore || (score == bestScore && best is null))
            {
                best = entry;
                bestScore = score;
            }
        }
        return best;
    }
}
