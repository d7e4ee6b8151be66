using System.Globalization;
using System.Net;
using System.Text;
using CareerLsp.Core.Domain.History;
using CareerLsp.Core.Text;

namespace CareerLsp.Workspace;

/// <summary>The habit report as text, JSON or one self-contained HTML page.</summary>
public static class ReportRendering
{
    private static string Share(int part, int whole) => whole == 0 ? "-" : $"{100.0 * part / whole:0}%";

    public static void WriteText(TextWriter output, HabitReport report, IReadOnlyList<Core.Domain.Plans.WeekRatings>? ratings = null)
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
        if (ratings is { Count: > 0 })
        {
            output.WriteLine("Self-assessment (average of the ratings in the week's review file):");
            foreach (var week in ratings) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- {week.Week}: {week.Average:0.0}/10 ({week.Ratings.Count} rating{(week.Ratings.Count == 1 ? "" : "s")})"));
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
    public static void WriteJson(TextWriter output, HabitReport report, IReadOnlyList<Core.Domain.Plans.WeekRatings>? ratings = null) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("weeks");
        foreach (var week in report.Weeks)
        {
            json.WriteStartObject();
            json.WriteString("week", week.Week);
            json.WriteString("monday", IsoDate.Format(week.Monday));
            Counts(json, week.Counts);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("totals");
        Counts(json, report.Totals);
        json.WriteEndObject();
        json.WriteStartArray("selfAssessment");
        foreach (var week in ratings ?? [])
        {
            json.WriteStartObject();
            json.WriteString("week", week.Week);
            json.WriteNumber("ratings", week.Ratings.Count);
            json.WriteNumber("average", Math.Round(week.Average, 2));
            json.WriteEndObject();
        }
        json.WriteEndArray();
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
    public static void WriteHtml(TextWriter output, HabitReport report, string name, IReadOnlyList<Core.Domain.Plans.WeekRatings>? ratings = null)
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
        if (ratings is { Count: > 0 })
        {
            output.WriteLine("<h2>Self-assessment</h2>\n<table>\n<thead><tr><th>Week</th><th>Average rating</th><th>Ratings</th></tr></thead>\n<tbody>");
            foreach (var week in ratings)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(week.Week)}</td><td>{week.Average:0.0}/10</td><td>{week.Ratings.Count}</td></tr>"));
            output.WriteLine("</tbody>\n</table>");
        }
        output.WriteLine("</body>\n</html>");

        static string Row(string label, HabitCounts c) =>
            $"<tr><td>{WebUtility.HtmlEncode(label)}</td><td>{c.Commits}</td><td>{Share(c.WithSources, c.Commits)}</td><td>{Share(c.WithPremortem, c.Commits)}</td><td>{Share(c.FixForward, c.Commits)}</td><td>{c.PatternsAdded}</td><td>{c.Skips}</td></tr>";
    }

    private static readonly (string Label, string Color, string Shape, Func<HabitCounts, int> Pick)[] Series =
    [
        ("with sources", "#0969da", "circle", c => c.WithSources),
        ("with a pre-mortem", "#1a7f37", "square", c => c.WithPremortem),
        ("fix-forward", "#cf222e", "triangle", c => c.FixForward),
    ];

    /// <summary>
    /// Two panels on one week axis, in inline SVG: the shares (sources, pre-mortem, fix-forward) as
    /// lines whose points have a shape each and sit a little apart, so series that coincide (both at
    /// 50%) stay visible, each labelled at its end; below, commits per week as bars on a count axis of
    /// their own.
    /// </summary>
    private static string Chart(HabitReport report)
    {
        const int width = 760, left = 44, right = 150, top = 12, shareHeight = 190, gap = 46, countHeight = 70, axis = 26;
        const int height = top + shareHeight + gap + countHeight + axis;
        int n = report.Weeks.Count;
        double plot = width - left - right;
        double step = n <= 1 ? 0 : plot / (n - 1);
        double X(int i) => n <= 1 ? left + plot / 2 : left + i * step;
        double Y(double share) => top + (1 - share) * shareHeight;
        double countTop = top + shareHeight + gap;
        int maxCommits = NiceCeiling(Math.Max(1, report.Weeks.Max(w => w.Counts.Commits)));
        double CountY(int commits) => countTop + countHeight - (double)commits / maxCommits * countHeight;
        // Points of different series are set apart by up to 3 px, never more than a sixth of a week.
        double spread = n <= 1 ? 4 : Math.Min(3, step / 6);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure><figcaption>Share of commits per week, and commits per week</figcaption><svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"Share of commits with sources, with a pre-mortem, and fix-forward, per week; commits per week below\" font-family=\"system-ui, sans-serif\">");
        // The share axis.
        foreach (var tick in new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"share-axis\"><line x1=\"{left}\" x2=\"{left + plot}\" y1=\"{Y(tick):0.#}\" y2=\"{Y(tick):0.#}\" stroke=\"{(tick is 0 or 1 ? "#afb8c1" : "#eaeef2")}\"/><text x=\"{left - 6}\" y=\"{Y(tick) + 4:0.#}\" font-size=\"11\" text-anchor=\"end\">{tick * 100:0}%</text></g>");
        // The count axis, and the bars on it.
        foreach (int tick in new[] { 0, maxCommits / 2, maxCommits }.Distinct())
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"count-axis\"><line x1=\"{left}\" x2=\"{left + plot}\" y1=\"{CountY(tick):0.#}\" y2=\"{CountY(tick):0.#}\" stroke=\"{(tick == 0 ? "#afb8c1" : "#eaeef2")}\"/><text x=\"{left - 6}\" y=\"{CountY(tick) + 4:0.#}\" font-size=\"11\" text-anchor=\"end\">{tick}</text></g>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"count-axis count-title\" x=\"{left - 6}\" y=\"{countTop - 12:0.#}\" font-size=\"11\" fill=\"#57606a\">Commits per week</text>");
        double barWidth = n <= 1 ? 12 : Math.Clamp(step * 0.6, 1, 12);
        for (int i = 0; i < n; i++)
        {
            var week = report.Weeks[i];
            double y = CountY(week.Counts.Commits);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"series-commits\" x=\"{X(i) - barWidth / 2:0.#}\" y=\"{y:0.#}\" width=\"{barWidth:0.#}\" height=\"{countTop + countHeight - y:0.#}\" fill=\"#8c959f\"><title>{week.Week}: {week.Counts.Commits} commit{(week.Counts.Commits == 1 ? "" : "s")}</title></rect>");
            if (n <= 12 || i % (n / 12 + 1) == 0)
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"week-axis\" x=\"{X(i):0.#}\" y=\"{height - 8}\" font-size=\"11\" text-anchor=\"middle\">{week.Week}</text>");
        }

        var labels = new List<(double Y, string Text, string Color)>();
        for (int k = 0; k < Series.Length; k++)
        {
            var (label, color, shape, pick) = Series[k];
            double dx = (k - 1) * spread;
            var points = report.Weeks.Select((w, i) => (X: X(i) + dx, Y: Y(Share(w.Counts, pick)), w.Week, Value: pick(w.Counts), w.Counts.Commits)).ToList();
            string slug = label.Replace(' ', '-');
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"series series-{slug}\" fill=\"{color}\" stroke=\"{color}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke-width=\"2\" points=\"{string.Join(" ", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.#},{p.Y:0.#}")))}\"/>");
            foreach (var p in points)
                svg.Append(CultureInfo.InvariantCulture, $"{Marker(shape, p.X, p.Y)}<title>{p.Week}: {p.Value} of {p.Commits} {label}</title></{(shape == "circle" ? "circle" : shape == "square" ? "rect" : "polygon")}>");
            svg.Append("</g>");
            var last = points[^1];
            labels.Add((last.Y, $"{label} {Percent(report.Weeks[^1].Counts, pick)}", color));
        }
        // Labels at the end of the lines, moved apart when their lines end at the same height.
        labels.Sort((a, b) => a.Y.CompareTo(b.Y));
        for (int i = 1; i < labels.Count; i++)
            if (labels[i].Y - labels[i - 1].Y < 13) labels[i] = labels[i] with { Y = labels[i - 1].Y + 13 };
        foreach (var (y, text, color) in labels)
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"series-label\" x=\"{left + plot + 8}\" y=\"{y + 4:0.#}\" font-size=\"11\" fill=\"{color}\">{WebUtility.HtmlEncode(text)}</text>");
        svg.Append("</svg><div class=\"legend\">");
        foreach (var (label, color, shape, _) in Series)
            svg.Append(CultureInfo.InvariantCulture, $"<span style=\"color:{color}\">{(shape == "circle" ? "●" : shape == "square" ? "■" : "▲")} {label}</span>");
        svg.Append("<span style=\"color:#8c959f\">▮ commits (lower panel, own scale)</span></div></figure>");
        return svg.ToString();

        static double Share(HabitCounts c, Func<HabitCounts, int> pick) => c.Commits == 0 ? 0 : (double)pick(c) / c.Commits;
        static string Percent(HabitCounts c, Func<HabitCounts, int> pick) => string.Create(CultureInfo.InvariantCulture, $"{Share(c, pick) * 100:0}%");
    }

    /// <summary>An unclosed SVG element for a point: a circle, a square or a triangle of about the same area.</summary>
    private static string Marker(string shape, double x, double y) => shape switch
    {
        "circle" => string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"3.5\">"),
        "square" => string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{x - 3:0.#}\" y=\"{y - 3:0.#}\" width=\"6\" height=\"6\" fill=\"none\" stroke-width=\"1.5\">"),
        _ => string.Create(CultureInfo.InvariantCulture, $"<polygon points=\"{x:0.#},{y - 4.5:0.#} {x + 4:0.#},{y + 2.5:0.#} {x - 4:0.#},{y + 2.5:0.#}\">"),
    };

    /// <summary>The axis' top: the next of 1, 2, 5 × 10ⁿ at or above <paramref name="value"/>.</summary>
    private static int NiceCeiling(int value)
    {
        for (int magnitude = 1; ; magnitude *= 10)
            foreach (int m in new[] { 1, 2, 5 })
                if (m * magnitude >= value) return m * magnitude;
    }
}
