using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Rules.Pr;

/// <summary>CL020: a PR description says how the change was tested.</summary>
public sealed class TestingRequired() : Rule(RuleCatalog.TestingRequired)
{
    public override void Check(RuleContext context)
    {
        if (context.Sections.SectionsOf(SectionKind.Testing).Any()) return;
        context.Report(context.DocumentAnchor,
            "No Testing section: say what you tested in isolation, in integration, and which failure cases you tried",
            [context.InsertSection(SectionKind.Testing)]);
    }
}
