using CareerLsp.Core.Text;

namespace CareerLsp.Core.Syntax;

/// <summary>How a section's title was written.</summary>
public enum SectionSyntax
{
    /// <summary>Text before any heading.</summary>
    None,

    /// <summary>A line such as <c>Sources Consulted:</c>, optionally with a value after the colon.</summary>
    ColonHeading,

    /// <summary>A Markdown ATX or setext heading.</summary>
    MarkdownHeading,

    /// <summary>A paragraph that is only bold text, such as <c>**Pre-mortem**</c>.</summary>
    BoldHeading,

    /// <summary>A git trailer such as <c>Sources-Consulted: https://…</c>.</summary>
    Trailer,
}

/// <summary>One entry of a section: a list item, a line of a paragraph, or a trailer value.</summary>
public sealed class SectionItem
{
    public required string Text { get; set; }

    /// <summary>The range of the item's text (after any list marker and checkbox).</summary>
    public required TextRange Range { get; init; }

    /// <summary>The range of the whole line, marker included.</summary>
    public required TextRange LineRange { get; init; }

    public int Depth { get; init; }

    /// <summary><c>true</c>/<c>false</c> for a task-list item, <c>null</c> otherwise.</summary>
    public bool? Checked { get; init; }

    /// <summary>Range of the <c>[ ]</c> checkbox, when there is one.</summary>
    public TextRange? CheckboxRange { get; init; }

    public bool IsListItem { get; init; }

    public List<SectionItem> Children { get; } = [];
}

/// <summary>A titled part of a document and what is under it.</summary>
public sealed class Section
{
    public required string Title { get; init; }

    public required TextRange TitleRange { get; init; }

    public required SectionSyntax Syntax { get; init; }

    /// <summary>Heading level for Markdown headings; 0 otherwise.</summary>
    public int Level { get; init; }

    /// <summary>What the title names, or <c>null</c> for a section the habits do not know.</summary>
    public SectionKind? Kind { get; init; }

    public List<SectionItem> Items { get; } = [];

    /// <summary>Parts of this section (for example <c>Race conditions:</c> under a pre-mortem).</summary>
    public List<Section> Parts { get; } = [];

    /// <summary>The position after the last line that belongs to the section.</summary>
    public Position End { get; set; }

    /// <summary>Every item at any depth, including those in parts, in document order.</summary>
    public IEnumerable<SectionItem> AllItems()
    {
        foreach (var item in Flatten(Items)) yield return item;
        foreach (var part in Parts)
            foreach (var item in part.AllItems()) yield return item;
    }

    private static IEnumerable<SectionItem> Flatten(IEnumerable<SectionItem> items)
    {
        foreach (var item in items)
        {
            yield return item;
            foreach (var child in Flatten(item.Children)) yield return child;
        }
    }
}

/// <summary>A document as a list of sections, whatever syntax it was written in.</summary>
public sealed class SectionedDocument
{
    public SectionedDocument(SourceText text, IReadOnlyList<Section> sections)
    {
        Text = text;
        Sections = sections;
    }

    public SourceText Text { get; }

    /// <summary>Top-level sections in document order (trailer sections come last).</summary>
    public IReadOnlyList<Section> Sections { get; }

    public IEnumerable<Section> SectionsOf(SectionKind kind) => Sections.Where(s => s.Kind == kind);
}
