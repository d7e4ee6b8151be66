using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Rules.Habits;

/// <summary>CL006: a cited repository path exists.</summary>
public sealed class CitationsMissingPath() : Rule(RuleCatalog.CitationsMissingPath)
{
    public override void Check(RuleContext context)
    {
        var exists = context.Options.PathExists;
        if (exists is null) return;
        foreach (var (_, item) in CitationEntries.Entries(context))
        {
            foreach (var path in CitationEntries.Classify(context, item).Paths)
            {
                if (exists(path.Path)) continue;
                var start = item.Range.Start;
                var range = item.Range.Start.Line == item.Range.End.Line && start.Character + path.Start + path.Length <= item.Range.End.Character
                    ? SourceText.OnLine(start.Line, start.Character + path.Start, start.Character + path.Start + path.Length)
                    : item.Range;
                context.Report(range, $"{path.Path} does not exist in this repository: check the path (it is relative to the repository root)");
            }
        }
    }
}
