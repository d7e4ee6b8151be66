using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.History;

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
    public static IReadOnlyList<Core.Domain.Plans.WeekRatings> Ratings(string root, CareerLspConfig config)
    {
        string folder = Path.GetFullPath(config.ReviewFolder, root);
        if (!Directory.Exists(folder)) return [];
        var weeks = new List<Core.Domain.Plans.WeekRatings>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.md"))
        {
            if (Core.Domain.Plans.SelfAssessment.WeekOf(Path.GetFileName(file)) is not { } week) continue;
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            var ratings = Core.Domain.Plans.SelfAssessment.Ratings(text);
            if (ratings.Count > 0) weeks.Add(new Core.Domain.Plans.WeekRatings(week, ratings));
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
        var patterns = config.SettingFor(RuleCatalog.FixForwardSubject.Id).GetStrings("patterns");
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

        using var counts = new LineCounts(repository, window);
        var fresh = ReadLog(cached is null ? "HEAD" : $"{cached.Head}..HEAD", counts);
        if (cached is null) return Compute([], fresh, rewrite: true, previousLength: 0, previousWeeks: [], counts);

        // Only the cached commits in the fix-forward window before the new ones are needed to judge them.
        var start = fresh.Count == 0 ? DateTimeOffset.MaxValue : fresh[0].Commit.Time - window;
        var known = fresh.Count == 0 ? [] : ReportCache.ReadTail(git, cached.Length, start) ?? ReportCache.ReadFacts(git, cached.Length);
        if (known is null) return Rebuild();
        var result = Compute(known, fresh, rewrite: false, cached.Length, cached.Weeks, counts);
        return (result.Weeks, needFacts ? ReportCache.ReadFacts(git, new FileInfo(ReportCache.FactsPath(git)).Length) ?? Rebuild().Facts : null);

        (IReadOnlyList<WeekReport> Weeks, List<CommitFacts>? Facts) Rebuild()
        {
            using var again = new LineCounts(repository, window);
            return Compute([], ReadLog("HEAD", again), rewrite: true, previousLength: 0, previousWeeks: [], again);
        }

        // The log's commits (merges left out), oldest first, each message read as git writes it (and
        // not kept: a history's messages would be most of the report's memory), with its paths; then
        // the library entries added by the commits that changed the library. Line counts the verdicts
        // will need are asked for while the log is still being read (see LineCounts).
        List<NewCommit> ReadLog(string range, LineCounts lineCounts)
        {
            var commits = new List<NewCommit>();
            var changedLibrary = new List<string>();
            repository.ReportLog(range, (commit, name) =>
            {
                var message = HabitReport.ReadMessage(commit.Message, config);
                bool mayFix = HabitReport.MayBeFixForward(message.Subject, patterns);
                var stored = commit with { Message = "" };
                commits.Add(new NewCommit(stored, name, message, mayFix));
                lineCounts.Observe(stored, mayFix);
                foreach (var file in commit.Files)
                    if (file.Path == library) { changedLibrary.Add(commit.Id); break; }
            });
            Marks.Mark($"history read ({commits.Count} new commit(s))");
            if (changedLibrary.Count > 0)
            {
                var added = repository.PatternsAddedBy(changedLibrary, library);
                for (int i = 0; i < commits.Count; i++)
                    if (added.TryGetValue(commits[i].Commit.Id, out int n)) commits[i] = commits[i] with { Commit = commits[i].Commit with { PatternsAdded = n } };
                Marks.Mark($"library changes read ({changedLibrary.Count} commit(s))");
            }
            commits.Sort((a, b) => a.Commit.Time != b.Commit.Time ? a.Commit.Time.CompareTo(b.Commit.Time) : string.CompareOrdinal(a.Commit.Id, b.Commit.Id));
            return commits;
        }

        (IReadOnlyList<WeekReport> Weeks, List<CommitFacts>? Facts) Compute(List<CommitFacts> earlierFacts, List<NewCommit> commits,
            bool rewrite, long previousLength, IReadOnlyList<WeekReport> previousWeeks, LineCounts lineCounts)
        {
            var facts = NewFacts(repository, config, window, earlierFacts, commits, lineCounts);
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
    /// The facts of new commits. The log gave every new commit's paths; line counts (a diff each)
    /// are read only where they can change a verdict: a commit whose subject could make it a
    /// fix-forward and whose files meet those of its author's commits in the window before it
    /// (<see cref="FixForward.MayPatch"/>). Cached commits in that window have no paths: theirs are read too.
    /// </summary>
    private static List<CommitFacts> NewFacts(Repository repository, CareerLspConfig config, TimeSpan window,
        List<CommitFacts> earlierFacts, List<NewCommit> fresh, LineCounts lineCounts)
    {
        var timeline = earlierFacts.Select(f => new TimelineCommit(f.Id, f.Author, f.Time, f.Subject))
            .Concat(fresh.Select(c => new TimelineCommit(c.Commit.Id, c.Commit.Author, c.Commit.Time, c.Message.Subject))).ToList();
        timeline.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : string.CompareOrdinal(a.Id, b.Id));
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < timeline.Count; i++) position[timeline[i].Id] = i;
        var paths = new Dictionary<string, IReadOnlyList<ChangedFile>>(StringComparer.Ordinal);
        foreach (var c in fresh) paths[c.Commit.Id] = c.Commit.Files;

        // The author's commits in the window before each candidate; those without paths (cached) are read first.
        var earlierOf = new Dictionary<string, List<TimelineCommit>>(StringComparer.Ordinal);
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (commit, _, _, mayFix) in fresh)
        {
            if (!mayFix) continue;
            var earlier = new List<TimelineCommit>();
            for (int j = position[commit.Id] - 1; j >= 0 && commit.Time - timeline[j].Time <= window; j--)
            {
                if (!string.Equals(timeline[j].Author, commit.Author, StringComparison.OrdinalIgnoreCase)) continue;
                earlier.Insert(0, timeline[j]);
                if (!paths.ContainsKey(timeline[j].Id)) unknown.Add(timeline[j].Id);
            }
            earlierOf[commit.Id] = earlier;
        }
        foreach (var (id, files) in repository.FilesOf(unknown)) paths[id] = files;
        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, earlier) in earlierOf)
            if (earlier.Any(e => FixForward.MayPatch(paths[id], paths.GetValueOrDefault(e.Id) ?? [])))
                counted.Add(id);
        var counts = lineCounts.Complete(counted);
        Marks.Mark($"files: paths of {unknown.Count} cached commit(s), line counts of {counted.Count}");

        var facts = new List<CommitFacts>(fresh.Count);
        foreach (var (commit, name, message, mayFix) in fresh)
        {
            if (!mayFix)
            {
                facts.Add(HabitReport.NotFixForward(commit, name, message));
                continue;
            }
            var earlier = earlierOf[commit.Id].Select(e => new PastCommit(e.Id, e.Author, e.Time, e.Subject, paths.GetValueOrDefault(e.Id) ?? [])).ToList();
            var own = counts.TryGetValue(commit.Id, out var files) ? commit with { Files = files } : commit;
            facts.Add(HabitReport.Facts(own, name, message, earlier, config, window));
        }
        Marks.Mark("facts");
        return facts;
    }

    /// <summary>
    /// Reads line counts (a diff each, <c>git diff-tree --stdin --numstat</c>) while the log is still
    /// being read, so that git's log and its diffs run on two cores at once. The log comes newest
    /// first: a commit whose subject could make it a fix-forward is seen before its author's commits
    /// in the window before it, and is queued when one of them shares its files
    /// (<see cref="FixForward.MayPatch"/>). This is a guess only in that author dates need not follow
    /// the log's order: <see cref="Complete"/> reads whatever the exact set still lacks.
    /// </summary>
    internal sealed class LineCounts(Repository repository, TimeSpan window) : IDisposable
    {
        private readonly Dictionary<string, IReadOnlyList<ChangedFile>> _files = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<ReportCommit>> _waiting = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
        private Repository.FilesReader? _reader;

        public void Observe(ReportCommit commit, bool mayBeFixForward)
        {
            if (_waiting.TryGetValue(commit.Author, out var candidates))
            {
                for (int i = candidates.Count - 1; i >= 0; i--)
                {
                    var candidate = candidates[i];
                    var apart = candidate.Time - commit.Time;
                    if (apart < TimeSpan.Zero) continue;
                    if (apart > window && apart > TimeSpan.FromDays(1)) { candidates.RemoveAt(i); continue; } // Long past: the log moved on.
                    if (apart <= window && FixForward.MayPatch(candidate.Files, commit.Files))
                    {
                        candidates.RemoveAt(i);
                        if (_queued.Add(candidate.Id)) (_reader ??= repository.ReadFiles((id, files) => _files[id] = files)).Add(candidate.Id);
                    }
                }
            }
            if (mayBeFixForward && commit.Files.Count > 0)
            {
                if (candidates is null) _waiting[commit.Author] = candidates = [];
                candidates.Add(commit);
            }
        }

        /// <summary>The line counts of <paramref name="needed"/>: those read during the log, and the rest now.</summary>
        public Dictionary<string, IReadOnlyList<ChangedFile>> Complete(IReadOnlyCollection<string> needed)
        {
            _reader?.Finish(); // Only the reader's thread writes _files until it has finished.
            var missing = needed.Where(id => !_files.ContainsKey(id)).ToList();
            foreach (var (id, files) in repository.FilesOf(missing)) _files[id] = files;
            Marks.Mark($"line counts: {_queued.Count} read during the log, {missing.Count} after it");
            return _files;
        }

        /// <summary>Stops git's diff when the report ends early.</summary>
        public void Dispose() => _reader?.Dispose();
    }

    /// <summary>A commit read from the log, its message already read.</summary>
    private sealed record NewCommit(ReportCommit Commit, string AuthorName, MessageFacts Message, bool MayFix);

    private sealed record TimelineCommit(string Id, string Author, DateTimeOffset Time, string Subject);

}
