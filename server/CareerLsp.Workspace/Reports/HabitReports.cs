using CareerLsp.Core.Configuration;
using CareerLsp.Core.History;

namespace CareerLsp.Workspace;

/// <summary>
/// The habit report's counting over a repository's history: read from git, with the incremental
/// cache in the git directory (<see cref="ReportCache"/>). The CLI's <c>report</c> and the server's
/// <c>careerLsp/report</c> both use it; <see cref="ReportRendering"/> writes the result.
/// </summary>
public static class HabitReports
{
    /// <summary>
    /// The report over HEAD's history, filtered by the author's own date and by author
    /// (<c>Name &lt;email&gt;</c>, a regular expression as <c>git log --author</c> takes).
    /// </summary>
    /// <summary>
    /// The self-assessments in the review folder (<c>plan.reviews</c>), by ISO week, oldest first:
    /// what the editor's weekly self-assessment wrote into <c>2026-W47.md</c>.
    /// </summary>
    public static IReadOnlyList<Core.Plans.WeekRatings> Ratings(string root, CareerLspConfig config)
    {
        string folder = Path.GetFullPath(config.ReviewFolder, root);
        if (!Directory.Exists(folder)) return [];
        var weeks = new List<Core.Plans.WeekRatings>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.md"))
        {
            if (Core.Plans.SelfAssessment.WeekOf(Path.GetFileName(file)) is not { } week) continue;
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            var ratings = Core.Plans.SelfAssessment.Ratings(text);
            if (ratings.Count > 0) weeks.Add(new Core.Plans.WeekRatings(week, ratings));
        }
        weeks.Sort((a, b) => string.CompareOrdinal(a.Week, b.Week));
        return weeks;
    }

    public static HabitReport Build(Repository repository, CareerLspConfig config, string? configText,
        DateOnly? from = null, DateOnly? to = null, System.Text.RegularExpressions.Regex? author = null)
    {
        bool filtered = from is not null || to is not null || author is not null;
        var (weeks, facts) = Counted(repository, config, configText, needFacts: filtered);
        if (!filtered) return HabitReport.FromWeeks(weeks);
        return HabitReport.Build(facts!.Where(f =>
        {
            var day = DateOnly.FromDateTime(f.Time.DateTime);
            return (from is null || day >= from) && (to is null || day <= to) && (author is null || author.IsMatch($"{f.AuthorName} <{f.Author}>"));
        }));
    }

    /// <summary>
    /// The weeks counted over HEAD's history, and (when <paramref name="needFacts"/>) every
    /// commit's facts: from the cache where it still holds, reading from git only the commits made
    /// since (all of them when there is no cache or history was rewritten), and the cache brought up
    /// to date.
    /// </summary>
    public static (IReadOnlyList<WeekReport> Weeks, List<CommitFacts>? Facts) Counted(Repository repository, CareerLspConfig config, string? configText, bool needFacts)
    {
        var window = FixForward.WindowFor(config);
        var patterns = config.SettingFor("CL044").GetStrings("patterns");
        string library = config.PatternLibraryRelativePath;
        string key = ReportCache.Key(configText, window, library);
        string git = repository.GitDirectory;
        var cached = ReportCache.ReadHead(git, key);
        var (current, cachedIsAncestor) = cached is null ? (repository.Head(), false) : repository.HeadAndAncestry(cached.Head);
        string head = current ?? throw new InputException($"the repository at {repository.Root} has no commits yet: nothing to report");
        if (cached is not null && cached.Head != head && !cachedIsAncestor) cached = null; // Rewritten history.
        Marks.Mark(cached is null ? "no usable cache" : "cache head read");

        if (cached is not null && cached.Head == head)
        {
            if (!needFacts) return (cached.Weeks, null);
            return ReportCache.ReadFacts(git, cached.Length) is { } all ? (cached.Weeks, all) : Rebuild();
        }

        // Prefetching pays when the log is long; after a few new commits the files needed are mostly
        // cached commits', read in one call at the end.
        using var prefetch = new FilePrefetch(repository, window, eager: cached is null);
        var fresh = ReadLog(cached is null ? "HEAD" : $"{cached.Head}..HEAD", prefetch);
        if (cached is null) return Compute([], fresh, rewrite: true, previousLength: 0, previousWeeks: [], prefetch);

        // Only the cached commits in the fix-forward window before the new ones are needed to judge them.
        var start = fresh.Count == 0 ? DateTimeOffset.MaxValue : fresh[0].Commit.Time - window;
        var known = fresh.Count == 0 ? [] : ReportCache.ReadTail(git, cached.Length, start) ?? ReportCache.ReadFacts(git, cached.Length);
        if (known is null) return Rebuild();
        var result = Compute(known, fresh, rewrite: false, cached.Length, cached.Weeks, prefetch);
        return (result.Weeks, needFacts ? ReportCache.ReadFacts(git, new FileInfo(ReportCache.FactsPath(git)).Length) ?? Rebuild().Facts : null);

        (IReadOnlyList<WeekReport> Weeks, List<CommitFacts>? Facts) Rebuild()
        {
            using var again = new FilePrefetch(repository, window, eager: true);
            return Compute([], ReadLog("HEAD", again), rewrite: true, previousLength: 0, previousWeeks: [], again);
        }

        // The log's non-merge commits, oldest first, each message read as git writes it (and not
        // kept: a history's messages would be most of the report's memory); the prefetch sees each.
        List<NewCommit> ReadLog(string range, FilePrefetch files)
        {
            var commits = new List<NewCommit>();
            repository.ReportLog(range, library, (commit, name) =>
            {
                if (commit.IsMerge) return;
                var message = HabitReport.ReadMessage(commit.Message, config);
                bool mayFix = HabitReport.MayBeFixForward(message.Subject, patterns);
                commits.Add(new NewCommit(commit with { Message = "" }, name, message, mayFix));
                files.Observe(commit, mayFix);
            });
            commits.Sort((a, b) => a.Commit.Time != b.Commit.Time ? a.Commit.Time.CompareTo(b.Commit.Time) : string.CompareOrdinal(a.Commit.Id, b.Commit.Id));
            Marks.Mark($"history read ({commits.Count} new commit(s))");
            return commits;
        }

        (IReadOnlyList<WeekReport> Weeks, List<CommitFacts>? Facts) Compute(List<CommitFacts> earlierFacts, List<NewCommit> commits,
            bool rewrite, long previousLength, IReadOnlyList<WeekReport> previousWeeks, FilePrefetch files)
        {
            var facts = NewFacts(config, window, earlierFacts, commits, files);
            Marks.Mark("facts counted");
            // The weeks: those counted before, plus the new commits'.
            var weeks = previousWeeks.ToDictionary(w => w.Week, w => w, StringComparer.Ordinal);
            foreach (var week in HabitReport.Build(facts).Weeks)
            {
                if (weeks.TryGetValue(week.Week, out var existing)) existing.Counts.Add(week.Counts);
                else weeks[week.Week] = week;
            }
            var ordered = weeks.Values.OrderBy(w => w.Week, StringComparer.Ordinal).ToList();
            ReportCache.Write(git, key, head, facts, previousLength, rewrite, ordered);
            Marks.Mark("cache written");
            return (ordered, rewrite ? facts : null);
        }
    }

    /// <summary>
    /// The facts of new commits. Files (a diff each) are read only where they can change a verdict:
    /// a commit whose subject could make it a fix-forward, and its author's commits in the window before it.
    /// </summary>
    private static List<CommitFacts> NewFacts(CareerLspConfig config, TimeSpan window,
        List<CommitFacts> earlierFacts, List<NewCommit> fresh, FilePrefetch prefetch)
    {
        var timeline = earlierFacts.Select(f => new TimelineCommit(f.Id, f.Author, f.Time, f.Subject))
            .Concat(fresh.Select(c => new TimelineCommit(c.Commit.Id, c.Commit.Author, c.Commit.Time, c.Message.Subject))).ToList();
        timeline.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : string.CompareOrdinal(a.Id, b.Id));
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < timeline.Count; i++) position[timeline[i].Id] = i;

        var patterns = config.SettingFor("CL044").GetStrings("patterns");
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        var needFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (commit, _, _, mayFix) in fresh)
        {
            if (!mayFix) continue;
            candidates.Add(commit.Id);
            for (int j = position[commit.Id] - 1; j >= 0 && commit.Time - timeline[j].Time <= window; j--)
            {
                if (!string.Equals(timeline[j].Author, commit.Author, StringComparison.OrdinalIgnoreCase)) continue;
                needFiles.Add(timeline[j].Id);
                needFiles.Add(commit.Id);
            }
        }
        Marks.Mark("timeline built");
        var files = prefetch.Complete(needFiles);
        Marks.Mark($"files read for {needFiles.Count} commit(s)");

        var facts = new List<CommitFacts>(fresh.Count);
        foreach (var (commit, name, message, mayFix) in fresh)
        {
            // Only a commit whose subject could make it a fix-forward needs the commits before it.
            List<PastCommit> earlier = [];
            if (candidates.Contains(commit.Id))
            {
                for (int j = position[commit.Id] - 1; j >= 0 && commit.Time - timeline[j].Time <= window; j--)
                {
                    var e = timeline[j];
                    earlier.Insert(0, new PastCommit(e.Id, e.Author, e.Time, e.Subject, files.GetValueOrDefault(e.Id) ?? []));
                }
            }
            facts.Add(mayFix
                ? HabitReport.Facts(files.TryGetValue(commit.Id, out var own) ? commit with { Files = own } : commit, name, message, earlier, config, window)
                : HabitReport.NotFixForward(commit, name, message));
        }
        Marks.Mark("facts");
        return facts;
    }

    /// <summary>A commit read from the log, its message already read.</summary>
    private sealed record NewCommit(ReportCommit Commit, string AuthorName, MessageFacts Message, bool MayFix);

    private sealed record TimelineCommit(string Id, string Author, DateTimeOffset Time, string Subject);

}
