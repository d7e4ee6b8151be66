using CareerLsp.Core.Checking;
using CareerLsp.Core.Findings;
using CareerLsp.Core.Parsing;

namespace CareerLsp.Core.Rules.Pr;

/// <summary>CL020: a PR description says how the change was tested.</summary>
public sealed class TestingRequired() : Rule("CL020", "testing-required", Severity.Error, DocumentKinds.PullRequest,
    "A PR description has a Testing section.")
{
    public override bool IsHabit => true;

    public override void Check(RuleContext context)
    {
        if (context.Sections.SectionsOf(SectionKind.Testing).Any()) return;
        context.Report(context.DocumentAnchor,
            "No Testing section: say what you tested in isolation, in integration, and which failure cases you tried",
            [Skeletons.InsertSection(context, SectionKind.Testing)]);
    }
}
