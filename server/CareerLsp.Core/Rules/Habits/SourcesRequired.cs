using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Rules.Habits;

/// <summary>CL001: a commit message names what was read before the change was made.</summary>
public sealed class SourcesRequired() : Rule(RuleCatalog.SourcesRequired)
{
    public override void Check(RuleContext context)
    {
        if (context.Sections.SectionsOf(SectionKind.Sources).Any()) return;
        context.Report(context.DocumentAnchor,
            "No Sources Consulted section: list the docs, code or issues you read before making this change",
            [context.InsertSection(SectionKind.Sources)]);
    }
}
