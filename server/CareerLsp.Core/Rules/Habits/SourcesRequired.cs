using CareerLsp.Core.Checking;
using CareerLsp.Core.Findings;
using CareerLsp.Core.Parsing;

namespace CareerLsp.Core.Rules.Habits;

/// <summary>CL001: a commit message names what was read before the change was made.</summary>
public sealed class SourcesRequired() : Rule("CL001", "sources-required", Severity.Error, DocumentKinds.CommitMessage,
    "A commit message has a Sources Consulted section (heading line, Markdown heading or trailer).")
{
    public override bool IsHabit => true;

    public override void Check(RuleContext context)
    {
        if (context.Sections.SectionsOf(SectionKind.Sources).Any()) return;
        context.Report(context.DocumentAnchor,
            "No Sources Consulted section: list the docs, code or issues you read before making this change",
            [Skeletons.InsertSection(context, SectionKind.Sources)]);
    }
}
