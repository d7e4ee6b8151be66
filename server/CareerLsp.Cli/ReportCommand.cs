using System.Globalization;
using System.Net;
using System.Text;
using CareerLsp.Cli.Output;
using CareerLsp.Core.History;
using CareerLsp.Workspace;

namespace CareerLsp.Cli;

/// <summary>
/// <c>careerlsp report</c>: the repository's habits per ISO week, as text, JSON or one self-contained
/// HTML page. The engine counts (<see cref="HabitReport"/>); this reads git and writes.
/// </summary>
internal static class ReportCommand
{
    public static readonly string[] Formats = ["text", "json", "html"];

    public static int Run(CheckSession session, string? since, string? until, string? author, string format, string? outputFile)
    {
        foreach (var (name, value) in new[] { ("--since", since), ("--until", until) })
        {
            if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                throw new UsageException($"{name} takes a date as YYYY-MM-DD, not \"{value}\"");
        }
        var repository = session.RequireRepository(); // Counted says so when there is no commit yet.
        System.Text.RegularExpressions.Regex? authorPattern = null;
        if (author is not null)
        {
            try
            {
                authorPattern = new System.Text.RegularExpressions.Regex(author, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"--author takes a regular expression, as git log does: {e.Message}");
            }
        }
        // Filters apply to the facts (all of HEAD's history is cached): dates are the author's own.
        var from = since is null ? (DateOnly?)null : DateOnly.ParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = until is null ? (DateOnly?)null : DateOnly.ParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        bool filtered = from is not null || to is not null || authorPattern is not null;
        var (weeks, allFacts) = Counted(session, repository, needFacts: filtered);
        HabitReport report;
        if (!filtered)
        {
            report = HabitReport.FromWeeks(weeks);
        }
        else
        {
            report = HabitReport.Build(allFacts!.Where(f =>
            {
                var day = DateOnly.FromDateTime(f.Time.DateTime);
                return (from is null || day >= from) && (to is null || day <= to) && (authorPattern is null || authorPattern.IsMatch($"{f.AuthorName} <{f.Author}>"));
            }));
        }
        Timing.Mark("report built");
        void Render(TextWriter output)
        {
            switch (format)
            {
                case "json": WriteJson(output, report); break;
                case "html": WriteHtml(output, report, Path.GetFileName(repository.Root)); break;
                default: WriteText(output, report); break;
            }
        }
        if (outputFile is null)
        {
            CommandLine.WriteStdout(Render);
        }
        else
        {
            var text = new StringWriter { NewLine = "\n" };
            Render(text);
            try
            {
                File.WriteAllText(outputFile, text.ToString(), new UTF8Encoding(false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"cannot write {outputFile}: {e.Message}");
            }
        }
        return CommandLine.Ok;
    }

    /// <summary>
    /// The weeks counted over HEAD's history, and (when <paramref name="needFacts"/>) every
    /// commit's facts: from the cache where it still holds, reading from git only the commits made
    /// since (all of them when there is no cache or history was rewritten), and the cache brought up
    /// to date.
    /// </summary>
    private static (IReadOnlyList<WeekReport> Weeks, List<CommitFacts>? Facts) Counted(CheckSession session, Repository repository, bool needFacts)
    {
        var config = session.Config.Config;
        var window = FixForward.WindowFor(config);
        var patterns = config.SettingFor("CL044").GetStrings("patterns");
        string library = config.PatternLibraryRelativePath;
        string key = ReportCache.Key(session.Config.Result?.Text, window, library);
        string git = repository.GitDirectory;
        var cached = ReportCache.ReadHead(git, key);
        var (current, cachedIsAncestor) = cached is null ? (repository.Head(), false) : repository.HeadAndAncestry(cached.Head);
        string head = current ?? throw new InputException($"the repository at {repository.Root} has no commits yet: nothing to report");
        if (cached is not null && cached.Head != head && !cachedIsAncestor) cached = null; // Rewritten history.
        Timing.Mark(cached is null ? "no usable cache" : "cache head read");

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
            Timing.Mark($"history read ({commits.Count} new commit(s))");
            return commits;
        }

        (IReadOnlyList<WeekReport> Weeks, List<CommitFacts>? Facts) Compute(List<CommitFacts> earlierFacts, List<NewCommit> commits,
            bool rewrite, long previousLength, IReadOnlyList<WeekReport> previousWeeks, FilePrefetch files)
        {
            var facts = NewFacts(config, window, earlierFacts, commits, files);
            Timing.Mark("facts counted");
            // The weeks: those counted before, plus the new commits'.
            var weeks = previousWeeks.ToDictionary(w => w.Week, w => w, StringComparer.Ordinal);
            foreach (var week in HabitReport.Build(facts).Weeks)
            {
                if (weeks.TryGetValue(week.Week, out var existing)) existing.Counts.Add(week.Counts);
                else weeks[week.Week] = week;
            }
            var ordered = weeks.Values.OrderBy(w => w.Week, StringComparer.Ordinal).ToList();
            ReportCache.Write(git, key, head, facts, previousLength, rewrite, ordered);
            Timing.Mark("cache written");
            return (ordered, rewrite ? facts : null);
        }
    }

    /// <summary>
    /// The facts of new commits. Files (a diff each) are read only where they can change a verdict:
    /// a commit whose subject could make it a fix-forward, and its author's commits in the window before it.
    /// </summary>
    private static List<CommitFacts> NewFacts(Core.Configuration.CareerLspConfig config, TimeSpan window,
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
        Timing.Mark("timeline built");
        var files = prefetch.Complete(needFiles);
        Timing.Mark($"files read for {needFiles.Count} commit(s)");

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
        Timing.Mark("facts");
        return facts;
    }

    /// <summary>A commit read from the log, its message already read.</summary>
    private sealed record NewCommit(ReportCommit Commit, string AuthorName, MessageFacts Message, bool MayFix);

    private sealed record TimelineCommit(string Id, string Author, DateTimeOffset Time, string Subject);

    private static string Share(int part, int whole) => whole == 0 ? "-" : $"{100.0 * part / whole:0}%";

    public static void WriteText(TextWriter output, HabitReport report)
    {
        output.WriteLine("week       commits  sources  pre-mortem  fix-forward  patterns  skips");
        foreach (var week in report.Weeks) Row(week.Week, week.Counts);
        Row("total", report.Totals);
        output.WriteLine();
        output.WriteLine("Merge commits are left out of every count.");
        if (Trend(report) is { } trend) output.WriteLine(trend);
        if (report.Totals.SkipReasons.Count > 0)
        {
            output.WriteLine("Skipped habits, with the reasons given:");
            foreach (var reason in report.Totals.SkipReasons) output.WriteLine($"- {reason}");
        }

        void Row(string label, HabitCounts c) => output.WriteLine(
            $"{label,-10} {c.Commits,7}  {Share(c.WithSources, c.Commits),7}  {Share(c.WithPremortem, c.Commits),10}  {Share(c.FixForward, c.Commits),11}  {c.PatternsAdded,8}  {c.Skips,5}");
    }

    /// <summary>The last four weeks against the four before, in percentage points.</summary>
    private static string? Trend(HabitReport report)
    {
        if (report.Weeks.Count < 2) return null;
        var recent = Sum(report.Weeks.TakeLast(4));
        var before = Sum(report.Weeks.SkipLast(4).TakeLast(4));
        if (before.Commits == 0 || recent.Commits == 0) return null;
        string Delta(string name, int a, int b) => $"{name} {100.0 * a / recent.Commits:0}% ({100.0 * a / recent.Commits - 100.0 * b / before.Commits:+0;-0;±0} pts)";
        return "Trend, last 4 weeks against the 4 before: " + string.Join(", ",
            Delta("sources", recent.WithSources, before.WithSources), Delta("pre-mortem", recent.WithPremortem, before.WithPremortem),
            Delta("fix-forward", recent.FixForward, before.FixForward)) + ".";
    }

    private static HabitCounts Sum(IEnumerable<WeekReport> weeks)
    {
        var sum = new HabitCounts();
        foreach (var week in weeks)
        {
            sum.Commits += week.Counts.Commits;
            sum.WithSources += week.Counts.WithSources;
            sum.WithPremortem += week.Counts.WithPremortem;
            sum.FixForward += week.Counts.FixForward;
        }
        return sum;
    }

    /// <summary><c>{"weeks":[{"week","monday","commits","withSources","withPremortem","fixForward","patternsAdded","skips","skipReasons"}],"totals":{…}}</c>.</summary>
    public static void WriteJson(TextWriter output, HabitReport report) => ReportWriters.WriteJson(output, json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("weeks");
        foreach (var week in report.Weeks)
        {
            json.WriteStartObject();
            json.WriteString("week", week.Week);
            json.WriteString("monday", week.Monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Counts(json, week.Counts);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("totals");
        Counts(json, report.Totals);
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static void Counts(System.Text.Json.Utf8JsonWriter json, HabitCounts c)
    {
        json.WriteNumber("commits", c.Commits);
        json.WriteNumber("withSources", c.WithSources);
        json.WriteNumber("withPremortem", c.WithPremortem);
        json.WriteNumber("fixForward", c.FixForward);
        json.WriteNumber("patternsAdded", c.PatternsAdded);
        json.WriteNumber("skips", c.Skips);
        json.WriteStartArray("skipReasons");
        foreach (var reason in c.SkipReasons) json.WriteStringValue(reason);
        json.WriteEndArray();
    }

    /// <summary>One page: inline CSS and SVG, no script, no remote resource; readable as it is.</summary>
    public static void WriteHtml(TextWriter output, HabitReport report, string name)
    {
        string title = WebUtility.HtmlEncode($"Habits in {name}");
        output.Write($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}}</title>
            <style>
            body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1f24; }
            table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
            th, td { padding: .25rem .6rem; text-align: right; border-bottom: 1px solid #d0d7de; }
            th:first-child, td:first-child { text-align: left; }
            tfoot td { font-weight: 600; }
            figure { margin: 1.5rem 0; }
            figcaption { font-weight: 600; }
            .legend span { margin-right: 1rem; }
            </style>
            </head>
            <body>
            <h1>{{title}}</h1>
            <p>{{report.Totals.Commits}} commit{{(report.Totals.Commits == 1 ? "" : "s")}} in {{report.Weeks.Count}} week{{(report.Weeks.Count == 1 ? "" : "s")}}; merge commits are left out of every count.</p>

            """);
        output.WriteLine(Chart(report));
        output.WriteLine("<table>\n<thead><tr><th>Week</th><th>Commits</th><th>With sources</th><th>With a pre-mortem</th><th>Fix-forward</th><th>Patterns added</th><th>Skips</th></tr></thead>\n<tbody>");
        foreach (var week in report.Weeks) output.WriteLine(Row(week.Week, week.Counts));
        output.WriteLine("</tbody>\n<tfoot>" + Row("Total", report.Totals) + "</tfoot>\n</table>");
        if (Trend(report) is { } trend) output.WriteLine($"<p>{WebUtility.HtmlEncode(trend)}</p>");
        if (report.Totals.SkipReasons.Count > 0)
        {
            output.WriteLine("<h2>Skipped habits</h2>\n<ul>");
            foreach (var reason in report.Totals.SkipReasons) output.WriteLine($"<li>{WebUtility.HtmlEncode(reason)}</li>");
            output.WriteLine("</ul>");
        }
        output.WriteLine("</body>\n</html>");

        static string Row(string label, HabitCounts c) =>
            $"<tr><td>{WebUtility.HtmlEncode(label)}</td><td>{c.Commits}</td><td>{Share(c.WithSources, c.Commits)}</td><td>{Share(c.WithPremortem, c.Commits)}</td><td>{Share(c.FixForward, c.Commits)}</td><td>{c.PatternsAdded}</td><td>{c.Skips}</td></tr>";
    }

    /// <summary>Shares per week as lines (sources, pre-mortem, fix-forward) over commit bars, in inline SVG.</summary>
    private static string Chart(HabitReport report)
    {
        const int width = 720, height = 240, left = 40, bottom = 30, top = 10;
        int n = report.Weeks.Count;
        double step = n <= 1 ? 0 : (width - left - 10.0) / (n - 1);
        double X(int i) => n <= 1 ? left + (width - left) / 2.0 : left + i * step;
        double Y(double share) => top + (1 - share) * (height - top - bottom);
        int maxCommits = Math.Max(1, report.Weeks.Max(w => w.Counts.Commits));
        var svg = new StringBuilder();
        svg.Append($"<figure><figcaption>Share of commits per week</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"Share of commits with sources, with a pre-mortem, and fix-forward, per week\">");
        foreach (var tick in new[] { 0.0, 0.5, 1.0 })
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width}\" y1=\"{Y(tick):0.#}\" y2=\"{Y(tick):0.#}\" stroke=\"#d0d7de\"/><text x=\"{left - 6}\" y=\"{Y(tick) + 4:0.#}\" font-size=\"11\" text-anchor=\"end\">{tick * 100:0}%</text>");
        for (int i = 0; i < n; i++)
        {
            double h = (double)report.Weeks[i].Counts.Commits / maxCommits * (height - top - bottom) * 0.3;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{X(i) - 4:0.#}\" y=\"{height - bottom - h:0.#}\" width=\"8\" height=\"{h:0.#}\" fill=\"#d8dee4\"><title>{report.Weeks[i].Week}: {report.Weeks[i].Counts.Commits} commits</title></rect>");
            if (n <= 12 || i % (n / 12 + 1) == 0)
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{height - 10}\" font-size=\"10\" text-anchor=\"middle\">{report.Weeks[i].Week[5..]}</text>");
        }
        foreach (var (label, color, pick) in new (string, string, Func<HabitCounts, int>)[]
                 {
                     ("with sources", "#0969da", c => c.WithSources), ("with a pre-mortem", "#1a7f37", c => c.WithPremortem), ("fix-forward", "#cf222e", c => c.FixForward),
                 })
        {
            var points = string.Join(" ", report.Weeks.Select((w, i) => string.Create(CultureInfo.InvariantCulture,
                $"{X(i):0.#},{Y(w.Counts.Commits == 0 ? 0 : (double)pick(w.Counts) / w.Counts.Commits):0.#}")));
            svg.Append($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{points}\"><title>{label}</title></polyline>");
            // Points too: one week is a point, not a line.
            foreach (var point in points.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var xy = point.Split(',');
                svg.Append($"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"3\" fill=\"{color}\"/>");
            }
        }
        svg.Append("</svg><div class=\"legend\"><span style=\"color:#0969da\">■ with sources</span><span style=\"color:#1a7f37\">■ with a pre-mortem</span><span style=\"color:#cf222e\">■ fix-forward</span><span style=\"color:#8c959f\">■ commits</span></div></figure>");
        return svg.ToString();
    }
}
