using CareerLsp.Core.Checking;
using CareerLsp.Core.Findings;
using CareerLsp.Core.Parsing;

namespace CareerLsp.Core.Rules.Habits;

/// <summary>CL002: a PR description links the documentation reviewed for the change.</summary>
public sealed class DocsReviewedRequired() : Rule("CL002", "docs-reviewed-required", Severity.Error, DocumentKinds.PullRequest,
    "A PR description has a Documentation Reviewed section.")
{
    public override bool IsHabit => true;

    public override void Check(RuleContext context)
    {
        if (CitationEntries.Sections(context).Any()) return;
        context.Report(context.DocumentAnchor,
            "No Documentation Reviewed section: link the documentation you read for this change",
            [Skeletons.InsertSection(context, SectionKind.DocumentationReviewed)]);
    }
}
