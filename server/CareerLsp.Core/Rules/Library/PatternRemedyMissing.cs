using CareerLsp.Core.Domain.Findings;

namespace CareerLsp.Core.Rules.Library;

/// <summary>CL060: a pattern says what to do about the problem.</summary>
public sealed class PatternRemedyMissing() : Rule(RuleCatalog.PatternRemedyMissing)
{
    public override void Check(RuleContext context)
    {
        foreach (var entry in context.Patterns?.Entries ?? [])
        {
            if (entry.Remedy.Length > 0 && entry.Problem.Length > 0) continue;
            string what = entry.Problem.Length == 0 ? "no problem before the arrow" : "no remedy";
            context.Report(entry.Range, $"This entry has {what}: write it as \"- problem → remedy\", so the library says what to do");
        }
    }
}
