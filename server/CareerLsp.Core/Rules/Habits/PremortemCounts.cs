using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Rules.Habits;

/// <summary>CL011: the pre-mortem has enough items of each kind (5/3/2 for PRs by default).</summary>
public sealed class PremortemCounts() : Rule(RuleCatalog.PremortemCounts)
{
    public override void Check(RuleContext context)
    {
        var sections = context.Sections.SectionsOf(SectionKind.Premortem).ToList();
        if (sections.Count == 0) return;
        var required = context.RequiredPremortem;
        var tally = Premortem.Tally(sections, context.Vocabulary);
        var missing = new List<string>();
        if (tally.Failures < required.Failures) missing.Add($"{tally.Failures} of {required.Failures} ways this could fail");
        if (tally.Dependencies < required.Dependencies) missing.Add($"{tally.Dependencies} of {required.Dependencies} dependencies that might not exist");
        if (tally.Races < required.Races) missing.Add($"{tally.Races} of {required.Races} race conditions");
        if (missing.Count == 0) return;
        string placeholders = tally.Placeholders > 0
            ? $"; {tally.Placeholders} placeholder{(tally.Placeholders == 1 ? " was" : "s were")} not counted"
            : "";
        context.Report(sections[0].TitleRange,
            $"The pre-mortem has {string.Join(", ", missing)}{placeholders}{context.ChangeSizeNote}. Label items \"Failure:\", \"Dependency:\" or \"Race:\", or group them under those headings",
            AddMissing(context, sections[0], required, tally) is { } fix ? [fix] : null);
    }

    /// <summary>
    /// The missing items as labelled placeholders after the section's last item (which stay findings
    /// until they are written); not for a pre-mortem grouped under part headings, where a labelled
    /// item could land under another part.
    /// </summary>
    private static Fix? AddMissing(RuleContext context, Section section, Domain.Configuration.PremortemCounts required, PremortemTally tally)
    {
        if (section.Parts.Count > 0 || section.Syntax == SectionSyntax.Trailer) return null;
        var lines = new List<string>();
        for (int i = tally.Failures; i < required.Failures; i++) lines.Add("- Failure: <how this could fail>");
        for (int i = tally.Dependencies; i < required.Dependencies; i++) lines.Add("- Dependency: <what might not exist>");
        for (int i = tally.Races; i < required.Races; i++) lines.Add("- Race: <what could happen at the same time>");
        var last = section.AllItems().LastOrDefault();
        int line = last?.LineRange.Start.Line ?? section.TitleRange.Start.Line;
        var end = new Text.Position(line, context.Text.LineEnd(line) - context.Text.LineStart(line));
        int missing = lines.Count;
        return new Fix($"Add the {missing} missing pre-mortem item{(missing == 1 ? "" : "s")}", [new TextEdit(Text.TextRange.Empty(end), "\n" + string.Join("\n", lines))]);
    }
}
