using System.Globalization;
using System.Net;
using System.Text;
using CareerLsp.Core.History;

namespace CareerLsp.Workspace;

/// <summary>The habit report as text, JSON or one self-contained HTML page.</summary>
public static class ReportRendering
{
    private static void Json(TextWriter output, Action<System.Text.Json.Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(stream, new System.Text.Json.JsonWriterOptions
               {
                   Indented = true,
                   Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
        {
            write(json);
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Share(int part, int whole) => whole == 0 ? "-" : $"{100.0 * part / whole:0}%";

    public static void WriteText(TextWriter output, HabitReport report, IReadOnlyList<Core.Plans.WeekRatings>? ratings = null)
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
    public static void WriteJson(TextWriter output, HabitReport report, IReadOnlyList<Core.Plans.WeekRatings>? ratings = null) => Json(output, json =>
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
    public static void WriteHtml(TextWriter output, HabitReport report, string name, IReadOnlyList<Core.Plans.WeekRatings>? ratings = null)
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
