using CareerLsp.Core.Domain.Findings;

namespace CareerLsp.Core.Rules.Library;

/// <summary>CL061: every pattern sits under a category heading.</summary>
public sealed class PatternUncategorized() : Rule(RuleCatalog.PatternUncategorized)
{
    public override void Check(RuleContext context)
    {
        foreach (var entry in context.Patterns?.Entries ?? [])
        {
            if (entry.Category is null)
                context.Report(entry.Range, "This entry is outside any category: put it under a heading (# Race Conditions, # Deployments, …)");
        }
    }
}
