using System.Text.RegularExpressions;

namespace CareerLsp.Core.Domain.History;

/// <summary>The words that give a commit's subject away as a fix-forward (CL044, and history's CL047).</summary>
public static class FixForwardSubjects
{
    private static readonly HashSet<string> FixWords = ["fix", "fixes", "fixed"];
    private static readonly HashSet<string> Articles = ["a", "the", "some"];
    private static readonly HashSet<string> Breakages = ["build", "ci", "test", "tests", "lint", "linting"];

    /// <summary>
    /// Whether a stored commit's subject gives it away as a fix-forward: an autosquash commit
    /// (<c>fixup!</c>, <c>squash!</c>, <c>amend!</c>), one of the phrases below, or a configured pattern.
    /// </summary>
    public static bool IsFixForward(string subject, IReadOnlyList<string>? patterns = null)
    {
        if (subject.StartsWith("fixup! ", StringComparison.Ordinal) || subject.StartsWith("squash! ", StringComparison.Ordinal) ||
            subject.StartsWith("amend! ", StringComparison.Ordinal)) return true;
        if (subject.StartsWith("Revert \"", StringComparison.Ordinal) || subject.StartsWith("Merge ", StringComparison.Ordinal)) return false;
        return Matches(subject, patterns);
    }

    /// <summary>Whether the subject reads as a fix-forward: one of the phrases below, or a configured pattern.</summary>
    public static bool Matches(string subject, IReadOnlyList<string>? patterns) =>
        ReadsAsFixForward(WithoutConventionalPrefix(subject)) || (patterns is { Count: > 0 } && MatchesAny(patterns, subject));

    /// <summary>Conventional-commit prefixes ("fix(parser): …") describe a bug fix, not a fix-forward: look after them.</summary>
    internal static string WithoutConventionalPrefix(string subject)
    {
        int i = 0, n = subject.Length;
        while (i < n && (char.IsLetterOrDigit(subject[i]) || subject[i] == '_')) i++;
        if (i == 0) return subject;
        if (i < n && subject[i] == '(')
        {
            int close = subject.IndexOf(')', i);
            if (close < 0) return subject;
            i = close + 1;
        }
        if (i < n && subject[i] == '!') i++;
        if (i >= n || subject[i] != ':') return subject;
        return subject[(i + 1)..].TrimStart();
    }

    /// <summary>
    /// The phrases that give a fix-forward away, matched on the subject's leading words:
    /// "fix typo", "typo", "oops", "whoops", "forgot …", "fix the previous commit", "actually fix",
    /// "fix the build/ci/tests/lint", "wip", "minor fix", "small fix", "fix", "fix it", "try again",
    /// "again", "revert my last", "missed a file", "add missing file".
    /// </summary>
    internal static bool ReadsAsFixForward(string subject)
    {
        var w = Words(subject);
        if (w.Count == 0) return false;
        string At(int i) => i < w.Count ? w[i] : "";
        int afterFix = Articles.Contains(At(1)) ? 2 : 1;
        int afterFixThe = At(1) == "the" ? 2 : 1;
        return (FixWords.Contains(w[0]) && At(afterFix) is "typo" or "typos")
            || w[0] is "typo" or "typos" or "whoops" or "forgot" or "wip"
            || (w[0].StartsWith("oops", StringComparison.Ordinal) && w[0].AsSpan(4).Trim('s').IsEmpty)
            || (FixWords.Contains(w[0]) && At(afterFixThe) is "previous" or "last" && At(afterFixThe + 1) == "commit")
            || (w[0] is "actually" or "really" && At(1).StartsWith("fix", StringComparison.Ordinal))
            || (FixWords.Contains(w[0]) && Breakages.Contains(At(afterFixThe)))
            || (w.Count == 2 && w[0] is "minor" or "small" && w[1] is "fix" or "fixes")
            || (w.Count == 1 && w[0] is "fix" or "fixes" or "again")
            || (w.Count == 2 && w[0] == "fix" && w[1] == "it")
            || (w[0] == "try" && At(1) == "again")
            || (w[0] == "revert" && (At(1) == "last" || (At(1) == "my" && At(2) == "last")))
            || (w[0] == "missed" && (At(1) == "a" ? At(2) : At(1)).StartsWith("file", StringComparison.Ordinal))
            || (w[0] is "add" or "added" && At(1) == "missing" && At(2).StartsWith("file", StringComparison.Ordinal));
    }

    /// <summary>Lower-cased words, punctuation dropped.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\'')) i++;
            if (i > start) words.Add(text[start..i].ToLowerInvariant());
        }
        return words;
    }

    /// <summary>The configured extra patterns; an invalid one is skipped (the schema marks them as regexes).</summary>
    private static bool MatchesAny(IReadOnlyList<string> patterns, string subject)
    {
        foreach (string pattern in patterns)
        {
            try
            {
                if (Regex.IsMatch(subject, pattern, RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(50))) return true;
            }
            catch (ArgumentException) { }
            catch (RegexMatchTimeoutException) { }
        }
        return false;
    }
}
