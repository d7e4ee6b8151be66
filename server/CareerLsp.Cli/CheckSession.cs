using System.Text.Json;
using CareerLsp.Cli.Output;
using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Domain.History;
using CareerLsp.Core.Domain.Library;
using CareerLsp.Core.Engine;
using CareerLsp.Core.Syntax;
using CareerLsp.Workspace;

namespace CareerLsp.Cli;

/// <summary>
/// One run of <c>careerlsp check …</c>: finds the repository and configuration once, reads the
/// documents at the edge and hands text to the engine. Everything here is I/O; the decisions are
/// the engine's.
/// </summary>
internal sealed class CheckSession
{
    private Repository? _repository;
    private bool _discovered;
    private readonly List<DocumentReport> _reports = [];

    public CheckSession(string directory, string? configPath)
    {
        Directory = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(Directory)) throw new InputException($"{directory}: no such directory");
        Timing.Mark("session: directory");
        Config = ConfigDiscovery.Load(Directory, configPath is null ? null : Path.GetFullPath(configPath));
        Timing.Mark("session: configuration loaded");
        if (Config.Result is { Issues.Count: > 0 } result)
        {
            var check = Checker.CheckConfiguration(result.Text, CheckInputs.For(DocumentKinds.Configuration, new Inputs(this)) with { ConfigIssues = result.Issues });
            _reports.Add(new DocumentReport(Display(Config.Path!), true, check.Findings));
        }
    }

    public string Directory { get; }

    public LoadedConfig Config { get; }

    /// <summary>The repository the directory is in, discovered on first use.</summary>
    public Repository? Repository
    {
        get
        {
            if (!_discovered) Adopt(Repository.Discover(Directory));
            return _repository;
        }
    }

    private void Adopt(Repository? repository)
    {
        _repository = repository;
        _discovered = true;
    }

    public IReadOnlyList<DocumentReport> Reports => _reports;

    public Repository RequireRepository()
    {
        var repository = Repository ?? throw new InputException($"{Directory} is not in a git repository (use --repo DIR, or check a file with check commit FILE)");
        return repository;
    }

    /// <summary>
    /// What this run has read, for <see cref="CheckInputs.For"/>: the session's repository, template
    /// and pattern library, and what one command adds (a message's git context, a commit from history).
    /// </summary>
    private sealed class Inputs(CheckSession session) : ICheckInputSource
    {
        /// <summary>Where cited paths are looked up; by default the working tree of the session's repository.</summary>
        public Func<string, bool>? PathExistsIn { get; init; }

        public CommitParseOptions Parse { get; init; } = CommitParseOptions.Default;

        public ChangeSize? Size { get; init; }

        public ChangeEvidence? StagedChange { get; init; }

        public CommitHistory? Recent { get; init; }

        public PatternHistory? LibraryHistory { get; init; }

        public CareerLspConfig Config => session.Config.Config;

        public Func<string, bool>? PathExists(DocumentKinds kind) => PathExistsIn ?? (session.Repository is { } repository ? repository.PathExists : null);

        public CommitParseOptions CommitParse() => Parse;

        public ChangeSize? ChangeSize() => Size;

        public MarkdownDocument? Template() => session.LoadTemplate();

        public PatternSource? Patterns() => session.Patterns;

        public ChangeEvidence? Change() => StagedChange;

        public CommitHistory? History() => Recent;

        public PatternHistory? PatternHistory() => LibraryHistory;

        // The CLI prints no quick fixes: nothing to offer in place of a placeholder.
        public IReadOnlyList<CitedSource> RecentSources() => [];
    }

    private PatternSource? _patterns;

    /// <summary>The repository's pattern library (or why there is none), read once per run.</summary>
    public PatternSource Patterns => _patterns ??= PatternLibraries.Load(Repository?.Root, Config.Config);

    /// <summary>A commit message file (the commit-msg hook's <c>$1</c>) or stdin, sized by what is staged.</summary>
    public void CheckCommitFile(string file)
    {
        // With a library, the staged diff is read too (alongside the other git calls), and the
        // library is parsed and indexed on a thread of its own meanwhile: the hook pays for it once,
        // cold, on every commit.
        string? root = WorkTree.FindRoot(Directory);
        bool hasLibrary = root is not null && File.Exists(Path.Combine(root, Config.Config.PatternLibraryRelativePath));
        PatternSource? library = null;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        Thread? loader = null;
        if (hasLibrary)
        {
            loader = new Thread(() =>
            {
                try
                {
                    var source = PatternLibraries.Load(root, Config.Config);
                    Timing.Mark("(thread) library parsed");
                    _ = source.Matcher;
                    Timing.Mark("(thread) matcher built");
                    library = source;
                }
                catch (Exception e)
                {
                    // Rethrown on the main thread, where every failure becomes one line and exit 2.
                    failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
                }
            }) { IsBackground = true, Name = "pattern library" };
            loader.Start();
        }
        var text = Read(file);
        Timing.Mark("message read");
        // Recent commits matter only when the subject could make this a fix-forward: most subjects
        // cannot, and the hook saves a git process (the subject is read roughly here; when in doubt, read).
        CommitContext context;
        try
        {
            context = Repository.ReadCommitContext(Directory, withDiff: hasLibrary, fixForwardWindow: Core.Domain.History.FixForward.WindowFor(Config.Config),
                withRecent: RoughSubject(text.Text) is not { } subject || Core.Domain.History.FixForward.SubjectMayFix(subject));
        }
        catch (GitException e) when (e.GitMissing)
        {
            // A message file can be checked without git: with git's defaults, and nothing from a repository.
            Console.Error.WriteLine("careerlsp: git is not on PATH: checking with git's default settings, without the staged change or history");
            context = new CommitContext(null, CommitParseOptions.Default, null);
        }
        Adopt(context.Repository);
        Timing.Mark("git read (repository, config, staged size)");
        if (loader is not null)
        {
            loader.Join();
            failure?.Throw();
            _patterns = library;
        }
        var inputs = new Inputs(this)
        {
            Parse = context.Parse,
            Size = context.Staged,
            StagedChange = context.StagedDiff is { } diff ? ChangeEvidence.FromDiff(diff, ignoredPath: Config.Config.PatternLibraryRelativePath) : null,
            Recent = context.History(),
        };
        var options = CheckInputs.For(DocumentKinds.CommitMessage, inputs) with { InvalidEncodingOffset = text.InvalidUtf8Offset };
        if (hasLibrary) Timing.Mark("pattern library read and indexed");
        var result = Checker.CheckCommitMessage(text.Text, options);
        Timing.Mark("engine ran");
        _reports.Add(new DocumentReport(Label(file), file != "-", result.Findings));
    }

    /// <summary>The first line that is neither blank nor a <c>#</c> comment, or <c>null</c>.</summary>
    private static string? RoughSubject(string message)
    {
        foreach (var line in message.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0) continue;
            return trimmed[0] is '#' or ';' ? null : trimmed;
        }
        return null;
    }

    /// <summary>Every commit of a range, as stored (comments are already gone), merges left out.</summary>
    public void CheckCommits(string range, int? limit = null)
    {
        var repository = RequireRepository();
        if (!repository.HasCommits) throw new InputException($"the repository at {repository.Root} has no commits yet");
        foreach (var commit in repository.Commits(range, limit))
        {
            if (commit.IsMerge) continue;
            // As stored: comments are already gone, paths are the commit's, and its staged change is history.
            var options = CheckInputs.For(DocumentKinds.CommitMessage, new Inputs(this)
            {
                Parse = new CommitParseOptions { Cleanup = CommitCleanup.Verbatim },
                Size = commit.Size,
                PathExistsIn = path => repository.PathExistsAt(commit.Id, path),
            });
            var result = Checker.CheckCommitMessage(commit.Message, options);
            _reports.Add(new DocumentReport($"commit:{commit.ShortId}", false, result.Findings));
        }
    }

    public void CheckPullRequestFile(string file)
    {
        var text = Read(file);
        var options = CheckInputs.For(DocumentKinds.PullRequest, new Inputs(this)) with { InvalidEncodingOffset = text.InvalidUtf8Offset };
        _reports.Add(new DocumentReport(Label(file), file != "-", Checker.CheckPullRequest(text.Text, options).Findings));
    }

    /// <summary>The PR body from a GitHub <c>pull_request</c> event; its additions and deletions size the pre-mortem.</summary>
    public void CheckGitHubEvent(string file)
    {
        var text = Read(file);
        JsonElement pr;
        try
        {
            using var document = JsonDocument.Parse(text.Text);
            if (!document.RootElement.TryGetProperty("pull_request", out var element) || element.ValueKind != JsonValueKind.Object)
                throw new InputException($"{file} has no pull_request object: is it a pull_request event payload?");
            pr = element.Clone();
        }
        catch (JsonException e)
        {
            throw new InputException($"{file} is not valid JSON: {e.Message}");
        }
        string body = pr.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()! : "";
        ChangeSize? size = null;
        if (pr.TryGetProperty("additions", out var add) && add.TryGetInt32(out int additions) &&
            pr.TryGetProperty("deletions", out var del) && del.TryGetInt32(out int deletions))
        {
            int files = pr.TryGetProperty("changed_files", out var cf) && cf.TryGetInt32(out int n) ? n : 0;
            size = new ChangeSize(files, additions + deletions);
        }
        string label = pr.TryGetProperty("number", out var num) && num.TryGetInt32(out int number) ? $"PR #{number}" : "PR";
        var options = CheckInputs.For(DocumentKinds.PullRequest, new Inputs(this)) with { ChangeSize = size };
        _reports.Add(new DocumentReport(label, false, Checker.CheckPullRequest(body, options).Findings));
    }

    /// <summary>The pattern library: the given file, or the configured one in the repository.</summary>
    public void CheckPatternLibraryFile(string? file)
    {
        string path = file ?? Path.Combine(RequireRepository().Root, Config.Config.PatternLibraryRelativePath);
        if (file is null && !File.Exists(path)) throw new InputException($"no pattern library at {path} (set patterns.path in .careerlsp.json, or pass a file)");
        var text = Read(path);
        // Staleness is the repository's library's: another file has no history to compare.
        bool isTheLibrary = Repository is { } repository && path != "-" &&
                            Path.GetFullPath(path) == Path.GetFullPath(Path.Combine(repository.Root, Config.Config.PatternLibraryRelativePath));
        var inputs = new Inputs(this) { LibraryHistory = isTheLibrary ? PatternLibraries.History(Repository!, Config.Config) : null };
        var options = CheckInputs.For(DocumentKinds.PatternLibrary, inputs) with { InvalidEncodingOffset = text.InvalidUtf8Offset };
        _reports.Add(new DocumentReport(Label(path), path != "-", Checker.CheckPatternLibrary(text.Text, options).Findings));
    }

    /// <summary><c>careerlsp check</c>: HEAD's message, PR drafts and PR templates in the repository.</summary>
    public void CheckEverything()
    {
        var repository = RequireRepository();
        if (!repository.HasCommits) throw new InputException($"the repository at {repository.Root} has no commits yet: nothing at HEAD to check (check a message with check commit FILE)");
        CheckCommits("HEAD", limit: 1);

        var files = repository.ListFiles();
        foreach (string draft in Match(Config.Config.PrDrafts, files))
            CheckPullRequestFile(Path.Combine(repository.Root, draft));
        string pullreq = Path.Combine(repository.GitDirectory, "PULLREQ_EDITMSG");
        if (File.Exists(pullreq)) CheckPullRequestFile(pullreq);

        if (File.Exists(Path.Combine(repository.Root, Config.Config.PatternLibraryRelativePath))) CheckPatternLibraryFile(null);

        foreach (string template in Match(Config.Config.PrTemplates, files))
        {
            string path = Path.Combine(repository.Root, template);
            var text = DocumentReader.ReadFile(path);
            var options = CheckInputs.For(DocumentKinds.PullRequestTemplate, new Inputs(this)) with { InvalidEncodingOffset = text.InvalidUtf8Offset };
            var result = Checker.CheckPullRequestTemplate(text.Text, options);
            _reports.Add(new DocumentReport(Display(path), true, result.Findings));
        }
    }

    private MarkdownDocument? _template;
    private bool _templateRead;

    /// <summary>The repository's PR template, read once for every PR checked in this run.</summary>
    private MarkdownDocument? LoadTemplate()
    {
        if (!_templateRead)
        {
            _templateRead = true;
            _template = Repository is { } repository ? WorkTree.LoadPrTemplate(repository.Root, Config.Config)?.Document : null;
        }
        return _template;
    }

    private static IEnumerable<string> Match(IReadOnlyList<string> globs, IReadOnlyList<string> files) => WorkTree.MatchAll(globs, files);

    private static DocumentText Read(string file) =>
        file == "-" ? DocumentReader.ReadStdin() : DocumentReader.ReadFile(file);

    private static string Label(string file) => file == "-" ? "<stdin>" : Display(file);

    /// <summary>Paths relative to the current directory when below it, as compilers print them.</summary>
    private static string Display(string path)
    {
        string full = Path.GetFullPath(path);
        string relative = Path.GetRelativePath(System.IO.Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative;
    }
}
