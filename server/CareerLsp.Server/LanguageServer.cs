using System.Text.Json;
using System.Threading.Channels;
using CareerLsp.Protocol;
using CareerLsp.Workspace;
using CareerLsp.Core.Text;

namespace CareerLsp.Server;

/// <summary>
/// CareerLsp's language server: wires the protocol connection to the document store, the analyzer
/// and the features. Diagnostics are pushed (<c>textDocument/publishDiagnostics</c>, which VS Code's
/// commit box needs) from one background worker, only when they changed.
/// </summary>
public sealed class LanguageServer
{
    private static readonly JsonSerializerOptions CompareOptions = new();
    private readonly Connection _connection;
    private readonly DocumentStore _documents = new();
    private readonly RootContexts _roots;
    private readonly Analyzer _analyzer;
    private readonly Channel<string> _dirty = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, string> _published = new(StringComparer.Ordinal);
    private readonly List<string> _workspaceFolders = [];
    private bool _canPullConfiguration;
    private bool _canWatchFiles;
    private bool _canCreateFiles;

    /// <summary>The workspace's pattern libraries: their diagnostics are published from disk while they are not open.</summary>
    private readonly HashSet<string> _libraryUris = new(StringComparer.Ordinal);
    private readonly object _librariesGate = new();

    public LanguageServer(Connection connection)
    {
        _connection = connection;
        _roots = new RootContexts(connection.Log, _documents.GetByPath);
        _analyzer = new Analyzer(_roots, () => _workspaceFolders);
        var lsp = LspJsonContext.Default;

        connection.OnRequest("initialize", lsp.InitializeParams, lsp.InitializeResult, (p, _) => Task.FromResult(Initialize(p)));
        connection.OnNotification("initialized", lsp.JsonElement, _ => Track(InitializedAsync()));
        connection.OnNotification("textDocument/didOpen", lsp.DidOpenTextDocumentParams, p => Schedule(_documents.Open(p.TextDocument).Uri));
        connection.OnNotification("textDocument/didChange", lsp.DidChangeTextDocumentParams, DidChange);
        connection.OnNotification("textDocument/didClose", lsp.DidCloseTextDocumentParams, DidClose);
        connection.OnNotification("textDocument/didSave", lsp.DidSaveTextDocumentParams, _ => { });
        connection.OnNotification("workspace/didChangeConfiguration", lsp.DidChangeConfigurationParams, p => Track(ConfigurationChangedAsync(p.Settings)));
        connection.OnNotification("workspace/didChangeWatchedFiles", lsp.DidChangeWatchedFilesParams, _ => RecheckAll());

        var features = new Features(_documents, _analyzer, _roots, () => _canCreateFiles);
        connection.OnRequest("textDocument/codeLens", lsp.CodeLensParams, lsp.CodeLensArray, features.CodeLensAsync);
        connection.OnRequest("textDocument/codeAction", lsp.CodeActionParams, lsp.CodeActionArray, features.CodeActionsAsync);
        connection.OnRequest("textDocument/hover", lsp.TextDocumentPositionParams, lsp.Hover, features.HoverAsync);
        connection.OnRequest("textDocument/completion", lsp.CompletionParams, lsp.CompletionItemArray, features.CompletionAsync);
        connection.OnRequest("textDocument/documentSymbol", lsp.DocumentSymbolParams, lsp.DocumentSymbolArray, features.DocumentSymbolsAsync);
        connection.OnRequest(CustomRequests.Plan, PlanJsonContext.Default.PlanRequest, PlanJsonContext.Default.PlanView, (p, _) => Task.Run(() => Plan(p)));
        connection.OnRequest(CustomRequests.Report, ReportJsonContext.Default.ReportRequest, ReportJsonContext.Default.ReportView, (p, _) => Task.Run(() => Report(p)));
    }

    /// <summary>The workspace directory a custom request names (<c>uri</c>: a folder or a file in it), else the first folder.</summary>
    private string RequestDirectory(string method, string? uri)
    {
        string? directory = uri is { } u
            ? ToPath(u) is { } path ? (Directory.Exists(path) ? path : Path.GetDirectoryName(path)) : throw new LspException(ErrorCodes.InvalidParams, $"{method}: {u} is not a file URI")
            : _workspaceFolders.FirstOrDefault();
        return directory ?? throw new LspException(ErrorCodes.InvalidParams, $"{method}: no workspace folder is open; pass a uri");
    }

    private static DateOnly? RequestDay(string method, string? text, string name) =>
        text is null ? null
        : IsoDate.TryParse(text, out var day) ? day
        : throw new LspException(ErrorCodes.InvalidParams, $"{method}: {name} takes a date as YYYY-MM-DD, not \"{text}\"");

    /// <summary><c>careerLsp/report</c>: the habit report of the workspace's repository as one self-contained page (the progress view shows it).</summary>
    private ReportView Report(ReportRequest request)
    {
        const string method = CustomRequests.Report;
        string directory = RequestDirectory(method, request.Uri);
        var from = RequestDay(method, request.Since, "since");
        var to = RequestDay(method, request.Until, "until");
        System.Text.RegularExpressions.Regex? author = null;
        if (request.Author is { } pattern)
        {
            try
            {
                author = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw new LspException(ErrorCodes.InvalidParams, $"{method}: author is not a regular expression: {e.Message}");
            }
        }
        var root = _roots.For(directory);
        try
        {
            var repository = Repository.Discover(root.WorkTreeRoot ?? directory)
                ?? throw new LspException(ErrorCodes.RequestFailed, $"{method}: {directory} is not in a git repository");
            var report = HabitReports.Build(repository, root.Config.Config, root.Config.Result?.Text, from, to, author);
            var html = new StringWriter { NewLine = "\n" };
            string name = Path.GetFileName(repository.Root);
            ReportRendering.WriteHtml(html, report, name, HabitReports.Ratings(repository.Root, root.Config.Config));
            return new ReportView(html.ToString(), report.Totals.Commits, report.Weeks.Count, name);
        }
        catch (Exception e) when (e is InputException or GitException)
        {
            throw new LspException(ErrorCodes.RequestFailed, $"{method}: {e.Message}");
        }
    }

    /// <summary>
    /// <c>careerLsp/plan</c>: the workspace's training plan, today's units and the routines, in the
    /// shape <c>careerlsp plan --format json</c> prints. An open plan is read as the editor has it.
    /// </summary>
    private PlanView Plan(PlanRequest request)
    {
        const string method = CustomRequests.Plan;
        string directory = RequestDirectory(method, request.Uri);
        var today = RequestDay(method, request.Today, "today") ?? DateOnly.FromDateTime(DateTime.Now);
        var root = _roots.For(directory);
        string top = root.WorkTreeRoot ?? directory;
        try
        {
            var repository = root.WorkTreeRoot is not null ? Repository.Discover(top) : null;
            var loaded = PlanSource.Load(top, root.Config.Config, repository, null, RequestDay(method, request.Start, "start"), today, path => _documents.GetByPath(path)?.Text.Text);
            return PlanView.From(loaded, today, root.Config.Config.ReviewFolder);
        }
        catch (Exception e) when (e is InputException or GitException)
        {
            throw new LspException(ErrorCodes.RequestFailed, e.Message);
        }
    }

    /// <summary>Serves one client over the streams until <c>exit</c>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter log)
    {
        var connection = new Connection(input, output, log);
        var server = new LanguageServer(connection);
        var worker = Task.Run(server.PublishLoopAsync);
        int code = await connection.RunAsync().ConfigureAwait(false);
        server._dirty.Writer.TryComplete();
        await Task.WhenAny(worker, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
        return code;
    }

    private InitializeResult Initialize(InitializeParams p)
    {
        if (p.WorkspaceFolders is { } folders)
            foreach (var folder in folders) if (ToPath(folder.Uri) is { } path) _workspaceFolders.Add(path);
        if (_workspaceFolders.Count == 0 && p.RootUri is { } root && ToPath(root) is { } rootPath) _workspaceFolders.Add(rootPath);
        if (_workspaceFolders.Count == 0 && p.RootPath is { } legacy) _workspaceFolders.Add(legacy);
        if (p.Trace is { } trace) _connection.Trace = trace;

        if (p.Capabilities is { ValueKind: JsonValueKind.Object } capabilities && capabilities.TryGetProperty("workspace", out var workspace))
        {
            _canPullConfiguration = workspace.TryGetProperty("configuration", out var c) && c.ValueKind == JsonValueKind.True;
            _canWatchFiles = workspace.TryGetProperty("didChangeWatchedFiles", out var w) && w.ValueKind == JsonValueKind.Object &&
                             w.TryGetProperty("dynamicRegistration", out var d) && d.ValueKind == JsonValueKind.True;
            // Creating COMMON_PATTERNS.md from a quick fix needs documentChanges with a create operation.
            _canCreateFiles = workspace.TryGetProperty("workspaceEdit", out var edit) && edit.ValueKind == JsonValueKind.Object &&
                              edit.TryGetProperty("documentChanges", out var dc) && dc.ValueKind == JsonValueKind.True &&
                              edit.TryGetProperty("resourceOperations", out var ops) && ops.ValueKind == JsonValueKind.Array &&
                              ops.EnumerateArray().Any(o => o.ValueKind == JsonValueKind.String && o.GetString() == "create");
        }
        if (p.InitializationOptions is { ValueKind: JsonValueKind.Object } options) ApplySettings(options);

        return new InitializeResult(
            new ServerCapabilities
            {
                PositionEncoding = "utf-16",
                TextDocumentSync = new TextDocumentSyncOptions(OpenClose: true, Change: 2),
                CodeActionProvider = new CodeActionOptions(["quickfix"]),
                HoverProvider = true,
                CompletionProvider = new CompletionOptions([":", "#", "-", " "], false),
                DocumentSymbolProvider = true,
                CodeLensProvider = new CodeLensOptions(false),
            },
            new ServerInfo("careerlsp", typeof(LanguageServer).Assembly.GetName().Version?.ToString(3)));
    }

    private async Task InitializedAsync()
    {
        if (_canWatchFiles)
        {
            // The configuration file, and the pattern library wherever it is configured to be.
            var globs = new SortedSet<string>(StringComparer.Ordinal) { "**/.careerlsp.json", "**/COMMON_PATTERNS.md" };
            foreach (var folder in _workspaceFolders) globs.Add("**/" + _roots.For(folder).Config.Config.PatternLibraryRelativePath);
            var options = JsonSerializer.SerializeToElement(
                new DidChangeWatchedFilesRegistrationOptions(globs.Select(g => new Protocol.FileSystemWatcher(g, null)).ToArray()),
                LspJsonContext.Default.DidChangeWatchedFilesRegistrationOptions);
            try
            {
                await _connection.SendRequestAsync("client/registerCapability",
                    new RegistrationParams([new Registration("careerlsp-config-watcher", "workspace/didChangeWatchedFiles", options)]),
                    LspJsonContext.Default.RegistrationParams, LspJsonContext.Default.JsonElement).ConfigureAwait(false);
            }
            catch (ResponseErrorException e)
            {
                _connection.Log($"the client refused to watch .careerlsp.json and COMMON_PATTERNS.md ({e.Message}); edits to them apply after a restart");
            }
        }
        else
        {
            _connection.Log("the client cannot watch files: the pattern library's diagnostics update when it is open or the server restarts (hints read it on every check)");
        }
        await PullConfigurationAsync().ConfigureAwait(false);
        FindLibraries();
    }

    /// <summary>
    /// Finds each workspace folder's pattern library and schedules its diagnostics: a library is
    /// checked whether or not it is open, from the disk when it is not.
    /// </summary>
    private void FindLibraries()
    {
        var found = new List<string>();
        foreach (var folder in _workspaceFolders.ToArray())
        {
            if (_roots.For(folder).LibraryPath is { } path && File.Exists(path)) found.Add(new Uri(path).AbsoluteUri);
        }
        lock (_librariesGate)
        {
            foreach (var gone in _libraryUris.Except(found).ToArray()) Schedule(gone);
            _libraryUris.Clear();
            _libraryUris.UnionWith(found);
        }
        foreach (var uri in found) Schedule(uri);
    }

    private bool IsLibrary(string uri)
    {
        lock (_librariesGate) return _libraryUris.Contains(uri);
    }

    private async Task ConfigurationChangedAsync(JsonElement? settings)
    {
        if (_canPullConfiguration) await PullConfigurationAsync().ConfigureAwait(false);
        else if (settings is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("careerlsp", out var section)) ApplySettings(section);
        RecheckAll();
    }

    /// <summary>Asks the client for the <c>careerlsp</c> settings section (<c>workspace/configuration</c>).</summary>
    private async Task PullConfigurationAsync()
    {
        if (!_canPullConfiguration) return;
        try
        {
            var sections = await _connection.SendRequestAsync("workspace/configuration",
                new ConfigurationParams([new ConfigurationItem(null, "careerlsp")]),
                LspJsonContext.Default.ConfigurationParams, LspJsonContext.Default.JsonElementArray).ConfigureAwait(false);
            if (sections is [{ ValueKind: JsonValueKind.Object } settings, ..]) ApplySettings(settings);
        }
        catch (ResponseErrorException e)
        {
            _connection.Log($"workspace/configuration failed: {e.Message}");
        }
    }

    /// <summary>Settings the extension forwards: <c>configFile</c> (a .careerlsp.json to use instead of discovery).</summary>
    private void ApplySettings(JsonElement settings)
    {
        string? file = settings.TryGetProperty("configFile", out var f) && f.ValueKind == JsonValueKind.String && f.GetString()!.Length > 0
            ? f.GetString()
            : null;
        if (file == _roots.ConfigFileOverride) return;
        _roots.ConfigFileOverride = file;
        RecheckAll();
    }

    private void DidChange(DidChangeTextDocumentParams change)
    {
        var problems = new List<string>();
        var document = _documents.Change(change, problems);
        foreach (var problem in problems) _connection.Log($"{change.TextDocument.Uri}: {problem}");
        if (document is null)
        {
            _connection.Log($"didChange for {change.TextDocument.Uri}, which is not open; ignored");
            return;
        }
        Schedule(document.Uri);
        // The open library is what the hints in commit messages and PR drafts read: re-check them
        // once typing in it pauses, not on every keystroke (the library's own diagnostics come first).
        if (IsLibrary(document.Uri)) DependentsTimer.Change(DependentsDelay, Timeout.InfiniteTimeSpan);
    }

    private static readonly TimeSpan DependentsDelay = TimeSpan.FromMilliseconds(300);

    private Timer? _dependentsTimer;

    private Timer DependentsTimer => _dependentsTimer ??= new Timer(_ =>
    {
        foreach (var other in _documents.All()) if (!IsLibrary(other.Uri)) Schedule(other.Uri);
    });

    private void DidClose(DidCloseTextDocumentParams p)
    {
        _documents.Close(p.TextDocument.Uri);
        _analyzer.Forget(p.TextDocument.Uri);
        Schedule(p.TextDocument.Uri);
    }

    /// <summary>Configuration changed: forget what was read and check every open document again.</summary>
    private void RecheckAll()
    {
        _roots.Reset();
        _analyzer.ForgetAll();
        foreach (var document in _documents.All()) Schedule(document.Uri);
        FindLibraries();
    }

    private void Schedule(string uri) => _dirty.Writer.TryWrite(uri);

    /// <summary>
    /// One worker: takes every document marked dirty (coalescing repeats), analyses its current
    /// version and publishes when the diagnostics differ from what the client already has.
    /// </summary>
    private async Task PublishLoopAsync()
    {
        var batch = new HashSet<string>(StringComparer.Ordinal);
        while (await _dirty.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (_dirty.Reader.TryRead(out var uri)) batch.Add(uri);
            foreach (var uri in batch)
            {
                try
                {
                    await PublishAsync(uri).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    _connection.Log($"checking {uri} failed: {e}");
                }
            }
        }
    }

    private async Task PublishAsync(string uri)
    {
        var document = _documents.Get(uri) ?? (IsLibrary(uri) ? ReadFromDisk(uri) : null);
        Diagnostic[] diagnostics;
        int? version = null;
        if (document is null)
        {
            diagnostics = [];
        }
        else
        {
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            var analysis = _analyzer.Analyze(document);
            diagnostics = analysis.Findings.Select(f => LspConversion.ToDiagnostic(f, uri)).ToArray();
            version = document.Version < 0 ? null : document.Version;
            if (_connection.Trace != "off")
                await _connection.LogTraceAsync(
                $"checked {uri} version {version} as {analysis.Classification.Kind}: {diagnostics.Length} finding(s) in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0} ms",
                string.Join("\n", analysis.Findings.Select(f => $"{f.Range.Start}: {f.Rule.Slug}: {f.Message}"))).ConfigureAwait(false);
        }
        string key = JsonSerializer.Serialize(diagnostics, LspJsonContext.Default.DiagnosticArray);
        if (_published.TryGetValue(uri, out var previous) && previous == key)
        {
            if (document is null) _published.Remove(uri);
            return;
        }
        if (document is null) _published.Remove(uri);
        else _published[uri] = key;
        await _connection.SendNotificationAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, diagnostics, version),
            LspJsonContext.Default.PublishDiagnosticsParams).ConfigureAwait(false);
    }

    /// <summary>A closed library as a document (version -1: not the client's), or <c>null</c> when it is gone.</summary>
    private OpenDocument? ReadFromDisk(string uri)
    {
        if (ToPath(uri) is not { } path || !File.Exists(path)) return null;
        try
        {
            var text = Workspace.DocumentReader.ReadFile(path);
            return new OpenDocument(uri, "markdown", -1, new Core.Text.SourceText(text.Text));
        }
        catch (Workspace.InputException e)
        {
            _connection.Log($"{path}: {e.Message}");
            return null;
        }
    }

    private void Track(Task task) => task.ContinueWith(t => _connection.Log($"background work failed: {t.Exception!.GetBaseException()}"),
        CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private static string? ToPath(string uri) => Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.IsFile ? u.LocalPath : null;
}
