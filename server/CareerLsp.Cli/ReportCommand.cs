using System.Globalization;
using System.Text;
using CareerLsp.Workspace;
using CareerLsp.Core.Text;

namespace CareerLsp.Cli;

/// <summary>
/// <c>careerlsp report</c>: the repository's habits per ISO week, as text, JSON or one self-contained
/// HTML page. The engine counts (<see cref="Core.Domain.History.HabitReport"/>), <see cref="HabitReports"/> reads git
/// and keeps the cache, <see cref="ReportRendering"/> writes; this takes the command line.
/// </summary>
internal static class ReportCommand
{
    public static readonly string[] Formats = ["text", "json", "html"];

    public static int Run(CheckSession session, string? since, string? until, string? author, string format, string? outputFile)
    {
        foreach (var (name, value) in new[] { ("--since", since), ("--until", until) })
        {
            if (value is not null && !IsoDate.TryParse(value, out _))
                throw new UsageException($"{name} takes a date as YYYY-MM-DD, not \"{value}\"");
        }
        var repository = session.RequireRepository(); // HabitReports says so when there is no commit yet.
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
        var from = IsoDate.Parse(since);
        var to = IsoDate.Parse(until);
        var report = HabitReports.Build(repository, session.Config.Config, session.Config.Result?.Text, from, to, authorPattern);
        // The weekly self-assessments the editor wrote, by the same date filter (their week's Monday).
        var ratings = HabitReports.Ratings(repository.Root, session.Config.Config)
            .Where(r => (from is null || MondayOf(r.Week) >= from.Value.AddDays(-6)) && (to is null || MondayOf(r.Week) <= to)).ToList();
        Timing.Mark("report built");
        void Render(TextWriter output)
        {
            switch (format)
            {
                case "json": ReportRendering.WriteJson(output, report, ratings); break;
                case "html": ReportRendering.WriteHtml(output, report, Path.GetFileName(repository.Root), ratings); break;
                default: ReportRendering.WriteText(output, report, ratings); break;
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

    private static DateOnly MondayOf(string week) =>
        DateOnly.FromDateTime(ISOWeek.ToDateTime(int.Parse(week[..4], CultureInfo.InvariantCulture), int.Parse(week[6..], CultureInfo.InvariantCulture), DayOfWeek.Monday));
}
