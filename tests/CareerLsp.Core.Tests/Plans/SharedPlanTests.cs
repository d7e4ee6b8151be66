using CareerLsp.Core.Domain.Plans;

namespace CareerLsp.Core.Tests.Plans;

/// <summary>Where the two real plans are: <c>../shared/plans</c> beside the repository, when it is there.</summary>
internal static class SharedPlans
{
    public static string? Path(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "CareerLsp.sln"))) continue;
            string path = System.IO.Path.Combine(dir.FullName, "..", "shared", "plans", file);
            return File.Exists(path) ? path : null;
        }
        return null;
    }

    public static TrainingPlan Load(string file) => PlanParser.Parse(File.ReadAllText(Path(file)!));
}

/// <summary>A test that needs a plan from <c>../shared/plans</c>: skipped (and says so) where it is absent.</summary>
public sealed class SharedPlanFactAttribute : FactAttribute
{
    public SharedPlanFactAttribute(string file)
    {
        if (SharedPlans.Path(file) is null) Skip = $"../shared/plans/{file} is not present";
    }
}

/// <summary>The two real plans, read by the one parser: their units, today's unit for several dates, and their routines.</summary>
public sealed class SharedPlanTests
{
    private const string Elite = "elite-devops-training-plan.md", Staff = "staff-engineer-24-week-roadmap.md";
    private static readonly DateOnly Start = new(2026, 1, 5);

    private static string Now(TrainingPlan plan, int day) => string.Join(" | ", plan.Current(Start, Start.AddDays(day)).Select(u => u.Title));

    [SharedPlanFact(Elite)]
    public void The_elite_plan_has_four_phases_of_week_ranges()
    {
        var plan = SharedPlans.Load(Elite);
        Assert.Equal("DevOps/SecOps Elite Training Plan", plan.Title);
        var phases = plan.Units.Where(u => u.Kind == PlanUnitKind.Phase).ToList();
        Assert.Equal(["Weeks 1-4", "Weeks 5-8", "Weeks 9-12", "Weeks 13-24"], phases.Select(p => p.Range!.ToString()));
        var first = phases[0].Children[0];
        Assert.Equal((PlanUnitKind.Week, "Weeks 1-2"), (first.Kind, first.Range!.ToString()));
        Assert.Equal("Read documentation BEFORE implementing", first.Goal);
        Assert.Equal("100% of implementations reference official documentation", first.Metric);
        // Three numbered exercises and the four boxes of the first one's checklist.
        Assert.Equal(3, first.Items.Count(i => i.Checked is null));
        Assert.Equal(["Read official docs for technology being used", "Check existing codebase for patterns", "Review related issues/PRs in GitHub", "Document assumptions BEFORE coding"],
            first.Items.Where(i => i.Checked is not null).Select(i => i.Text));
    }

    [SharedPlanFact(Elite)]
    public void The_elite_plans_unit_for_a_date()
    {
        var plan = SharedPlans.Load(Elite);
        Assert.Equal("Week 1-2: Documentation-First Habit", Now(plan, 0));
        Assert.Equal("Week 1-2: Documentation-First Habit", Now(plan, 13));
        Assert.Equal("Week 3-4: Testing Before Committing", Now(plan, 14));
        Assert.Equal("Week 9-10: Architecture Before Implementation", Now(plan, 60));
        Assert.Equal("Week 11-12: Production Mindset", Now(plan, 83));
        Assert.Equal("Phase 4: Elite Performance (Weeks 13-24)", Now(plan, 84)); // Its topics name no weeks of their own.
        Assert.Equal("Phase 4: Elite Performance (Weeks 13-24)", Now(plan, 167));
        Assert.Equal("", Now(plan, 168)); // Week 25: the plan is over.
        Assert.Equal("", Now(plan, -1)); // Not started.
    }

    [SharedPlanFact(Elite)]
    public void The_elite_plans_routines_are_found_where_it_keeps_them()
    {
        var plan = SharedPlans.Load(Elite);
        string Titles(PromptKind kind) => string.Join(" | ", plan.Prompts.Where(p => p.Kind == kind).Select(p => $"{p.Title} ({p.Items.Count})"));
        Assert.Equal("Morning Routine (15 minutes) (4) | Before Every Work Session (4)", Titles(PromptKind.Morning));
        // The pre-commit checklist inside week 3-4 first: it is the one for a commit message being written.
        Assert.Equal("Pre-Commit Checklist (4) | Before Any Deployment (10 minutes) (6)", Titles(PromptKind.BeforeCommit));
        Assert.Equal("Evening Routine (10 minutes) (4) | After Work Session (4)", Titles(PromptKind.Evening));
        Assert.Equal("Weekly Self-Assessment (5)", Titles(PromptKind.SelfAssessment));
        var goals = Assert.Single(plan.Prompts, p => p.Kind == PromptKind.WeeklyGoals);
        Assert.Equal(["Read: [documentation/book section]", "Practice: [specific exercise]", "Ship: [feature with validation]", "Document: [pattern learned]", "Improve: [one habit]"],
            goals.Items.Select(i => i.Text));
        Assert.Contains("## Week X Review", goals.Template);
        Assert.Equal(["What went well", "What needs improvement", "Lessons learned", "Next week focus"],
            Assert.Single(plan.Prompts, p => p.Kind == PromptKind.WeeklyReview).Items.Select(i => i.Text));
        Assert.StartsWith("Did I read docs BEFORE implementing?", plan.Prompts.Single(p => p.Kind == PromptKind.SelfAssessment).Items[0].Text);
    }

    [SharedPlanFact(Staff)]
    public void The_staff_roadmap_reads_as_weeks_in_four_week_blocks_with_its_mojibake_repaired()
    {
        var plan = SharedPlans.Load(Staff);
        Assert.Equal("🚀 24-Week Staff Engineer Transformation Roadmap", plan.Title);
        var blocks = plan.Units.Where(u => u.Kind == PlanUnitKind.Week).ToList();
        Assert.Equal(6, blocks.Count);
        Assert.Equal("WEEKS 01-04: Foundations & Core Programming", blocks[0].Title);
        Assert.Equal(24, blocks.Sum(b => b.Children.Count(c => c.Kind == PlanUnitKind.Week)));
        var week1 = blocks[0].Children[0];
        Assert.Equal("WEEK 01 — Programming Fundamentals Mastery", week1.Title);
        Assert.Equal("Build rock-solid programming foundations with algorithmic thinking", week1.Goal);
        Assert.Equal(4, week1.Items.Count(i => i.Checked == false));
        Assert.DoesNotContain(plan.AllUnits(), u => u.Title.Contains("â€", StringComparison.Ordinal));
    }

    [SharedPlanFact(Staff)]
    public void The_staff_roadmaps_week_for_a_date()
    {
        var plan = SharedPlans.Load(Staff);
        Assert.Equal("WEEK 01 — Programming Fundamentals Mastery", Now(plan, 0));
        Assert.Equal("WEEK 04 — Backend API Development", Now(plan, 27));
        Assert.Equal("WEEK 05 — Database Design & SQL Mastery", Now(plan, 28));
        Assert.Equal("WEEK 24 — Synthesis, Portfolio & Career Launch", Now(plan, 167));
        Assert.Equal("", Now(plan, 168));
        // It has no routines of its own: the built-in ones stand in, marked as such.
        Assert.DoesNotContain(plan.Prompts, p => p.Kind == PromptKind.Morning);
        Assert.True(DefaultPlan.PromptsFor(plan).Single(p => p.Kind == PromptKind.Morning).FromDefault);
    }
}
