using CareerLsp.Core.Syntax;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Rules;

/// <summary>A document parsed for checking: its text and whichever model its kind has.</summary>
public sealed class ParsedDocument
{
    public required SourceText Text { get; init; }

    public required SectionedDocument Sections { get; init; }

    public CommitMessage? Commit { get; init; }

    public MarkdownDocument? Markdown { get; init; }

    public PatternLibrary? Patterns { get; init; }
}
