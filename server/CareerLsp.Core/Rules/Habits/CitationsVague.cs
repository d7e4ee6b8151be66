using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.Habits;

namespace CareerLsp.Core.Rules.Habits;

/// <summary>CL005: every source says where to look.</summary>
public sealed class CitationsVague() : Rule(RuleCatalog.CitationsVague)
{
    public override void Check(RuleContext context)
    {
        foreach (var (_, item) in CitationEntries.Entries(context))
        {
            if (CitationEntries.Classify(context, item).Kind != CitationKind.Vague) continue;
            context.Report(item.Range,
                $"\"{item.Text.Trim()}\" does not say where to look: give a URL, a doc or man page (git-commit(1)), a repository path or an issue (#123)");
        }
    }
}
