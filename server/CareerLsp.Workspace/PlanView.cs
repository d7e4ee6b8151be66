using CareerLsp.Core.Domain.Plans;
using CareerLsp.Core.Text;

namespace CareerLsp.Workspace;

/// <summary>Builds the <c>careerLsp/plan</c> answer (and <c>careerlsp plan --format json</c>) from a loaded plan.</summary>
public sealed partial record PlanView
{
    public static PlanView From(LoadedPlan loaded, DateOnly today, string? reviewFolder = null)
    {
        var plan = loaded.Plan;
        var dates = plan.Dates(loaded.Start);
        var prompts = DefaultPlan.PromptsFor(plan);
        bool builtInPlan = plan.IsDefault;
        return new PlanView(plan.Title, loaded.Path, IsoDate.Format(loaded.Start), StartName(loaded.StartSource), IsoDate.Format(today),
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
        return new PlanUnitView(unit.Kind.ToString().ToLowerInvariant(), unit.Title,
            dated ? IsoDate.Format(d.From) : null, dated ? IsoDate.Format(d.To) : null, unit.Line,
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

    private static string StartName(PlanStartSource source) => source switch
    {
        PlanStartSource.Given => "given",
        PlanStartSource.Configuration => "configuration",
        PlanStartSource.Git => "git",
        _ => "today",
    };
}
