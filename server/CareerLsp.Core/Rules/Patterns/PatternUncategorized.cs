using CareerLsp.Core.Findings;

namespace CareerLsp.Core.Rules.Patterns;

/// <summary>CL061: every pattern sits under a category heading.</summary>
public sealed class PatternUncategorized() : Rule("CL061", "pattern-uncategorized", Severity.Warning, DocumentKinds.PatternLibrary,
    "A pattern library entry is outside any category: put it under a heading such as `# Race Conditions`.")
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
