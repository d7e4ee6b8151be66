using CareerLsp.Core.Findings;

namespace CareerLsp.Core.Rules.Patterns;

/// <summary>CL064: inside categories, text is written as entries.</summary>
public sealed class PatternMalformedLine() : Rule("CL064", "pattern-malformed-line", Severity.Warning, DocumentKinds.PatternLibrary,
    "A line in a pattern library category is neither a heading nor an entry (prose belongs in the introduction).")
{
    public override void Check(RuleContext context)
    {
        foreach (var line in context.Patterns?.Malformed ?? [])
            context.Report(line.Range, line.Reason ?? "This line is not an entry: write it as \"- problem → remedy\" (prose belongs in the introduction under the title)");
    }
}
