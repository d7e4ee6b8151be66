using CareerLsp.Core.Domain.Findings;

namespace CareerLsp.Core.Rules.Habits;

/// <summary>CL051: a skip with a reason is recorded, so reports can count skips.</summary>
public sealed class HabitsSkipped() : Rule(RuleCatalog.HabitsSkipped)
{
    public override void Check(RuleContext context)
    {
        if (context.SkipLine is { Reason.Length: > 0 } marker)
            context.Report(marker.Range, $"Habits skipped: {marker.Reason}");
    }
}
