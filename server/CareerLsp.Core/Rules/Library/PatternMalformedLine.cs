using CareerLsp.Core.Domain.Findings;

namespace CareerLsp.Core.Rules.Library;

/// <summary>CL064: inside categories, text is written as entries.</summary>
public sealed class PatternMalformedLine() : Rule(RuleCatalog.PatternMalformedLine)
{
    public override void Check(RuleContext context)
    {
        foreach (var line in context.Patterns?.Malformed ?? [])
            context.Report(line.Range, line.Reason ?? "This line is not an entry: write it as \"- problem → remedy\" (prose belongs in the introduction under the title)");
    }
}
