using CareerLsp.Core.Checking;
using CareerLsp.Core.Configuration;
using CareerLsp.Core.Parsing;
using CareerLsp.Workspace;

namespace CareerLsp.Server;

/// <summary>What checking needs about one repository: its configuration and git's view of it.</summary>
internal sealed class RootContext
{
    private static readonly TimeSpan GitFreshness = TimeSpan.FromSeconds(3);
    private CommitContext? _commit;
    private DateTime _commitReadAt;
    private readonly object _gate = new();

    public RootContext(string directory, LoadedConfig config)
    {
        Directory = directory;
        Config = config;
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

    public CheckOptions Options(DocumentKind kind)
    {
        var config = Config.Config;
        if (kind != DocumentKind.CommitMessage)
        {
            string? root = DocumentClassifier.RepositoryRoot(Directory);
            return new CheckOptions { Config = config, PathExists = root is null ? null : path => PathExists(root, path) };
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

    private static bool PathExists(string root, string relative)
    {
        if (Path.IsPathRooted(relative)) return false;
        string full = Path.GetFullPath(Path.Combine(root, relative));
        return File.Exists(full) || System.IO.Directory.Exists(full);
    }
}

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
