using CareerLsp.Core.Checking;
using CareerLsp.Core.Findings;

namespace CareerLsp.Core.Rules.Habits;

/// <summary>CL051: a skip with a reason is recorded, so reports can count skips.</summary>
public sealed class HabitsSkipped() : Rule("CL051", "habits-skipped", Severity.Info, DocumentKinds.CommitMessage | DocumentKinds.PullRequest,
    "The habit rules were skipped with a reason (counted by reports).")
{
    public override void Check(RuleContext context)
    {
        if (Skip.Find(context) is { Reason.Length: > 0 } marker)
            context.Report(marker.Range, $"Habits skipped: {marker.Reason}");
    }
}
