using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Domain.History;
using CareerLsp.Core.Domain.Library;
using CareerLsp.Core.Rules;
using CareerLsp.Core.Syntax;
using CareerLsp.Workspace;

namespace CareerLsp.Server;

/// <summary>What checking needs about one repository: its configuration and git's view of it.</summary>
internal sealed class RootContext : ICheckInputSource
{
    private static readonly TimeSpan GitFreshness = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SourcesFreshness = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan HistoryFreshness = TimeSpan.FromSeconds(30);
    private CommitContext? _commit;
    private ChangeEvidence? _stagedChange;
    private PatternSource? _patterns;
    private object? _patternsStamp;
    private PatternHistory? _history;
    private DateTime _historyReadAt;
    private Dictionary<string, int>? _citations;
    private DateTime _citationsReadAt;
    private readonly Func<string, OpenDocument?> _openDocument;
    private IReadOnlyList<CitedSource>? _sources;
    private DateTime _sourcesReadAt;
    private DateTime _commitReadAt;
    private readonly object _gate = new();

    public RootContext(string directory, LoadedConfig config, Func<string, OpenDocument?> openDocument)
    {
        Directory = directory;
        Config = config;
        _openDocument = openDocument;
        _workTreeRoot = new Lazy<string?>(() => WorkTree.FindRoot(directory));
    }

    public string Directory { get; }

    public LoadedConfig Config { get; }

    /// <summary>
    /// The repository, comment character and staged size, read with git and kept for a few seconds:
    /// typing in the commit box must not start three git processes per keystroke.
    /// </summary>
    public CommitContext Commit()
    {
        lock (_gate)
        {
            if (_commit is null || DateTime.UtcNow - _commitReadAt > GitFreshness)
            {
                try
                {
                    // The staged diff is read alongside, only when there is a library to match it against.
                    _commit = Repository.ReadCommitContext(Directory, withDiff: LibraryPath is { } library && File.Exists(library),
                        fixForwardWindow: Core.Domain.History.FixForward.WindowFor(Config.Config));
                }
                catch (GitException)
                {
                    _commit = new CommitContext(null, CommitParseOptions.Default, null);
                }
                _stagedChange = _commit.StagedDiff is { } diff ? ChangeEvidence.FromDiff(diff, ignoredPath: Config.Config.PatternLibraryRelativePath) : null;
                _commitReadAt = DateTime.UtcNow;
            }
            return _commit;
        }
    }

    /// <summary>
    /// Sources cited in the last 100 commits' Sources Consulted sections, most often cited first
    /// (then most recent), for completion. Placeholders and vague entries are left out.
    /// </summary>
    public IReadOnlyList<CitedSource> RecentSources()
    {
        lock (_gate)
        {
            if (_sources is not null && DateTime.UtcNow - _sourcesReadAt < SourcesFreshness) return _sources;
            _sourcesReadAt = DateTime.UtcNow;
            _sources = [];
            try
            {
                if (Repository.Discover(Directory) is not { HasCommits: true } repository) return _sources;
                var counts = new Dictionary<string, (int Count, int Newest)>(StringComparer.Ordinal);
                var commits = repository.Commits("HEAD", limit: 100);
                for (int i = 0; i < commits.Count; i++)
                {
                    var message = CommitMessage.Parse(commits[i].Message, new CommitParseOptions { Cleanup = CommitCleanup.Verbatim }, Config.Config.Vocabulary);
                    foreach (var section in message.Document.SectionsOf(SectionKind.Sources))
                    {
                        foreach (var item in section.Items)
                        {
                            string text = item.Text.Trim();
                            var kind = Citations.Classify(text, null).Kind;
                            if (kind is CitationKind.Placeholder or CitationKind.Vague) continue;
                            var previous = counts.GetValueOrDefault(text);
                            counts[text] = (previous.Count + 1, i);
                        }
                    }
                }
                _sources = counts.OrderByDescending(c => c.Value.Count).ThenByDescending(c => c.Value.Newest)
                    .Take(50).Select(c => new CitedSource(c.Key, c.Value.Count)).ToArray();
            }
            catch (GitException)
            {
                // No git, or no history to read: nothing to offer.
            }
            return _sources;
        }
    }

    /// <summary>The staged change as the pattern hints read it (refreshed with <see cref="Commit"/>).</summary>
    public ChangeEvidence? StagedChange()
    {
        Commit();
        lock (_gate) return _stagedChange;
    }

    /// <summary>Where the configured pattern library is, when there is a working tree.</summary>
    public string? LibraryPath => WorkTreeRoot is { } root ? Path.GetFullPath(Path.Combine(root, Config.Config.PatternLibraryRelativePath)) : null;

    /// <summary>
    /// The pattern library: the editor's text when it is open there, else the file, read again
    /// whenever its size or modification time changes (one stat per check, so edits made on disk
    /// apply even when the client cannot watch files).
    /// </summary>
    public PatternSource Patterns()
    {
        string display = Config.Config.PatternLibraryRelativePath;
        if (LibraryPath is not { } path) return PatternSource.Missing(display, "not there (no repository to find it in)");
        object stamp;
        var open = _openDocument(path);
        if (open is not null)
        {
            stamp = open;
        }
        else
        {
            var info = new FileInfo(path);
            stamp = info.Exists ? (info.LastWriteTimeUtc, info.Length) : "missing";
        }
        lock (_gate)
        {
            if (_patterns is not null && Equals(stamp, _patternsStamp)) return _patterns;
        }
        var source = open is not null ? PatternSource.FromText(display, open.Text.Text) : PatternLibraries.LoadFile(path, display);
        lock (_gate)
        {
            _patterns = source;
            _patternsStamp = stamp;
        }
        return source;
    }

    /// <summary>When the library last changed and the fix commits since, read at most every 30 seconds.</summary>
    public PatternHistory? PatternHistory()
    {
        lock (_gate)
        {
            if (_historyReadAt != default && DateTime.UtcNow - _historyReadAt < HistoryFreshness) return _history;
            _historyReadAt = DateTime.UtcNow;
            try
            {
                _history = Repository.Discover(Directory) is { } repository ? PatternLibraries.History(repository, Config.Config) : null;
            }
            catch (GitException)
            {
                _history = null;
            }
            return _history;
        }
    }

    /// <summary>How many of the last 1,000 commits cite each library entry (by normalised problem), read once a minute.</summary>
    public IReadOnlyDictionary<string, int> PatternCitationCounts()
    {
        lock (_gate)
        {
            if (_citations is not null && DateTime.UtcNow - _citationsReadAt < SourcesFreshness) return _citations;
            _citationsReadAt = DateTime.UtcNow;
            _citations = new Dictionary<string, int>(StringComparer.Ordinal);
            try
            {
                if (Repository.Discover(Directory) is not { } repository) return _citations;
                foreach (var message in repository.Messages(1000))
                {
                    var parsed = CommitMessage.Parse(message, new CommitParseOptions { Cleanup = CommitCleanup.Verbatim }, Config.Config.Vocabulary);
                    foreach (var key in PatternCitations.Find(parsed.Document).Select(c => PatternLibrary.NormalizeProblem(c.Problem)).Distinct())
                        _citations[key] = _citations.GetValueOrDefault(key) + 1;
                }
            }
            catch (GitException)
            {
                // No git or no history: nothing cited.
            }
            return _citations;
        }
    }

    private (string Path, MarkdownDocument Document)? _template;
    private bool _templateRead;

    /// <summary>The working tree's root (where <c>.git</c> is), found once: not on every edit.</summary>
    public string? WorkTreeRoot => _workTreeRoot.Value;

    private readonly Lazy<string?> _workTreeRoot;

    /// <summary>The repository's PR template (the first file the configured globs match), read once.</summary>
    public (string Path, MarkdownDocument Document)? Template()
    {
        lock (_gate)
        {
            if (_templateRead) return _template;
            _templateRead = true;
            _template = WorkTreeRoot is { } root ? WorkTree.LoadPrTemplate(root, Config.Config) : null;
            return _template;
        }
    }

    /// <summary>The options a document of this kind is checked with (<see cref="CheckInputs.For"/> decides which inputs).</summary>
    public CheckOptions Options(DocumentKind kind) => CheckInputs.For(kind.ToCore(), this);

    CareerLspConfig ICheckInputSource.Config => Config.Config;

    // A commit message's paths are the repository's that git found for it; a draft's, its working tree's.
    Func<string, bool>? ICheckInputSource.PathExists(DocumentKinds kind) =>
        kind == DocumentKinds.CommitMessage ? Commit().Repository is { } repository ? repository.PathExists : null
        : WorkTreeRoot is { } root ? path => WorkTree.Contains(root, path) : null;

    CommitParseOptions ICheckInputSource.CommitParse() => Commit().Parse;

    ChangeSize? ICheckInputSource.ChangeSize() => Commit().Staged;

    MarkdownDocument? ICheckInputSource.Template() => Template()?.Document;

    PatternSource? ICheckInputSource.Patterns() => Patterns();

    ChangeEvidence? ICheckInputSource.Change() => StagedChange();

    CommitHistory? ICheckInputSource.History() => Commit().History();

    PatternHistory? ICheckInputSource.PatternHistory() => PatternHistory();

    IReadOnlyList<CitedSource> ICheckInputSource.RecentSources() => RecentSources();
}

/// <summary>Root contexts by directory, reloaded when a configuration file changes.</summary>
internal sealed class RootContexts
{
    private readonly Dictionary<string, RootContext> _contexts = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly Action<string> _log;

    private readonly Func<string, OpenDocument?> _openDocument;

    /// <param name="log">Where problems reading configuration go.</param>
    /// <param name="openDocument">The open document at a file path, if any (the editor's text wins over the disk's).</param>
    public RootContexts(Action<string> log, Func<string, OpenDocument?> openDocument)
    {
        _log = log;
        _openDocument = openDocument;
    }

    /// <summary>A configuration file set in the client's settings, used instead of discovery.</summary>
    public string? ConfigFileOverride { get; set; }

    public RootContext For(string directory)
    {
        lock (_gate)
        {
            if (_contexts.TryGetValue(directory, out var context)) return context;
            LoadedConfig config;
            try
            {
                config = ConfigDiscovery.Load(directory, ConfigFileOverride);
            }
            catch (InputException e)
            {
                _log($"configuration: {e.Message}; using the defaults");
                config = new LoadedConfig(CareerLspConfig.Default, null, null);
            }
            return _contexts[directory] = new RootContext(directory, config, _openDocument);
        }
    }

    /// <summary>Forgets every context: configuration files are read again on next use.</summary>
    public void Reset()
    {
        lock (_gate) _contexts.Clear();
    }
}
