using CareerLsp.Core.Text;

namespace CareerLsp.Core.Syntax;

/// <summary>
/// Turns the flat stream of headings, list items and lines that a parser reads into sections.
/// Both the commit-message parser and the Markdown parser feed it, so the two agree on what a
/// section contains:
/// <list type="bullet">
/// <item>A title naming a top-level kind always starts a new section.</item>
/// <item>Inside a known section, a title naming one of its parts starts a part.</item>
/// <item>A deeper Markdown heading, or a colon heading under a Markdown heading, stays inside as a part.</item>
/// <item>A plain paragraph after a blank line ends a colon, bold or trailer section: prose that
/// follows a list is not an entry of it. List items after a blank line continue it.</item>
/// </list>
/// </summary>
internal sealed class SectionTreeBuilder
{
    private readonly SourceText _text;
    private readonly SectionVocabulary _vocabulary;
    private readonly List<Section> _sections = [];
    private Section? _section;
    private Section? _part;
    private readonly List<SectionItem> _itemStack = [];
    private bool _afterBlank;

    public SectionTreeBuilder(SourceText text, SectionVocabulary vocabulary)
    {
        _text = text;
        _vocabulary = vocabulary;
    }

    private Section Target => _part ?? _section ?? StartAnonymous(new Position(0, 0));

    public void Heading(string title, TextRange titleRange, SectionSyntax syntax, int level, TextRange lineRange)
    {
        var kind = _vocabulary.Resolve(title);
        SectionKind? part = _section?.Kind is { } parent ? _vocabulary.ResolvePart(parent, title) : null;
        bool staysInside = _section is not null && kind is null && (part is not null ||
            (_section.Syntax == SectionSyntax.MarkdownHeading &&
             (syntax != SectionSyntax.MarkdownHeading || level > _section.Level)));

        CloseItems();
        if (staysInside)
        {
            _part = new Section { Title = title, TitleRange = titleRange, Syntax = syntax, Level = level, Kind = part, End = lineRange.End };
            _section!.Parts.Add(_part);
            _section.End = lineRange.End;
        }
        else
        {
            _section = new Section { Title = title, TitleRange = titleRange, Syntax = syntax, Level = level, Kind = kind, End = lineRange.End };
            _part = null;
            _sections.Add(_section);
        }
        _afterBlank = false;
    }

    /// <summary>A list item at a nesting depth (0 for a top-level item).</summary>
    public SectionItem Item(string text, TextRange range, TextRange lineRange, int depth, bool? isChecked, TextRange? checkboxRange)
    {
        var target = Target;
        var item = new SectionItem
        {
            Text = text, Range = range, LineRange = lineRange, Depth = depth, Checked = isChecked,
            CheckboxRange = checkboxRange, IsListItem = true,
        };
        while (_itemStack.Count > 0 && _itemStack[^1].Depth >= depth) _itemStack.RemoveAt(_itemStack.Count - 1);
        if (_itemStack.Count > 0) _itemStack[^1].Children.Add(item);
        else target.Items.Add(item);
        _itemStack.Add(item);
        Extend(lineRange.End);
        _afterBlank = false;
        return item;
    }

    /// <summary>A line that continues the text of the previous list item.</summary>
    public bool Continuation(string text, TextRange lineRange)
    {
        if (_itemStack.Count == 0 || _afterBlank) return false;
        var item = _itemStack[^1];
        item.Text = item.Text.Length == 0 ? text.Trim() : item.Text + " " + text.Trim();
        Extend(lineRange.End);
        return true;
    }

    /// <summary>A plain line of a paragraph.</summary>
    public void Line(string text, TextRange range, TextRange lineRange)
    {
        bool endsSection = _afterBlank && _section is { Syntax: SectionSyntax.ColonHeading or SectionSyntax.BoldHeading or SectionSyntax.Trailer };
        if (endsSection) StartAnonymous(lineRange.Start);
        CloseItems();
        var item = new SectionItem { Text = text, Range = range, LineRange = lineRange };
        Target.Items.Add(item);
        Extend(lineRange.End);
        _afterBlank = false;
    }

    public void Blank() => _afterBlank = true;

    /// <summary>Adds a finished section (trailer sections are read separately).</summary>
    public void Add(Section section)
    {
        CloseItems();
        _sections.Add(section);
        _section = null;
        _part = null;
    }

    public SectionedDocument Build() => new(_text, _sections);

    private Section StartAnonymous(Position at)
    {
        CloseItems();
        _section = new Section { Title = string.Empty, TitleRange = TextRange.Empty(at), Syntax = SectionSyntax.None, End = at };
        _part = null;
        _sections.Add(_section);
        return _section;
    }

    private void CloseItems() => _itemStack.Clear();

    private void Extend(Position end)
    {
        if (_part is not null && end.CompareTo(_part.End) > 0) _part.End = end;
        if (_section is not null && end.CompareTo(_section.End) > 0) _section.End = end;
    }
}
