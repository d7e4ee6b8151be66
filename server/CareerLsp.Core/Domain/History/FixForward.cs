using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Findings;

namespace CareerLsp.Core.Domain.History;

/// <summary>A file of a commit or of the staged change, with its added and deleted line counts.</summary>
public sealed record ChangedFile(string Path, int Added, int Deleted);

/// <summary>A commit from recent history, as fix-forward detection reads it.</summary>
public sealed record PastCommit(string Id, string Author, DateTimeOffset Time, string Subject, IReadOnlyList<ChangedFile> Files)
{
    public string ShortId => Id.Length > 7 ? Id[..7] : Id;
}

/// <summary>The commit being made: when, its subject, and the staged files.</summary>
public sealed record PendingCommit(string Author, DateTimeOffset Time, string Subject, IReadOnlyList<ChangedFile> Files);

/// <summary>What the edge knows about the commit being made besides its message.</summary>
public sealed record CommitHistory(string Author, DateTimeOffset Now, IReadOnlyList<ChangedFile> Staged, IReadOnlyList<PastCommit> Recent);

/// <summary>The earlier commit a fix-forward patches, and how that was decided.</summary>
public sealed record FixForwardVerdict(PastCommit Of, string Reason);

/// <summary>
/// Fix-forward detection from history: a commit that patches one of its author's recent commits
/// instead of amending it. Pure: the edges read the author's recent commits and the staged files.
/// <list type="bullet">
/// <item><c>fixup!</c>, <c>squash!</c>, <c>amend!</c> name the commit they fix.</item>
/// <item>Within the window, newest first, the author's first commit that the staged change patches:
/// the subject says it repairs something ("fix typo", "missing", "forgot", "previous commit") and
/// the change touches that commit's files, or only adds files it left out beside them (a test, an
/// <c>__init__.py</c>, a lockfile); or the change is small (at most <see cref="SmallChange"/>
/// lines), touches only that commit's files, and its subject starts with "fix" or does not describe
/// a step of its own ("Update x.py", "Small cleanup", "wip").</item>
/// </list>
/// </summary>
public static class FixForward
{
    /// <summary>How far back the author's commits are read (configurable: <c>window</c> in minutes).</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(2);

    /// <summary>The configured window (<c>fix-forward-history.window</c>, minutes; at least one).</summary>
    public static TimeSpan WindowFor(CareerLspConfig config) =>
        TimeSpan.FromMinutes(Math.Max(1, config.SettingFor(RuleCatalog.FixForwardHistory.Id).GetInt("window", (int)DefaultWindow.TotalMinutes)));

    public const int SmallChange = 10;

    public static FixForwardVerdict? Detect(PendingCommit candidate, IReadOnlyList<PastCommit> history, TimeSpan? window = null, IReadOnlyList<string>? subjectPatterns = null)
    {
        var span = window ?? DefaultWindow;
        string subject = candidate.Subject.Trim();
        if (subject.StartsWith("Revert \"", StringComparison.Ordinal) || subject.StartsWith("Merge ", StringComparison.Ordinal)) return null;

        // The author's own recent commits, newest first.
        var own = new List<PastCommit>();
        for (int i = history.Count - 1; i >= 0; i--)
        {
            var commit = history[i];
            if (!SameAuthor(commit.Author, candidate.Author) || commit.Time > candidate.Time) continue;
            if (IsMergeOrRevert(commit.Subject)) continue;
            own.Add(commit);
        }

        foreach (var prefix in AutosquashPrefixes)
        {
            if (!subject.StartsWith(prefix, StringComparison.Ordinal)) continue;
            string target = subject[prefix.Length..].Trim();
            var named = own.FirstOrDefault(c => c.Subject.Trim() == target) ?? own.FirstOrDefault(c => target.StartsWith(c.Subject.Trim(), StringComparison.Ordinal));
            return named is null ? null : new FixForwardVerdict(named, $"\"{prefix.TrimEnd()}\" names it");
        }

        var recent = own.Where(c => candidate.Time - c.Time <= span).ToList();
        if (recent.Count == 0 || candidate.Files.Count == 0) return null;

        bool explicitFix = ExplicitlyFixes(subject, subjectPatterns);
        bool startsWithFix = StartsWithFix(subject);
        bool describes = Describes(subject, candidate);
        int lines = candidate.Files.Sum(f => f.Added + f.Deleted);
        foreach (var earlier in recent)
        {
            int shared = Shared(candidate, earlier);
            bool subset = shared == candidate.Files.Count;
            int minutes = (int)Math.Round((candidate.Time - earlier.Time).TotalMinutes);
            if (explicitFix && shared > 0)
                return new FixForwardVerdict(earlier, $"its subject says it fixes something, {Ago(minutes)} after it, in its files");
            if (explicitFix && Forgotten(candidate, earlier))
                return new FixForwardVerdict(earlier, $"it adds what that commit left out, {Ago(minutes)} after it");
            if (subset && lines <= SmallChange && (startsWithFix || !describes))
                return new FixForwardVerdict(earlier, $"{lines} line{(lines == 1 ? "" : "s")} in its files, {Ago(minutes)} after it");
        }
        return null;
    }

    /// <summary>Whether a subject could make a commit a fix-forward at all (see <see cref="Detect"/>).</summary>
    public static bool SubjectMayFix(string subject, IReadOnlyList<string>? patterns = null)
    {
        subject = subject.Trim();
        if (subject.StartsWith("Revert \"", StringComparison.Ordinal) || subject.StartsWith("Merge ", StringComparison.Ordinal)) return false;
        foreach (var prefix in AutosquashPrefixes) if (subject.StartsWith(prefix, StringComparison.Ordinal)) return true;
        if (ExplicitlyFixes(subject, patterns) || StartsWithFix(subject)) return true;
        // Describes() needs the files to tell "Update csv.py" from "Update the docs": any short
        // subject with a generic word may turn out to say nothing.
        var words = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 || (words.Length <= 3 && words.Any(w => GenericWords.Contains(w.ToLowerInvariant().Trim(':', '.', ','))));
    }

    /// <summary>
    /// Whether a change to <paramref name="candidate"/>'s paths could patch a commit that changed
    /// <paramref name="earlier"/>'s: it shares a file, or adds one beside them or a companion file.
    /// When it cannot, <see cref="Detect"/> decides without line counts, so the report reads those
    /// (a diff each) only for the commits this says yes to.
    /// </summary>
    public static bool MayPatch(IReadOnlyList<ChangedFile> candidate, IReadOnlyList<ChangedFile> earlier)
    {
        if (candidate.Count == 0 || earlier.Count == 0) return false;
        var paths = earlier.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var directories = earlier.Select(f => Directory(f.Path)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in candidate)
        {
            string name = file.Path[(file.Path.LastIndexOf('/') + 1)..];
            if (paths.Contains(file.Path) || directories.Contains(Directory(file.Path)) || CompanionFiles.Contains(name)) return true;
        }
        return false;
    }

    /// <summary>A subject that says it repairs something: the fix-forward phrases, "missing", "forgot", "previous commit".</summary>
    private static bool ExplicitlyFixes(string subject, IReadOnlyList<string>? patterns)
    {
        if (FixForwardSubjects.IsFixForward(subject, patterns)) return true;
        string lower = subject.ToLowerInvariant();
        foreach (var phrase in RepairPhrases)
            if (lower.Contains(phrase, StringComparison.Ordinal)) return true;
        return false;
    }

    private static readonly string[] RepairPhrases = ["missing", "forgot", "previous commit", "last commit", "broken build", "broke the build", "typo"];

    /// <summary>"fix …", "fixes …", also after a "scope:" prefix ("Address review: fix the import").</summary>
    private static bool StartsWithFix(string subject)
    {
        string rest = FixForwardSubjects.WithoutConventionalPrefix(subject);
        int colon = rest.IndexOf(':');
        if (colon > 0 && colon < 30) rest = rest[(colon + 1)..];
        string first = rest.TrimStart().Split(' ', 2)[0].ToLowerInvariant();
        return first is "fix" or "fixes" or "fixed" or "fixing" or "repair" or "correct";
    }

    /// <summary>
    /// Only new files, each beside a file the earlier commit touched, or a lockfile or package
    /// marker such a commit needs (<c>__init__.py</c>, <c>go.sum</c>, <c>package-lock.json</c>).
    /// </summary>
    private static bool Forgotten(PendingCommit candidate, PastCommit earlier)
    {
        var directories = earlier.Files.Select(f => Directory(f.Path)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in candidate.Files)
        {
            if (file.Deleted > 0) return false;
            string name = file.Path[(file.Path.LastIndexOf('/') + 1)..];
            if (!directories.Contains(Directory(file.Path)) && !CompanionFiles.Contains(name)) return false;
        }
        return true;
    }

    private static readonly HashSet<string> CompanionFiles = new(StringComparer.Ordinal)
    {
        "__init__.py", "go.sum", "go.mod", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "Cargo.lock", "poetry.lock",
        "packages.lock.json", "Gemfile.lock", "composer.lock", ".terraform.lock.hcl",
    };

    private static string Directory(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    private static readonly string[] AutosquashPrefixes = ["fixup! ", "squash! ", "amend! "];

    private static bool IsMergeOrRevert(string subject) =>
        subject.StartsWith("Merge ", StringComparison.Ordinal) || subject.StartsWith("Revert \"", StringComparison.Ordinal);

    private static int Shared(PendingCommit candidate, PastCommit commit)
    {
        int shared = 0;
        foreach (var file in candidate.Files)
            foreach (var other in commit.Files)
                if (other.Path == file.Path) { shared++; break; }
        return shared;
    }

    /// <summary>
    /// Whether a subject says what the change does: not empty, not only a file name after a
    /// generic verb ("Update parser.py", as web editors write), not a bare "wip"/"changes".
    /// </summary>
    private static bool Describes(string subject, PendingCommit candidate)
    {
        var words = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return false;
        if (words.Length > 3) return true;
        // Up to three words of which one is generic and the rest name the file or nothing:
        // "Update parser.py", "Small cleanup", "Order tweaks", "wip".
        bool generic = false;
        foreach (var raw in words)
        {
            string word = raw.ToLowerInvariant().Trim(':', '.', ',');
            if (GenericWords.Contains(word)) { generic = true; continue; }
            bool namesFile = candidate.Files.Any(f => f.Path.EndsWith(raw, StringComparison.OrdinalIgnoreCase) ||
                System.IO.Path.GetFileNameWithoutExtension(f.Path).Equals(word, StringComparison.OrdinalIgnoreCase) ||
                System.IO.Path.GetFileNameWithoutExtension(f.Path).StartsWith(word, StringComparison.OrdinalIgnoreCase));
            if (!namesFile) return true;
        }
        return !generic;
    }

    private static readonly HashSet<string> GenericWords =
    [
        "update", "updated", "updates", "edit", "edited", "change", "changes", "changed", "wip", "tweak", "tweaks", "cleanup",
        "clean", "up", "more", "small", "minor", "misc", "stuff", "adjust", "adjustments", "polish", "again",
    ];

    private static string Ago(int minutes) => minutes < 1 ? "within a minute" : minutes < 120 ? $"{minutes} min" : $"{minutes / 60} h";

    /// <summary>Authors compare by e-mail, case-insensitively (git keeps what the user configured).</summary>
    private static bool SameAuthor(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
