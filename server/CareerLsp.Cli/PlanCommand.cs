using System.Text.Json;
using CareerLsp.Core.Domain.Plans;
using CareerLsp.Workspace;
using CareerLsp.Core.Text;

namespace CareerLsp.Cli;

/// <summary><c>careerlsp plan</c>: the training plan's units, today's units and the routines, as text or JSON.</summary>
internal static class PlanCommand
{
    public static readonly string[] Formats = ["text", "json"];

    public static int Run(CheckSession session, string? file, string? start, string? today, string format)
    {
        var startDay = Date("--start", start);
        var todayDay = Date("--today", today) ?? DateOnly.FromDateTime(DateTime.Now);
        // The plan settings may be what is wrong: say so, then go on with the defaults.
        if (session.Config is { Path: { } configPath, Result.Issues: { Count: > 0 } issues })
            foreach (var issue in issues) Console.Error.WriteLine($"careerlsp: {configPath}: {issue.Message}");
        var repository = session.Repository;
        string root = repository?.Root ?? session.Directory;
        var loaded = PlanSource.Load(root, session.Config.Config, repository, file, startDay, todayDay);
        var current = loaded.Plan.Current(loaded.Start, todayDay);
        var prompts = DefaultPlan.PromptsFor(loaded.Plan);
        if (format == "json") CommandLine.WriteStdout(output => WriteJson(output, loaded, todayDay, session.Config.Config.ReviewFolder));
        else CommandLine.WriteStdout(output => WriteText(output, loaded, current, prompts, todayDay, root));
        return CommandLine.Ok;
    }

    private static DateOnly? Date(string option, string? value)
    {
        if (value is null) return null;
        if (!IsoDate.TryParse(value, out var day))
            throw new UsageException($"{option} takes a date as YYYY-MM-DD, not \"{value}\"");
        return day;
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(PlanJsonContext.Default.Options)
    {
        // As the other JSON outputs: text as written, not \u-escaped (this is not embedded in HTML).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static void WriteJson(TextWriter output, LoadedPlan loaded, DateOnly today, string reviewFolder)
    {
        var view = PlanView.From(loaded, today, reviewFolder);
        output.Write(JsonSerializer.Serialize(view, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<PlanView>)JsonOptions.GetTypeInfo(typeof(PlanView))));
        output.Write('\n');
    }

    private static void WriteText(TextWriter output, LoadedPlan loaded, IReadOnlyList<PlanUnit> current, IReadOnlyList<PlanPrompt> prompts, DateOnly today, string root)
    {
        var plan = loaded.Plan;
        var dates = plan.Dates(loaded.Start);
        string where = loaded.Path is null ? "built in: no TRAINING_PLAN.md or plan.path" : Path.GetRelativePath(root, loaded.Path);
        string startedBy = loaded.StartSource switch
        {
            PlanStartSource.Given => "given",
            PlanStartSource.Configuration => "plan.start",
            PlanStartSource.Git => "first committed",
            _ => "today: set plan.start in .careerlsp.json",
        };
        output.WriteLine($"{plan.Title} ({where})");
        output.WriteLine($"started {IsoDate.Format(loaded.Start)} ({startedBy}); today {IsoDate.Format(today)}");
        output.WriteLine();
        if (current.Count == 0)
        {
            var all = dates.Values.ToList();
            output.WriteLine(all.Count == 0 ? "Nothing left to do: every unit is finished."
                : today < all.Min(d => d.From) ? $"The plan starts on {IsoDate.Format(all.Min(d => d.From))}."
                : $"The plan ended on {IsoDate.Format(all.Max(d => d.To))}.");
        }
        foreach (var unit in current)
        {
            string span = dates.TryGetValue(unit, out var d) ? $"  ({IsoDate.Format(d.From)} to {IsoDate.Format(d.To)})" : "";
            var items = unit.AllItems().ToList();
            int boxes = items.Count(i => i.Checked is not null), ticked = items.Count(i => i.Checked == true);
            output.WriteLine($"Now: {unit.Title}{span}" + (boxes > 0 ? $"  {ticked}/{boxes} done" : ""));
            if (unit.Goal is { } goal) output.WriteLine($"  Goal: {goal}");
            foreach (var item in items)
                output.WriteLine(item.Checked is { } c ? $"  [{(c ? 'x' : ' ')}] {item.Text}" : $"  - {item.Text}");
            if (unit.Metric is { } metric) output.WriteLine($"  Success: {metric}");
            output.WriteLine();
        }
        output.WriteLine("Routines:");
        foreach (var prompt in prompts)
            output.WriteLine($"  {PlanPrompt.KindName(prompt.Kind),-16} {prompt.Title} ({prompt.Items.Count} item{(prompt.Items.Count == 1 ? "" : "s")}{(prompt.FromDefault ? ", built in" : "")})");
    }
}
