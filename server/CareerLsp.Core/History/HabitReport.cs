using System.Globalization;
using CareerLsp.Core.Checking;
using CareerLsp.Core.Configuration;
using CareerLsp.Core.Parsing;

namespace CareerLsp.Core.History;

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

    internal void Add(HabitCounts other)
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

/// <summary>Per-week habit metrics and totals; merges are left out of every count.</summary>
public sealed record HabitReport(IReadOnlyList<WeekReport> Weeks, HabitCounts Totals)
{
    /// <summary>
    /// Reads commits (any order) into weeks. A commit has sources when its Sources Consulted section
    /// names something real (not a placeholder), a pre-mortem when that section has a real item; it
    /// is a fix-forward by <see cref="FixForward.Detect"/> against the same author's earlier commits.
    /// </summary>
    public static HabitReport Build(IEnumerable<ReportCommit> commits, CareerLspConfig config, TimeSpan? fixForwardWindow = null)
    {
        var ordered = commits.Where(c => !c.IsMerge).OrderBy(c => c.Time).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var weeks = new SortedDictionary<string, WeekReport>(StringComparer.Ordinal);
        var totals = new HabitCounts();
        var window = fixForwardWindow ?? FixForward.DefaultWindow;
        var parse = new CommitParseOptions { Cleanup = CommitCleanup.Verbatim };
        var patterns = config.SettingFor("CL044").GetStrings("patterns");
        for (int i = 0; i < ordered.Count; i++)
        {
            var commit = ordered[i];
            var date = commit.Time.DateTime;
            int year = ISOWeek.GetYear(date), number = ISOWeek.GetWeekOfYear(date);
            string key = $"{year:D4}-W{number:D2}";
            if (!weeks.TryGetValue(key, out var week))
                weeks[key] = week = new WeekReport(key, DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday)), new HabitCounts());
            var counts = week.Counts;
            var message = CommitMessage.Parse(commit.Message, parse, config.Vocabulary);
            counts.Commits++;
            if (HasSources(message)) counts.WithSources++;
            if (HasPremortem(message, config.Vocabulary)) counts.WithPremortem++;
            counts.PatternsAdded += commit.PatternsAdded;
            if (Skip.Find(message, config.SkipToken) is { } skip)
            {
                counts.Skips++;
                counts.SkipReasons.Add(skip.Reason.Length > 0 ? skip.Reason : "(no reason)");
            }
            var earlier = new List<PastCommit>();
            for (int j = i - 1; j >= 0 && commit.Time - ordered[j].Time <= window; j--)
                earlier.Insert(0, new PastCommit(ordered[j].Id, ordered[j].Author, ordered[j].Time, Subject(ordered[j].Message), ordered[j].Files));
            if (FixForward.Detect(new PendingCommit(commit.Author, commit.Time, message.Subject, commit.Files), earlier, window, patterns) is not null)
                counts.FixForward++;
        }
        foreach (var week in weeks.Values) totals.Add(week.Counts);
        return new HabitReport(weeks.Values.ToList(), totals);
    }

    private static string Subject(string message)
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
