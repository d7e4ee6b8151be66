using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Rules.Habits;

/// <summary>CL002: a PR description links the documentation reviewed for the change.</summary>
public sealed class DocsReviewedRequired() : Rule(RuleCatalog.DocsReviewedRequired)
{
    public override void Check(RuleContext context)
    {
        if (CitationEntries.Sections(context).Any()) return;
        context.Report(context.DocumentAnchor,
            "No Documentation Reviewed section: link the documentation you read for this change",
            [context.InsertSection(SectionKind.DocumentationReviewed)]);
    }
}
