namespace CareerLsp.Core.Domain.Plans;

/// <summary>
/// The plan used when the workspace has none, and the routines a plan leaves out: the habits
/// CareerLsp checks, said as daily and weekly routines. Written for this project.
/// </summary>
public static class DefaultPlan
{
    public const string Text = """
        # CareerLsp habits

        ## Morning routine
        - [ ] Reread yesterday's commits: what would a careful reviewer have asked for?
        - [ ] Skim COMMON_PATTERNS.md for entries that touch today's work
        - [ ] Read one page of the official documentation for what you will change today
        - [ ] Write down two things that could go wrong today

        ## Before each commit
        - [ ] The message names the documentation and code you actually read (Sources Consulted)
        - [ ] A risky change has a pre-mortem: how it fails, what it depends on, what could race
        - [ ] Tested on its own, with what it touches, and with the failure cases tried
        - [ ] It does not patch your previous commit: amend that instead

        ## Evening routine
        - [ ] Add today's lesson to COMMON_PATTERNS.md as problem → remedy
        - [ ] Reread today's changes as a senior reviewer would
        - [ ] Choose one thing to do better tomorrow

        ## Weekly goals

        ```markdown
        ## Week {week} goals
        - [ ] Read:
        - [ ] Practise:
        - [ ] Ship, with its tests:
        - [ ] Record a pattern:
        - [ ] Improve one habit:
        ```

        ## Weekly review

        ```markdown
        ## Week {week} review
        - Went well:
        - To improve:
        - Learned:
        - Focus for next week:
        ```

        ## Self-assessment
        - Did I read the documentation before changing things?
        - Did I test before committing?
        - Did I foresee what went wrong?
        - Did I question my assumptions?
        - Did I think about the system, not only the change?
        """;

    private static TrainingPlan? _plan;

    /// <summary>The built-in plan, parsed once.</summary>
    public static TrainingPlan Plan => _plan ??= PlanParser.Parse(Text, isDefault: true);

    /// <summary>
    /// A plan's routines, with the built-in ones for the kinds it has none of (marked as such):
    /// the editor always has a morning, before-commit, evening and weekly prompt to show.
    /// </summary>
    public static IReadOnlyList<PlanPrompt> PromptsFor(TrainingPlan plan)
    {
        if (plan.IsDefault) return plan.Prompts;
        var prompts = plan.Prompts.ToList();
        foreach (var prompt in Plan.Prompts)
        {
            if (prompts.Any(p => p.Kind == prompt.Kind)) continue;
            prompts.Add(new PlanPrompt { Kind = prompt.Kind, Title = prompt.Title, Items = prompt.Items, Line = -1, Template = prompt.Template, FromDefault = true });
        }
        return prompts.OrderBy(p => p.Kind).ToList();
    }
}
