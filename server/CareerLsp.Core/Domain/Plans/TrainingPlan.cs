namespace CareerLsp.Core.Domain.Plans;

/// <summary>What a unit of a plan is: a span of time, a phase (a name with a span), a table row, or a plain section.</summary>
public enum PlanUnitKind
{
    Day,
    Week,
    Month,
    Year,
    Phase,
    Row,
    Section,
}

/// <summary>One thing to do: a checklist item (<see cref="Checked"/> set), or a numbered exercise.</summary>
public sealed class PlanItem
{
    public required string Text { get; init; }

    /// <summary><c>true</c>/<c>false</c> for a checklist item, <c>null</c> for an exercise.</summary>
    public bool? Checked { get; init; }

    /// <summary>Zero-based line of the item in the plan file.</summary>
    public int Line { get; init; }

    /// <summary>Zero-based column of the character between the checkbox's brackets, or -1.</summary>
    public int CheckColumn { get; init; } = -1;
}

/// <summary>A table cell that is there to be filled (an "actual hours" column): the span between its pipes, and its text.</summary>
public sealed record PlanCell(int Line, int StartColumn, int EndColumn, string Text);

/// <summary>A unit of a plan: a heading (or table row) with its items and the units under it.</summary>
public sealed class PlanUnit
{
    public required PlanUnitKind Kind { get; init; }

    public required string Title { get; init; }

    /// <summary>The span the unit names, counted from the plan's start; <c>null</c> when it names none.</summary>
    public TimeRange? Range { get; set; }

    /// <summary>When the span counts from the enclosing unit's start, not the plan's ("Month 2" › "Week 1").</summary>
    public bool Relative { get; set; }

    public int Line { get; init; }

    /// <summary>The heading level (1–6), or 7 for a table row.</summary>
    public int Level { get; init; }

    public string? Goal { get; set; }

    public string? Metric { get; set; }

    public List<PlanItem> Items { get; } = [];

    public List<PlanUnit> Children { get; } = [];

    /// <summary>A table row's priority: lower comes first (1, P0, High).</summary>
    public int? Priority { get; init; }

    /// <summary>A table row's actual-hours cell.</summary>
    public PlanCell? Hours { get; init; }

    /// <summary>Whether a table row says it is done (a status column, or a ticked checkbox).</summary>
    public bool Done { get; init; }

    /// <summary>Whether every checklist item here and below is ticked (a unit without checkboxes is not finished).</summary>
    public bool Finished
    {
        get
        {
            if (Kind == PlanUnitKind.Row) return Done;
            int boxes = 0;
            foreach (var item in AllItems())
            {
                if (item.Checked is null) continue;
                boxes++;
                if (item.Checked == false) return false;
            }
            return boxes > 0;
        }
    }

    /// <summary>The unit's items and those of the units under it, in plan order.</summary>
    public IEnumerable<PlanItem> AllItems()
    {
        foreach (var item in Items) yield return item;
        foreach (var child in Children)
            foreach (var item in child.AllItems()) yield return item;
    }
}

/// <summary>A routine the editor prompts for.</summary>
public enum PromptKind
{
    Morning,
    BeforeCommit,
    Evening,
    WeeklyGoals,
    WeeklyReview,
    SelfAssessment,
}

/// <summary>A routine from the plan (or the built-in default): its items, and for the weekly files the template text.</summary>
public sealed class PlanPrompt
{
    public required PromptKind Kind { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<PlanItem> Items { get; init; }

    /// <summary>Zero-based line in the plan file (-1 for the built-in default).</summary>
    public int Line { get; init; }

    /// <summary>For the weekly goals and review: the Markdown the week's file is created from.</summary>
    public string? Template { get; init; }

    /// <summary>Whether it came from the built-in default because the plan has no such routine.</summary>
    public bool FromDefault { get; init; }

    public static string KindName(PromptKind kind) => kind switch
    {
        PromptKind.Morning => "morning",
        PromptKind.BeforeCommit => "before-commit",
        PromptKind.Evening => "evening",
        PromptKind.WeeklyGoals => "weekly-goals",
        PromptKind.WeeklyReview => "weekly-review",
        _ => "self-assessment",
    };
}

/// <summary>
/// A training plan read from Markdown (<see cref="PlanParser"/>): its units (nested, possibly in
/// parallel tracks) and its routines. Pure: the edges read the file and the dates.
/// </summary>
public sealed class TrainingPlan
{
    public required string Title { get; init; }

    public required IReadOnlyList<PlanUnit> Units { get; init; }

    public required IReadOnlyList<PlanPrompt> Prompts { get; init; }

    /// <summary>Whether this is the built-in default (the workspace has no plan).</summary>
    public bool IsDefault { get; init; }

    /// <summary>Whether any unit names a span of time.</summary>
    public bool HasTime => Walk(Units).Any(u => u.Range is not null);

    private static IEnumerable<PlanUnit> Walk(IEnumerable<PlanUnit> units)
    {
        foreach (var unit in units)
        {
            yield return unit;
            foreach (var child in Walk(unit.Children)) yield return child;
        }
    }

    /// <summary>Every unit, depth first, in plan order.</summary>
    public IEnumerable<PlanUnit> AllUnits() => Walk(Units);

    /// <summary>
    /// The dates of every unit that has them when the plan starts on <paramref name="start"/>: its
    /// own span (from the plan's start, or from its parent's first day when relative), or for a unit
    /// naming none (a track, a section of weeks) the span of the units under it.
    /// </summary>
    public Dictionary<PlanUnit, (DateOnly From, DateOnly To)> Dates(DateOnly start)
    {
        var dates = new Dictionary<PlanUnit, (DateOnly, DateOnly)>(ReferenceEqualityComparer.Instance);
        foreach (var unit in Units) Date(unit, null, start, dates);
        return dates;
    }

    private static (DateOnly From, DateOnly To)? Date(PlanUnit unit, DateOnly? parentStart, DateOnly start, Dictionary<PlanUnit, (DateOnly, DateOnly)> dates)
    {
        (DateOnly From, DateOnly To)? own = null;
        if (unit.Range is { } range) own = range.Dates(unit.Relative && parentStart is { } p ? p : start);
        DateOnly? from = null, to = null;
        foreach (var child in unit.Children)
        {
            if (Date(child, own?.From ?? parentStart, start, dates) is not { } c) continue;
            from = from is null || c.From < from ? c.From : from;
            to = to is null || c.To > to ? c.To : to;
        }
        var result = own ?? (from is { } f && to is { } t ? (f, t) : null);
        if (result is { } r) dates[unit] = r;
        return result;
    }

    /// <summary>
    /// The units for today: every innermost unit whose span holds <paramref name="today"/> (several
    /// when tracks run in parallel); for a plan that names no time, the first unfinished unit in
    /// plan order, table rows by their priority. Empty before the plan starts and after it ends.
    /// </summary>
    public IReadOnlyList<PlanUnit> Current(DateOnly start, DateOnly today)
    {
        if (!HasTime) return FirstUnfinished() is { } next ? [next] : [];
        var dates = Dates(start);
        var current = new List<PlanUnit>();
        void Visit(IEnumerable<PlanUnit> units)
        {
            foreach (var unit in units)
            {
                if (!dates.TryGetValue(unit, out var d) || today < d.From || today > d.To) continue;
                int before = current.Count;
                Visit(unit.Children);
                if (current.Count == before) current.Add(unit);
            }
        }
        Visit(Units);
        return current;
    }

    private PlanUnit? FirstUnfinished()
    {
        var leaves = AllUnits().Where(u => u.Children.Count == 0).ToList();
        var work = leaves.Where(u => u.Kind == PlanUnitKind.Row || u.AllItems().Any(i => i.Checked is not null)).ToList();
        if (work.Count == 0) return leaves.FirstOrDefault(u => u.Items.Count > 0) ?? leaves.FirstOrDefault();
        // Stable: rows with a priority by it, then everything else in plan order.
        var ordered = work.Select((u, i) => (u, i)).OrderBy(x => x.u.Priority ?? int.MaxValue).ThenBy(x => x.i).Select(x => x.u);
        return ordered.FirstOrDefault(u => !u.Finished);
    }
}
