using System.Globalization;
using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Domain.History;

/// <summary>A commit as the habit report reads it. <c>PatternsAdded</c>: entries it added to the pattern library.</summary>
public sealed record ReportCommit(string Id, string Author, DateTimeOffset Time, int Parents, string Message, IReadOnlyList<ChangedFile> Files, int PatternsAdded)
{
    public bool IsMerge => Parents > 1;
}

/// <summary>The habits of one ISO week (or of all of them, for the totals).</summary>
public sealed class HabitCounts
{
    public int Commits { get; set; }

    public int WithSources { get; set; }

    public int WithPremortem { get; set; }

    public int FixForward { get; set; }

    public int PatternsAdded { get; set; }

    public int Skips { get; set; }

    /// <summary>Each skip's reason, in commit order.</summary>
    public List<string> SkipReasons { get; } = [];

    /// <summary>Adds another week's (or commit's) counts to these.</summary>
    public void Add(HabitCounts other)
    {
        Commits += other.Commits;
        WithSources += other.WithSources;
        WithPremortem += other.WithPremortem;
        FixForward += other.FixForward;
        PatternsAdded += other.PatternsAdded;
        Skips += other.Skips;
        SkipReasons.AddRange(other.SkipReasons);
    }
}

/// <summary>One ISO week: <c>2026-W47</c>.</summary>
public sealed record WeekReport(string Week, DateOnly Monday, HabitCounts Counts);

/// <summary>
/// What the report needs to know about one commit, computed once: the edge caches these so that a
/// report after one new commit reads one commit. <c>Subject</c> is kept for the fix-forward
/// detection of commits that come after.
/// </summary>
public sealed record CommitFacts(string Id, string AuthorName, string Author, DateTimeOffset Time, string Subject,
    bool WithSources, bool WithPremortem, bool FixForward, int PatternsAdded, string? SkipReason);

/// <summary>What the report reads from a commit message (see <see cref="HabitReport.ReadMessage"/>).</summary>
public sealed record MessageFacts(string Subject, bool WithSources, bool WithPremortem, string? SkipReason);

/// <summary>Per-week habit metrics and totals; merges are left out of every count.</summary>
public sealed record HabitReport(IReadOnlyList<WeekReport> Weeks, HabitCounts Totals)
{
    /// <summary>
    /// The facts of one (non-merge) commit. A commit has sources when its Sources Consulted section
    /// names something real (not a placeholder), a pre-mortem when that section has a real item; it
    /// is a fix-forward by <see cref="FixForward.Detect"/> against <paramref name="earlier"/>
    /// (the commits before it within the window, oldest first, with their files).
    /// </summary>
    public static CommitFacts Facts(ReportCommit commit, string authorName, IReadOnlyList<PastCommit> earlier, CareerLspConfig config, TimeSpan window) =>
        Facts(commit, authorName, ReadMessage(commit.Message, config), earlier, config, window);

    /// <summary>The facts of a commit whose message was read already (<see cref="ReadMessage"/>): its message need not be kept.</summary>
    public static CommitFacts Facts(ReportCommit commit, string authorName, MessageFacts message, IReadOnlyList<PastCommit> earlier, CareerLspConfig config, TimeSpan window)
    {
        var patterns = config.SettingFor(RuleCatalog.FixForwardSubject.Id).GetStrings("patterns");
        // Detect would say no for any subject SubjectMayFix rejects: skip its work for most commits.
        bool fixForward = MayBeFixForward(message.Subject, patterns) &&
            FixForward.Detect(new PendingCommit(commit.Author, commit.Time, message.Subject, commit.Files), earlier, window, patterns) is not null;
        return new CommitFacts(commit.Id, authorName, commit.Author, commit.Time, message.Subject, message.WithSources, message.WithPremortem,
            fixForward, commit.PatternsAdded, message.SkipReason);
    }

    /// <summary>The facts of a commit whose subject cannot make it a fix-forward (<see cref="MayBeFixForward"/> said no).</summary>
    public static CommitFacts NotFixForward(ReportCommit commit, string authorName, MessageFacts message) =>
        new(commit.Id, authorName, commit.Author, commit.Time, message.Subject, message.WithSources, message.WithPremortem, false, commit.PatternsAdded, message.SkipReason);

    /// <summary>What the report needs from a commit's message: its subject, whether it has the habits' sections, its skip reason.</summary>
    public static MessageFacts ReadMessage(string text, CareerLspConfig config)
    {
        return QuickRead(text, config) ?? ParseMessage(text, config);
    }

    /// <summary><see cref="ReadMessage"/> without the shortcut: the full parse (the tests hold the two equal).</summary>
    internal static MessageFacts ParseMessage(string text, CareerLspConfig config)
    {
        var message = CommitMessage.Parse(text, VerbatimParse, config.Vocabulary);
        var skip = Skip.Find(message, config.SkipToken);
        return new MessageFacts(message.Subject, HasSources(message), HasPremortem(message, config.Vocabulary),
            skip is null ? null : skip.Reason.Length > 0 ? skip.Reason : "(no reason)");
    }

    /// <summary>
    /// Most messages in a history have neither section nor a skip line, and a report reads them all:
    /// those are told apart without a parse. A Sources or Pre-mortem section needs a title whose
    /// normalised text is one of the kind's names (<see cref="SectionVocabulary.Normalize"/>), so
    /// one of their first words must stand as a word in the message's letters; a skip line needs
    /// the token. Anything the projection below could misjudge (brackets, whose content the
    /// normalisation drops, and carriage returns) goes to the full parse. <c>null</c>: parse it.
    /// </summary>
    private static MessageFacts? QuickRead(string text, CareerLspConfig config)
    {
        if (text.AsSpan().IndexOfAny('\r', '(', '[') >= 0 || text.Contains(config.SkipToken, StringComparison.OrdinalIgnoreCase)) return null;
        // The message as Normalize sees words: letters and digits lower-cased, apostrophes gone, the rest a space.
        Span<char> letters = text.Length <= 2048 ? stackalloc char[text.Length] : new char[text.Length];
        int length = 0;
        foreach (char c in text)
        {
            if (c is '\'' or '’') continue;
            letters[length++] = c < 128
                ? (char.IsAsciiLetterOrDigit(c) ? (char)(c | 0x20) : ' ')
                : (char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        letters = letters[..length];
        var vocabulary = config.Vocabulary;
        if (StandsAsWord(letters, vocabulary.LeadWords(SectionKind.Sources)) || StandsAsWord(letters, vocabulary.LeadWords(SectionKind.Premortem))) return null;

        // The subject as CommitMessage reads it (verbatim): the first line that is not blank, trimmed.
        foreach (var range in text.AsSpan().Split('\n'))
        {
            string line = text[range];
            if (string.IsNullOrWhiteSpace(line)) continue;
            return new MessageFacts(line[LineSyntax.LeadingWhitespace(line)..LineSyntax.TrimmedEnd(line)], false, false, null);
        }
        return new MessageFacts("", false, false, null);
    }

    private static bool StandsAsWord(ReadOnlySpan<char> letters, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            for (int from = 0; from < letters.Length;)
            {
                int at = letters[from..].IndexOf(word, StringComparison.Ordinal);
                if (at < 0) break;
                at += from;
                int end = at + word.Length;
                if ((at == 0 || letters[at - 1] == ' ') && (end == letters.Length || letters[end] == ' ')) return true;
                from = at + 1;
            }
        }
        return false;
    }

    private static readonly CommitParseOptions VerbatimParse = new() { Cleanup = CommitCleanup.Verbatim };

    /// <summary>
    /// Whether a commit's fix-forward verdict can depend on files: only a subject that could make it
    /// one (it says it repairs something, starts with "fix", or says nothing of its own) needs them.
    /// Reading files costs a diff per commit, the report's most expensive part.
    /// </summary>
    public static bool MayBeFixForward(string subject, IReadOnlyList<string>? patterns = null) => FixForward.SubjectMayFix(subject, patterns);

    /// <summary>Counts commits' facts into ISO weeks (of the author's own date) and totals.</summary>
    public static HabitReport Build(IEnumerable<CommitFacts> facts)
    {
        // Keyed by year * 100 + week, and no sorting of the commits: a report over 100,000 cached
        // commits runs this on every call, so it allocates per week, not per commit.
        var weeks = new Dictionary<int, WeekReport>();
        foreach (var commit in facts)
        {
            var date = commit.Time.DateTime;
            int year = ISOWeek.GetYear(date), number = ISOWeek.GetWeekOfYear(date);
            int key = year * 100 + number;
            if (!weeks.TryGetValue(key, out var week))
                weeks[key] = week = new WeekReport($"{year:D4}-W{number:D2}", DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday)), new HabitCounts());
            var counts = week.Counts;
            counts.Commits++;
            if (commit.WithSources) counts.WithSources++;
            if (commit.WithPremortem) counts.WithPremortem++;
            if (commit.FixForward) counts.FixForward++;
            counts.PatternsAdded += commit.PatternsAdded;
            if (commit.SkipReason is { } reason)
            {
                counts.Skips++;
                counts.SkipReasons.Add(reason);
            }
        }
        var ordered = weeks.Values.ToList();
        ordered.Sort((a, b) => string.CompareOrdinal(a.Week, b.Week));
        return FromWeeks(ordered);
    }

    /// <summary>A report of weeks already counted (in order): the totals are their sum.</summary>
    public static HabitReport FromWeeks(IReadOnlyList<WeekReport> weeks)
    {
        var totals = new HabitCounts();
        foreach (var week in weeks) totals.Add(week.Counts);
        return new HabitReport(weeks, totals);
    }

    /// <summary>A stored message's first line, trimmed.</summary>
    public static string SubjectOf(string message)
    {
        int newline = message.IndexOf('\n');
        return (newline < 0 ? message : message[..newline]).Trim();
    }

    private static bool HasSources(CommitMessage message) =>
        message.Document.SectionsOf(SectionKind.Sources).SelectMany(s => s.AllItems())
            .Any(item => Citations.Classify(item.Text.Trim(), null).Kind != CitationKind.Placeholder && item.Text.Trim().Length > 0);

    private static bool HasPremortem(CommitMessage message, SectionVocabulary vocabulary)
    {
        var sections = message.Document.SectionsOf(SectionKind.Premortem).ToList();
        if (sections.Count == 0) return false;
        var tally = Premortem.Tally(sections, vocabulary);
        return tally.Failures + tally.Dependencies + tally.Races > 0;
    }
}
