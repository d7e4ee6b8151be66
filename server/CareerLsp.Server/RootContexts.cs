using CareerLsp.Core.Checking;
using CareerLsp.Core.Configuration;
using CareerLsp.Core.Parsing;
using CareerLsp.Workspace;

namespace CareerLsp.Server;

/// <summary>What checking needs about one repository: its configuration and git's view of it.</summary>
internal sealed class RootContext
{
    private static readonly TimeSpan GitFreshness = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SourcesFreshness = TimeSpan.FromMinutes(1);
    private CommitContext? _commit;
    private IReadOnlyList<CitedSource>? _sources;
    private DateTime _sourcesReadAt;
    private DateTime _commitReadAt;
    private readonly object _gate = new();

    public RootContext(string directory, LoadedConfig config)
    {
        Directory = directory;
        Config = config;
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
                    _commit = Repository.ReadCommitContext(Directory);
                }
                catch (GitException)
                {
                    _commit = new CommitContext(null, CommitParseOptions.Default, null);
                }
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

    public CheckOptions Options(DocumentKind kind)
    {
        var config = Config.Config;
        if (kind != DocumentKind.CommitMessage)
        {
            string? root = WorkTreeRoot;
            return new CheckOptions
            {
                Config = config,
                PathExists = root is null ? null : path => WorkTree.Contains(root, path),
                Template = kind == DocumentKind.PullRequest ? Template()?.Document : null,
            };
        }
        var commit = Commit();
        return new CheckOptions
        {
            Config = config,
            CommitParse = commit.Parse,
            ChangeSize = commit.Staged,
            PathExists = commit.Repository is { } repository ? repository.PathExists : null,
        };
    }
}

/// <summary>A source cited before, and in how many recent commits.</summary>
internal sealed record CitedSource(string Text, int Commits);

/// <summary>Root contexts by directory, reloaded when a configuration file changes.</summary>
internal sealed class RootContexts
{
    private readonly Dictionary<string, RootContext> _contexts = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly Action<string> _log;

    public RootContexts(Action<string> log) => _log = log;

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
            return _contexts[directory] = new RootContext(directory, config);
        }
    }

    /// <summary>Forgets every context: configuration files are read again on next use.</summary>
    public void Reset()
    {
        lock (_gate) _contexts.Clear();
    }
}
