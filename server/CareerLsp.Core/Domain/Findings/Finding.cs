using CareerLsp.Core.Text;

namespace CareerLsp.Core.Domain.Findings;

/// <summary>How much a finding matters. <see cref="Off"/> disables a rule.</summary>
public enum Severity
{
    Off,
    Hint,
    Info,
    Warning,
    Error,
}

/// <summary>
/// A place elsewhere that explains a finding (for example the first of two duplicates). A <c>null</c>
/// file means the document the finding is in.
/// </summary>
public sealed record RelatedInformation(string? File, TextRange Range, string Message);

/// <summary>A replacement of a range of the document by new text.</summary>
public sealed record TextEdit(TextRange Range, string NewText);

/// <summary>A named set of edits that resolves (or starts resolving) a finding.</summary>
public sealed record Fix(string Title, IReadOnlyList<TextEdit> Edits)
{
    /// <summary>The fix to apply when there is a choice (an editor's "auto fix"); a finding's only fix is preferred anyway.</summary>
    public bool IsPreferred { get; init; }
}

/// <summary>
/// What a rule says about a document. This is the engine's own type: the CLI and the language
/// server each convert it at their edge and nothing else in the engine knows about either.
/// </summary>
public sealed record Finding(RuleDescriptor Rule, Severity Severity, TextRange Range, string Message)
{
    public IReadOnlyList<RelatedInformation> Related { get; init; } = [];

    public IReadOnlyList<Fix> Fixes { get; init; } = [];
}
