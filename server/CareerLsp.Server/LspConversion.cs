using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Text;
using CareerLsp.Protocol;
using LspDiagnostic = CareerLsp.Protocol.Diagnostic;
using LspTextEdit = CareerLsp.Protocol.TextEdit;

namespace CareerLsp.Server;

/// <summary>
/// The one place that knows both the engine's findings and LSP (docs/dev/style.md, "One layer
/// knows LSP"): findings become diagnostics, fixes become code actions with a WorkspaceEdit, ranges
/// become LSP ranges.
/// </summary>
internal static class LspConversion
{
    public const string Source = "careerlsp";

    /// <summary>
    /// Where rule documentation lives: the README published beside the server, whose rules table has
    /// an anchor per slug. A file URI, so the link works offline and matches the installed version.
    /// </summary>
    public static string DocumentationBase { get; set; } = new Uri(AppContext.BaseDirectory).AbsoluteUri;

    public static LspRange ToLsp(TextRange range) =>
        new(new LspPosition(range.Start.Line, range.Start.Character), new LspPosition(range.End.Line, range.End.Character));

    public static TextRange FromLsp(LspRange range) =>
        new(new Position(range.Start.Line, range.Start.Character), new Position(range.End.Line, range.End.Character));

    public static int ToLsp(Severity severity) => severity switch
    {
        Severity.Error => 1,
        Severity.Warning => 2,
        Severity.Info => 3,
        _ => 4,
    };

    public static LspDiagnostic ToDiagnostic(Finding finding, string uri) => new()
    {
        Range = ToLsp(finding.Range),
        Severity = ToLsp(finding.Severity),
        Code = finding.Rule.Id,
        CodeDescription = new CodeDescription(DocumentationBase + finding.Rule.DocumentationPath),
        Source = Source,
        Message = $"{finding.Message} ({finding.Rule.Slug})",
        RelatedInformation = finding.Related.Count == 0 ? null : finding.Related
            .Select(r => new DiagnosticRelatedInformation(new Location(r.File is null ? uri : new Uri(r.File).AbsoluteUri, ToLsp(r.Range)), r.Message))
            .ToArray(),
    };

    public static CodeAction ToCodeAction(Fix fix, Finding finding, string uri) => new()
    {
        Title = fix.Title,
        Kind = "quickfix",
        Diagnostics = [ToDiagnostic(finding, uri)],
        IsPreferred = fix.IsPreferred || finding.Fixes.Count == 1 ? true : null,
        Edit = new WorkspaceEdit(new Dictionary<string, LspTextEdit[]>
        {
            [uri] = fix.Edits.Select(e => new LspTextEdit(ToLsp(e.Range), e.NewText)).ToArray(),
        }),
    };
}
