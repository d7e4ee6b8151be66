using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Rules.Habits;

/// <summary>The sections that list what was read, and their entries: the four citation rules share it.</summary>
internal static class CitationEntries
{
    public static IEnumerable<Section> Sections(RuleContext context) => context.Kind == DocumentKinds.CommitMessage
        ? context.Sections.SectionsOf(SectionKind.Sources)
        : context.Sections.Sections.Where(s => s.Kind == SectionKind.DocumentationReviewed || s.Kind == SectionKind.Sources);

    /// <summary>The top-level entries of each citation section; nested items are details of their parent.</summary>
    public static IEnumerable<(Section Section, SectionItem Item)> Entries(RuleContext context)
    {
        foreach (var section in Sections(context))
        {
            foreach (var item in section.Items) yield return (section, item);
            foreach (var part in section.Parts)
                foreach (var item in part.Items) yield return (section, item);
        }
    }

    public static Citation Classify(RuleContext context, SectionItem item) => Citations.Classify(item.Text, context.Options.PathExists);
}
