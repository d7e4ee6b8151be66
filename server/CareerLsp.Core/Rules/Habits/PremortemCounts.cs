using CareerLsp.Core.Checking;
using CareerLsp.Core.Findings;
using CareerLsp.Core.Parsing;

namespace CareerLsp.Core.Rules.Habits;

/// <summary>CL011: the pre-mortem has enough items of each kind (5/3/2 for PRs by default).</summary>
public sealed class PremortemCounts() : Rule("CL011", "premortem-counts", Severity.Error, DocumentKinds.CommitMessage | DocumentKinds.PullRequest,
    "The pre-mortem lists enough failures, missing dependencies and race conditions, counted per kind.")
{
    public override bool IsHabit => true;

    public override void Check(RuleContext context)
    {
        var sections = context.Sections.SectionsOf(SectionKind.Premortem).ToList();
        if (sections.Count == 0) return;
        var required = Premortem.Required(context);
        var tally = Premortem.Tally(sections, context.Vocabulary);
        var missing = new List<string>();
        if (tally.Failures < required.Failures) missing.Add($"{tally.Failures} of {required.Failures} ways this could fail");
        if (tally.Dependencies < required.Dependencies) missing.Add($"{tally.Dependencies} of {required.Dependencies} dependencies that might not exist");
        if (tally.Races < required.Races) missing.Add($"{tally.Races} of {required.Races} race conditions");
        if (missing.Count == 0) return;
        string placeholders = tally.Placeholders > 0
            ? $"; {tally.Placeholders} placeholder{(tally.Placeholders == 1 ? " was" : "s were")} not counted"
            : "";
        context.Report(sections[0].TitleRange,
            $"The pre-mortem has {string.Join(", ", missing)}{placeholders}{Premortem.SizeNote(context)}. Label items \"Failure:\", \"Dependency:\" or \"Race:\", or group them under those headings");
    }
}
