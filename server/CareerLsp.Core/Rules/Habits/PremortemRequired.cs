using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Rules.Habits;

/// <summary>CL010: a change that is not trivial says what could go wrong.</summary>
public sealed class PremortemRequired() : Rule(RuleCatalog.PremortemRequired)
{
    public override void Check(RuleContext context)
    {
        var required = context.RequiredPremortem;
        if (required.IsZero || context.Sections.SectionsOf(SectionKind.Premortem).Any()) return;
        context.Report(context.DocumentAnchor,
            $"No pre-mortem: before shipping, write what could go wrong ({Describe(required)}){context.ChangeSizeNote}",
            [context.InsertSection(SectionKind.Premortem, required)]);
    }

    internal static string Describe(Domain.Configuration.PremortemCounts c)
    {
        var parts = new List<string>();
        if (c.Failures > 0) parts.Add($"{c.Failures} way{(c.Failures == 1 ? "" : "s")} this could fail");
        if (c.Dependencies > 0) parts.Add($"{c.Dependencies} dependenc{(c.Dependencies == 1 ? "y" : "ies")} that might not exist");
        if (c.Races > 0) parts.Add($"{c.Races} race condition{(c.Races == 1 ? "" : "s")}");
        return string.Join(", ", parts);
    }
}
