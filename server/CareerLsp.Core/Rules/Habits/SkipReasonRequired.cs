using CareerLsp.Core.Domain.Findings;

namespace CareerLsp.Core.Rules.Habits;

/// <summary>CL050: skipping the habits takes a reason.</summary>
public sealed class SkipReasonRequired() : Rule(RuleCatalog.SkipReasonRequired)
{
    public override void Check(RuleContext context)
    {
        if (context.SkipLine is { Reason.Length: 0 } marker)
            context.Report(marker.Range, $"{context.Config.SkipToken} needs a reason (for example \"{context.Config.SkipToken}: hotfix for the outage, pre-mortem in #123\"); until it has one the habits still apply");
    }
}
