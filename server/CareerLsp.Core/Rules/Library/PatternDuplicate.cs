using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Rules.Library;

/// <summary>CL062: each problem is in the library once.</summary>
public sealed class PatternDuplicate() : Rule(RuleCatalog.PatternDuplicate)
{
    public override void Check(RuleContext context)
    {
        var first = new Dictionary<string, PatternEntry>(StringComparer.Ordinal);
        foreach (var entry in context.Patterns?.Entries ?? [])
        {
            string key = entry.NormalizedProblem;
            if (key.Length == 0) continue;
            if (!first.TryGetValue(key, out var original))
            {
                first[key] = entry;
                continue;
            }
            context.Report(entry.ProblemRange,
                $"This problem is already in the library (line {original.Range.Start.Line + 1}): merge the remedies into one entry",
                related: [new RelatedInformation(null, original.ProblemRange, "First entry for this problem")]);
        }
    }
}
