using CareerLsp.Core.Domain.Plans;

namespace CareerLsp.Core.Tests.Plans;

/// <summary>Plans in the shapes users write, beyond the two real ones: one parser, no code per plan.</summary>
public sealed class PlanShapeTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    private static string Now(string text, string today, string start = "2026-01-01") =>
        string.Join(" | ", PlanParser.Parse(text).Current(DateOnly.Parse(start), DateOnly.Parse(today)).Select(u => u.Title));

    [Fact]
    public void Months_and_month_ranges()
    {
        const string plan = """
            # Cloud year
            ## Months 1-3: Foundations
            ### Month 1 — Linux
            - [ ] Read the man pages of ten tools
            ### Month 2 — Networking
            ### Month 3 — Containers
            ## Months 4-6: Kubernetes (hands-on)
            """;
        Assert.Equal("Month 1 — Linux", Now(plan, "2026-01-31"));
        Assert.Equal("Month 2 — Networking", Now(plan, "2026-02-01"));
        Assert.Equal("Month 3 — Containers", Now(plan, "2026-03-31"));
        Assert.Equal("Months 4-6: Kubernetes (hands-on)", Now(plan, "2026-06-30"));
        Assert.Equal("", Now(plan, "2026-07-01"));
        var parsed = PlanParser.Parse(plan);
        Assert.Equal(PlanUnitKind.Month, parsed.Units[0].Kind);
        Assert.Equal(new TimeRange(TimeScale.Month, 1, 3), parsed.Units[0].Range);
    }

    [Fact]
    public void Parallel_tracks_each_with_their_own_years()
    {
        const string plan = """
            # Two tracks
            ## Track A: Engineering
            ### Year 1
            #### Months 1-6: Backend
            #### Months 7-12: Frontend
            ### Year 2
            ## Track B: Leadership
            ### Year 1
            - [ ] Mentor one person
            ### Year 2
            - [ ] Lead a project
            """;
        Assert.Equal("Months 1-6: Backend | Year 1", Now(plan, "2026-03-01"));
        Assert.Equal("Months 7-12: Frontend | Year 1", Now(plan, "2026-12-31"));
        Assert.Equal("Year 2 | Year 2", Now(plan, "2027-01-01"));
        var tracks = PlanParser.Parse(plan).Units;
        Assert.Equal([PlanUnitKind.Phase, PlanUnitKind.Phase], tracks.Select(t => t.Kind));
    }

    [Fact]
    public void A_unit_inside_another_counts_from_its_start_when_that_is_what_fits()
    {
        // "Week 1" under "Month 2" is the month's first week, not the plan's.
        const string plan = """
            # Plan
            ## Month 1
            ### Week 1
            ### Week 2
            ## Month 2
            ### Week 1
            - [ ] Set up the lab
            ### Week 2
            """;
        Assert.Equal("Week 1", Now(plan, "2026-01-03"));
        Assert.Equal("Week 1", Now(plan, "2026-02-03"));
        var parsed = PlanParser.Parse(plan);
        var monthTwoWeekOne = parsed.Units[1].Children[0];
        Assert.True(monthTwoWeekOne.Relative);
        Assert.False(parsed.Units[0].Children[0].Relative);
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 7)), parsed.Dates(Start)[monthTwoWeekOne]);
        Assert.Equal("Set up the lab", Assert.Single(monthTwoWeekOne.Items).Text);
    }

    [Fact]
    public void Days_quarters_and_ranges_written_in_words()
    {
        const string plan = """
            # Sprint plan
            ## Day 1: Setup
            ## Days 2 to 4: Build
            ## Days 5–7 — Ship
            ## Quarter 2 (later)
            """;
        Assert.Equal("Day 1: Setup", Now(plan, "2026-01-01"));
        Assert.Equal("Days 2 to 4: Build", Now(plan, "2026-01-04"));
        Assert.Equal("Days 5–7 — Ship", Now(plan, "2026-01-07"));
        Assert.Equal("", Now(plan, "2026-01-08"));
        Assert.Equal("Quarter 2 (later)", Now(plan, "2026-04-01"));
        Assert.Equal("Quarter 2 (later)", Now(plan, "2026-06-30"));
    }

    [Fact]
    public void A_priority_table_orders_the_work_and_keeps_the_hours_cell_to_fill()
    {
        const string plan = """
            # Study backlog

            | Topic | Priority | Estimated hours | Actual hours | Status |
            |-------|----------|-----------------|--------------|--------|
            | Terraform modules | 2 | 6 | | |
            | Vault PKI | 1 | 4 | 5 | done |
            | Helm hooks | 1 | 3 |  | |
            | Grafana | low | 2 | | |
            """;
        var parsed = PlanParser.Parse(plan);
        var rows = parsed.Units.Where(u => u.Kind == PlanUnitKind.Row).ToList();
        Assert.Equal(["Terraform modules", "Vault PKI", "Helm hooks", "Grafana"], rows.Select(r => r.Title));
        Assert.Equal([2, 1, 1, 3], rows.Select(r => r.Priority ?? -1));
        Assert.True(rows[1].Done);
        // Priority 1 first; Vault PKI is done, so Helm hooks is next.
        Assert.Equal("Helm hooks", Now(plan, "2026-05-01"));
        var hours = rows[2].Hours!;
        string line = plan.Split('\n')[hours.Line];
        Assert.Equal("", hours.Text);
        Assert.Equal("  ", line[hours.StartColumn..hours.EndColumn]); // An empty cell: the span between its pipes.
        Assert.Equal(('|', '|'), (line[hours.StartColumn - 1], line[hours.EndColumn]));
        Assert.Equal("5", rows[1].Hours!.Text);
        Assert.Equal(" 5 ", plan.Split('\n')[rows[1].Hours!.Line][rows[1].Hours!.StartColumn..rows[1].Hours!.EndColumn]);
        Assert.False(parsed.HasTime);
    }

    [Fact]
    public void A_table_without_outer_pipes_is_a_table_too()
    {
        var rows = PlanParser.Parse("# Backlog\n\nTopic | Priority\n-- | :-:\nHelm | 2\nVault | 1\n").Units.Where(u => u.Kind == PlanUnitKind.Row).ToList();
        Assert.Equal([("Helm", 2), ("Vault", 1)], rows.Select(r => (r.Title, r.Priority ?? -1)));
    }

    [Fact]
    public void A_table_with_a_week_column_has_rows_in_time()
    {
        const string plan = """
            # Reading plan
            | Week | Book | Actual hours |
            |---|---|---|
            | 1-2 | Release It! | |
            | 3 | SRE book | |
            """;
        Assert.Equal("Release It!", Now(plan, "2026-01-10"));
        Assert.Equal("SRE book", Now(plan, "2026-01-15"));
    }

    [Fact]
    public void Mojibake_reads_as_intended_and_real_accents_stay()
    {
        Assert.Equal("WEEK 01 — Basics 🚀 ✅ “quoted” café", Mojibake.Repair("WEEK 01 â€” Basics ðŸš€ âœ… â€œquotedâ€\u009d café"));
        Assert.Equal("Ørsted, naïve, 10 €", Mojibake.Repair("Ørsted, naïve, 10 €"));
        var plan = PlanParser.Parse("# Plan\n## WEEK 01 â€” Basics\n- [ ] Read â€œThe Phoenix Projectâ€\u009d\n");
        Assert.Equal("WEEK 01 — Basics", plan.Units[0].Title);
        Assert.Equal("Read “The Phoenix Project”", plan.Units[0].Items[0].Text);
    }

    [Fact]
    public void A_plan_with_no_dates_shows_the_first_unfinished_unit()
    {
        const string plan = """
            # Habits I am building
            ## Reading
            - [x] Read the Git book
            - [x] Read the Kubernetes concepts
            ## Testing
            - [x] Write a test before each fix
            - [ ] Run the suite before each push
            ## Writing
            - [ ] A design note a week
            """;
        Assert.Equal("Testing", Now(plan, "2030-01-01"));
        Assert.Equal("", Now(plan.Replace("- [ ]", "- [x]"), "2030-01-01"));
    }

    [Fact]
    public void Checkboxes_know_where_they_are_so_they_can_be_toggled()
    {
        const string plan = "# P\n## Week 1\n- [ ] one\n  * [x] two\n1. [ ] three\n";
        var items = PlanParser.Parse(plan).Units[0].Items;
        var lines = plan.Split('\n');
        Assert.Equal([(2, ' '), (3, 'x'), (4, ' ')], items.Select(i => (i.Line, lines[i.Line][i.CheckColumn])));
        Assert.Equal([false, true, false], items.Select(i => i.Checked ?? true));
    }

    [Fact]
    public void Routines_are_found_under_any_heading_level_and_a_week_named_by_a_routine_word_stays_a_week()
    {
        const string plan = """
            # Plan
            ## Week 1: Testing before committing
            - [ ] Write the tests first
            #### Start of the day
            1. Plan the day
            ## Every evening
            - Note one lesson
            ---
            Not part of the evening.
            - Nor is this
            """;
        var parsed = PlanParser.Parse(plan);
        Assert.Equal(PlanUnitKind.Week, parsed.Units[0].Kind);
        Assert.Equal("Plan the day", Assert.Single(parsed.Prompts, p => p.Kind == PromptKind.Morning).Items.Single().Text);
        Assert.Equal("Note one lesson", Assert.Single(parsed.Prompts, p => p.Kind == PromptKind.Evening).Items.Single().Text);
    }

    [Fact]
    public void A_routine_named_inside_a_labelled_routine_list_keeps_both_whole()
    {
        const string plan = """
            # Plan
            ## Week 1
            **Before any deployment:**
            - Read the docs
            - Pre-commit checklist:
              - [ ] Tests pass
            - Tell the team
            """;
        var prompts = PlanParser.Parse(plan).Prompts.Where(p => p.Kind == PromptKind.BeforeCommit).ToList();
        Assert.Equal(["Pre-commit checklist: Tests pass", "Before any deployment: Read the docs, Pre-commit checklist, Tell the team"],
            prompts.Select(p => $"{p.Title}: {string.Join(", ", p.Items.Select(i => i.Text))}"));
    }

    [Fact]
    public void Bad_input_reads_as_what_it_can()
    {
        foreach (var text in new[] { "", "\0\0\0", "# " + new string('x', 100_000), string.Concat(Enumerable.Repeat("  ", 400)) + "- [ ] deep", "## Week 99999999999", "| a |\n|---|\n" })
        {
            var plan = PlanParser.Parse(text);
            Assert.NotNull(plan.Current(Start, Start));
        }
    }

    [Fact]
    public void The_built_in_plan_has_every_routine()
    {
        var plan = DefaultPlan.Plan;
        Assert.True(plan.IsDefault);
        Assert.Equal([PromptKind.Morning, PromptKind.BeforeCommit, PromptKind.Evening, PromptKind.WeeklyGoals, PromptKind.WeeklyReview, PromptKind.SelfAssessment],
            plan.Prompts.Select(p => p.Kind));
        Assert.Contains("{week}", plan.Prompts.Single(p => p.Kind == PromptKind.WeeklyGoals).Template);
    }
}
