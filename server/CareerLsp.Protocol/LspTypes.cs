using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareerLsp.Protocol;

// The subset of LSP 3.17 that CareerLsp speaks. Constructor parameters are required when read
// (RespectRequiredConstructorParameters), so every member the specification marks optional has a
// default value here: clients such as VS Code leave them out.
// Property names follow the specification through the
// camelCase policy of LspJsonContext; null members are left out when writing.

public sealed record LspPosition(int Line, int Character);

public sealed record LspRange(LspPosition Start, LspPosition End);

public sealed record Location(string Uri, LspRange Range);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int? Version = null);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, LspPosition Position);

public sealed record WorkspaceFolder(string Uri, string Name);

public sealed record ClientInfo(string Name, string? Version = null);

public sealed record InitializeParams
{
    public int? ProcessId { get; init; }
    public ClientInfo? ClientInfo { get; init; }
    public string? RootUri { get; init; }
    public string? RootPath { get; init; }
    public JsonElement? InitializationOptions { get; init; }
    public JsonElement? Capabilities { get; init; }
    public string? Trace { get; init; }
    public WorkspaceFolder[]? WorkspaceFolders { get; init; }
}

public sealed record TextDocumentSyncOptions(bool OpenClose, int Change);

public sealed record CodeActionOptions(string[] CodeActionKinds);

public sealed record CompletionOptions(string[]? TriggerCharacters = null, bool? ResolveProvider = null);

public sealed record ServerCapabilities
{
    public string? PositionEncoding { get; init; }
    public TextDocumentSyncOptions? TextDocumentSync { get; init; }
    public CodeActionOptions? CodeActionProvider { get; init; }
    public bool? HoverProvider { get; init; }
    public CompletionOptions? CompletionProvider { get; init; }
    public bool? DocumentSymbolProvider { get; init; }
    public CodeLensOptions? CodeLensProvider { get; init; }
}

public sealed record ServerInfo(string Name, string? Version = null);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo? ServerInfo = null);

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

public sealed record TextDocumentContentChangeEvent
{
    public LspRange? Range { get; init; }
    public int? RangeLength { get; init; }
    public required string Text { get; init; }
}

public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, TextDocumentContentChangeEvent[] ContentChanges);

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, string? Text = null);

public sealed record CodeDescription(string Href);

public sealed record DiagnosticRelatedInformation(Location Location, string Message);

public sealed record Diagnostic
{
    public required LspRange Range { get; init; }
    public int? Severity { get; init; }
    public string? Code { get; init; }
    public CodeDescription? CodeDescription { get; init; }
    public string? Source { get; init; }
    public required string Message { get; init; }
    public DiagnosticRelatedInformation[]? RelatedInformation { get; init; }
    public JsonElement? Data { get; init; }
}

public sealed record PublishDiagnosticsParams(string Uri, Diagnostic[] Diagnostics, int? Version = null);

public sealed record TextEdit(LspRange Range, string NewText);

/// <summary>
/// Edits by document (<c>changes</c>), or as an ordered list that may create files
/// (<c>documentChanges</c>: <see cref="CreateFile"/> and <see cref="TextDocumentEdit"/>, serialised
/// one by one, since the list mixes kinds).
/// </summary>
public sealed record WorkspaceEdit(Dictionary<string, TextEdit[]>? Changes = null, JsonElement[]? DocumentChanges = null);

public sealed record OptionalVersionedTextDocumentIdentifier(string Uri, int? Version);

public sealed record TextDocumentEdit(OptionalVersionedTextDocumentIdentifier TextDocument, TextEdit[] Edits);

public sealed record CreateFileOptions(bool? Overwrite = null, bool? IgnoreIfExists = null);

public sealed record CreateFile(string Kind, string Uri, CreateFileOptions? Options = null);

public sealed record Command(string Title, [property: JsonPropertyName("command")] string CommandName, JsonElement[]? Arguments = null);

public sealed record CodeLensParams(TextDocumentIdentifier TextDocument);

public sealed record CodeLens(LspRange Range, Command? Command = null);

public sealed record CodeLensOptions(bool? ResolveProvider = null);

public sealed record CodeActionContext(Diagnostic[] Diagnostics, string[]? Only = null);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, LspRange Range, CodeActionContext Context);

public sealed record CodeAction
{
    public required string Title { get; init; }
    public string? Kind { get; init; }
    public Diagnostic[]? Diagnostics { get; init; }
    public bool? IsPreferred { get; init; }
    public WorkspaceEdit? Edit { get; init; }
}

public sealed record MarkupContent(string Kind, string Value);

public sealed record Hover(MarkupContent Contents, LspRange? Range = null);

public sealed record CompletionParams(TextDocumentIdentifier TextDocument, LspPosition Position);

public sealed record CompletionItem
{
    public required string Label { get; init; }
    public int? Kind { get; init; }
    public string? Detail { get; init; }
    public MarkupContent? Documentation { get; init; }
    public string? InsertText { get; init; }
    public string? FilterText { get; init; }
    public string? SortText { get; init; }
    public TextEdit? TextEdit { get; init; }
}

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

public sealed record DocumentSymbol
{
    public required string Name { get; init; }
    public string? Detail { get; init; }
    public required int Kind { get; init; }
    public required LspRange Range { get; init; }
    public required LspRange SelectionRange { get; init; }
    public DocumentSymbol[]? Children { get; init; }
}

public sealed record ConfigurationItem(string? ScopeUri = null, string? Section = null);

public sealed record ConfigurationParams(ConfigurationItem[] Items);

public sealed record DidChangeConfigurationParams(JsonElement? Settings = null);

public sealed record FileSystemWatcher(string GlobPattern, int? Kind = null);

public sealed record DidChangeWatchedFilesRegistrationOptions(FileSystemWatcher[] Watchers);

public sealed record Registration(string Id, string Method, JsonElement? RegisterOptions = null);

public sealed record RegistrationParams(Registration[] Registrations);

public sealed record FileEvent(string Uri, int Type);

public sealed record DidChangeWatchedFilesParams(FileEvent[] Changes);

public sealed record SetTraceParams(string Value);

public sealed record LogTraceParams(string Message, string? Verbose = null);

public sealed record LogMessageParams(int Type, string Message);

public sealed record WorkDoneProgressCreateParams(JsonElement Token);

public sealed record ApplyWorkspaceEditParams(WorkspaceEdit Edit, string? Label = null);

public sealed record ApplyWorkspaceEditResult(bool Applied, string? FailureReason = null);

/// <summary>Nothing: the params of <c>shutdown</c>, the result of a request that returns null.</summary>
public sealed record Empty;

/// <summary>Source-generated serialisation for every LSP type: no reflection at run time.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = false,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidSaveTextDocumentParams))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(Diagnostic[]))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(CodeAction[]))]
[JsonSerializable(typeof(TextDocumentPositionParams))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(CompletionParams))]
[JsonSerializable(typeof(CompletionItem[]))]
[JsonSerializable(typeof(DocumentSymbolParams))]
[JsonSerializable(typeof(DocumentSymbol[]))]
[JsonSerializable(typeof(ConfigurationParams))]
[JsonSerializable(typeof(DidChangeConfigurationParams))]
[JsonSerializable(typeof(RegistrationParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesRegistrationOptions))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(SetTraceParams))]
[JsonSerializable(typeof(LogTraceParams))]
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(WorkDoneProgressCreateParams))]
[JsonSerializable(typeof(ApplyWorkspaceEditParams))]
[JsonSerializable(typeof(ApplyWorkspaceEditResult))]
[JsonSerializable(typeof(Empty))]
[JsonSerializable(typeof(CreateFile))]
[JsonSerializable(typeof(TextDocumentEdit))]
[JsonSerializable(typeof(CodeLensParams))]
[JsonSerializable(typeof(CodeLens[]))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonElement[]))]
public sealed partial class LspJsonContext : JsonSerializerContext;
