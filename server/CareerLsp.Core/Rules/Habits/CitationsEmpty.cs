using CareerLsp.Core.Domain.Findings;

namespace CareerLsp.Core.Rules.Habits;

/// <summary>CL003: a Sources Consulted / Documentation Reviewed section lists something.</summary>
public sealed class CitationsEmpty() : Rule(RuleCatalog.CitationsEmpty)
{
    public override void Check(RuleContext context)
    {
        foreach (var section in CitationEntries.Sections(context))
        {
            if (section.AllItems().Any(i => i.Text.Trim().Length > 0)) continue;
            context.Report(section.TitleRange,
                $"{section.Title.TrimEnd(':')} is empty: list what you read (a URL, a man page, a repository path or an issue)");
        }
    }
}
