using CareerLsp.Core.Findings;

namespace CareerLsp.Core.Rules.Patterns;

/// <summary>CL060: a pattern says what to do about the problem.</summary>
public sealed class PatternRemedyMissing() : Rule("CL060", "pattern-remedy-missing", Severity.Warning, DocumentKinds.PatternLibrary,
    "A pattern library entry has no remedy: write it as `- problem → remedy` (or `->`).")
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
