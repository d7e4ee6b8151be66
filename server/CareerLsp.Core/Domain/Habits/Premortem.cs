using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Domain.Habits;

/// <summary>One item of a pre-mortem: what kind it is, and its text without the kind's label.</summary>
public sealed record PremortemItem(SectionItem Item, SectionKind Kind, string Content);

/// <summary>How many real items of each kind a pre-mortem has, and how many were placeholders.</summary>
public sealed record PremortemTally(int Failures, int Dependencies, int Races, int Placeholders)
{
    public int Of(SectionKind kind) =>
        kind == SectionKind.Dependencies ? Dependencies : kind == SectionKind.Races ? Races : Failures;
}

/// <summary>
/// Reads a pre-mortem. An item's kind comes from the part it is in (<c>Race conditions:</c>), from a
/// labelled parent item (<c>- Ways this could fail:</c> with items under it), or from its own prefix
/// (<c>Dependency: the API</c>); an item with none of these counts as a way the change could fail.
/// Details nested under an item are not counted again.
/// </summary>
public static class Premortem
{
    public static PremortemTally Tally(IEnumerable<Section> sections, SectionVocabulary vocabulary)
    {
        int failures = 0, dependencies = 0, races = 0, placeholders = 0;
        foreach (var item in Items(sections, vocabulary))
        {
            if (Placeholders.IsPlaceholder(item.Content)) placeholders++;
            else if (item.Kind == SectionKind.Dependencies) dependencies++;
            else if (item.Kind == SectionKind.Races) races++;
            else failures++;
        }
        return new PremortemTally(failures, dependencies, races, placeholders);
    }

    /// <summary>
    /// The pre-mortem's items with their kind and their text without the kind's label; labelled
    /// parent items (<c>- Race conditions:</c>) are not items themselves.
    /// </summary>
    public static IEnumerable<PremortemItem> Items(IEnumerable<Section> sections, SectionVocabulary vocabulary)
    {
        IEnumerable<PremortemItem> Walk(IEnumerable<SectionItem> items, SectionKind inherited)
        {
            foreach (var item in items)
            {
                string text = Placeholders.Clean(item.Text);
                var label = vocabulary.ResolvePart(SectionKind.Premortem, text.TrimEnd(':'));
                if (label is not null && (item.Children.Count > 0 || text.EndsWith(':')))
                {
                    foreach (var child in Walk(item.Children, label)) yield return child;
                    continue;
                }
                if (vocabulary.ResolvePartPrefix(SectionKind.Premortem, text) is { } prefixed)
                    yield return new PremortemItem(item, prefixed.Kind, prefixed.Remainder);
                else
                    yield return new PremortemItem(item, inherited, text);
            }
        }

        foreach (var section in sections)
        {
            foreach (var item in Walk(section.Items, SectionKind.Failures)) yield return item;
            foreach (var part in section.Parts)
                foreach (var item in Walk(part.Items, part.Kind ?? SectionKind.Failures)) yield return item;
        }
    }

    /// <summary>
    /// The counts asked of this document: the surface's counts, scaled by the change's size when it is
    /// known. A factor of 0 (a trivial change) asks for nothing; otherwise at least one failure.
    /// </summary>
    public static PremortemCounts Required(DocumentKinds kind, CareerLspConfig config, ChangeSize? change)
    {
        var full = kind == DocumentKinds.CommitMessage ? config.CommitPremortem : config.PrPremortem;
        if (change is not { } size) return full;
        foreach (var tier in config.Scaling)
        {
            if (size.Lines > tier.UpToLines) continue;
            if (tier.Factor <= 0) return new PremortemCounts(0, 0, 0);
            int Scale(int n) => (int)Math.Round(n * tier.Factor, MidpointRounding.AwayFromZero);
            return new PremortemCounts(full.Failures > 0 ? Math.Max(1, Scale(full.Failures)) : 0, Scale(full.Dependencies), Scale(full.Races));
        }
        return full;
    }

    /// <summary>Describes the size the requirement was scaled for, for messages.</summary>
    public static string SizeNote(ChangeSize? change) =>
        change is { } size ? $" for a change of {size.Lines} line{(size.Lines == 1 ? "" : "s")} in {size.Files} file{(size.Files == 1 ? "" : "s")}" : "";
}
