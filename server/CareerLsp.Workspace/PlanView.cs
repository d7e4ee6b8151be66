using System.Globalization;
using System.Text.Json.Serialization;
using CareerLsp.Core.Domain.Plans;

namespace CareerLsp.Workspace;

/// <summary>
/// A plan as the CLI prints it (<c>careerlsp plan --format json</c>) and the language server answers
/// <c>careerLsp/plan</c>: one shape, written once. Dates are <c>YYYY-MM-DD</c>; lines are zero-based.
/// </summary>
public sealed record PlanView(
    string Title, string? File, string Start, string StartFrom, string Today,
    IReadOnlyList<PlanUnitView> Units, IReadOnlyList<PlanUnitView> Current, IReadOnlyList<PlanPromptView> Prompts)
{
    /// <summary>Where the weekly goals and review files go, relative to the workspace (<c>plan.reviews</c>).</summary>
    public string? ReviewFolder { get; init; }

    public static PlanView From(LoadedPlan loaded, DateOnly today, string? reviewFolder = null)
    {
        var plan = loaded.Plan;
        var dates = plan.Dates(loaded.Start);
        var prompts = DefaultPlan.PromptsFor(plan);
        bool builtInPlan = plan.IsDefault;
        return new PlanView(plan.Title, loaded.Path, Iso(loaded.Start), StartName(loaded.StartSource), Iso(today),
            plan.Units.Select(u => Unit(u, dates, children: true)).ToList(),
            plan.Current(loaded.Start, today).Select(u => Unit(u, dates, children: false)).ToList(),
            prompts.Select(p => new PlanPromptView(PlanPrompt.KindName(p.Kind), p.Title, p.FromDefault || builtInPlan,
                p.Line >= 0 && !builtInPlan && !p.FromDefault ? p.Line : null,
                p.Items.Select(i => Item(i, withLine: !builtInPlan && !p.FromDefault)).ToList(), p.Template)).ToList())
        {
            ReviewFolder = reviewFolder,
        };
    }

    private static PlanUnitView Unit(PlanUnit unit, Dictionary<PlanUnit, (DateOnly From, DateOnly To)> dates, bool children)
    {
        bool dated = dates.TryGetValue(unit, out var d);
        return new PlanUnitView(unit.Kind.ToString().ToLowerInvariant(), unit.Title, dated ? Iso(d.From) : null, dated ? Iso(d.To) : null, unit.Line,
            // In the tree a unit has its own items; a current unit (shown alone) also those of the sections under it.
            (children ? unit.Items : unit.AllItems()).Select(i => Item(i, withLine: true)).ToList(),
            children ? unit.Children.Select(c => Unit(c, dates, true)).ToList() : null)
        {
            Goal = unit.Goal,
            Metric = unit.Metric,
            Priority = unit.Priority,
            Done = unit.Kind == PlanUnitKind.Row ? unit.Done : null,
            Hours = unit.Hours is { } h ? new PlanCellView(h.Text, h.Line, h.StartColumn, h.EndColumn) : null,
        };
    }

    private static PlanItemView Item(PlanItem item, bool withLine) =>
        new(item.Text, item.Checked, withLine ? item.Line : null, withLine && item.CheckColumn >= 0 ? item.CheckColumn : null);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string StartName(PlanStartSource source) => source switch
    {
        PlanStartSource.Given => "given",
        PlanStartSource.Configuration => "configuration",
        PlanStartSource.Git => "git",
        _ => "today",
    };
}

/// <summary>
/// A unit: <c>kind</c> is day, week, month, year, phase, row or section; <c>from</c>/<c>to</c> are null
/// when it names no time. <c>children</c> is left out of <c>current</c>, whose items include those of
/// the sections under the unit.
/// </summary>
public sealed record PlanUnitView(string Kind, string Title, string? From, string? To, int Line, IReadOnlyList<PlanItemView> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PlanUnitView>? Children)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Goal { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Metric { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Priority { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Done { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PlanCellView? Hours { get; init; }
}

/// <summary>An item: <c>checked</c> is null for an exercise; <c>line</c>/<c>column</c> locate the checkbox's mark in the plan file.</summary>
public sealed record PlanItemView(string Text, bool? Checked,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Line,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Column);

/// <summary>A routine: kind is morning, before-commit, evening, weekly-goals, weekly-review or self-assessment.</summary>
public sealed record PlanPromptView(string Kind, string Title, bool BuiltIn, int? Line, IReadOnlyList<PlanItemView> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Template);

/// <summary>A cell to fill: the span between its pipes on <c>line</c>, and its text.</summary>
public sealed record PlanCellView(string Text, int Line, int Start, int End);

/// <summary>
/// <c>careerLsp/plan</c>'s parameters: <c>uri</c> picks the workspace (a folder or a file in it; default
/// the first folder); <c>today</c> and <c>start</c> (YYYY-MM-DD) override the clock and the plan's start.
/// </summary>
public sealed record PlanRequest(string? Uri = null, string? Today = null, string? Start = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PlanView))]
[JsonSerializable(typeof(PlanRequest))]
public sealed partial class PlanJsonContext : JsonSerializerContext;
