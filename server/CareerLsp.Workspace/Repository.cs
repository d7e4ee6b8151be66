using CareerLsp.Core.Checking;
using CareerLsp.Core.Parsing;

namespace CareerLsp.Workspace;

/// <summary>A commit read from history: its id, parents, message and size.</summary>
public sealed record CommitInfo(string Id, IReadOnlyList<string> Parents, string Message, ChangeSize Size)
{
    public string ShortId => Id.Length > 7 ? Id[..7] : Id;

    public bool IsMerge => Parents.Count > 1;
}

/// <summary>
/// The repository (if any), git's commit-message settings, the staged change's size, and the staged
/// diff itself when it was asked for (the pattern library's hints read it).
/// </summary>
public sealed record CommitContext(Repository? Repository, CommitParseOptions Parse, ChangeSize? Staged, string? StagedDiff = null)
{
    /// <summary>The staged files with their line counts, for fix-forward detection.</summary>
    public IReadOnlyList<Core.History.ChangedFile> StagedFiles { get; init; } = [];

    /// <summary>The committer-to-be's e-mail (<c>git var GIT_AUTHOR_IDENT</c>), when git knows it.</summary>
    public string? AuthorEmail { get; init; }

    /// <summary>Recent commits on HEAD within the fix-forward window, oldest first, merges left out.</summary>
    public IReadOnlyList<Core.History.PastCommit> Recent { get; init; } = [];

    /// <summary>What fix-forward detection needs about the commit being made now, when git knows who is committing.</summary>
    public Core.History.CommitHistory? History() =>
        AuthorEmail is { } author && Repository is not null ? new Core.History.CommitHistory(author, DateTimeOffset.UtcNow, StagedFiles, Recent) : null;
}

/// <summary>A commit's abbreviated id and subject.</summary>
public sealed record CommitSubject(string ShortId, string Subject);

/// <summary>
/// A git repository found from a directory. Every query goes through <see cref="Git"/>, so the
/// repository's configuration can never make CareerLsp run a program.
/// </summary>
public sealed class Repository
{
    private Repository(string root, string gitDirectory, bool isShallow)
    {
        Root = root;
        GitDirectory = gitDirectory;
        IsShallow = isShallow;
    }

    /// <summary>The top of the working tree.</summary>
    public string Root { get; }

    /// <summary>The repository's git directory (for a worktree, its own one).</summary>
    public string GitDirectory { get; }

    public bool IsShallow { get; }

    private static readonly string[] DiscoverArguments = ["rev-parse", "--show-toplevel", "--absolute-git-dir", "--is-shallow-repository"];
    private static readonly string[] CommitConfigArguments = ["config", "-z", "--get-regexp", @"^(core\.commentchar|core\.commentstring|commit\.cleanup|user\.email)$"];
    private static readonly string[] StagedArguments = ["diff", "--cached", "--numstat", "-z", "--no-renames", "--no-ext-diff", "--no-textconv"];

    /// <summary>Finds the repository containing <paramref name="directory"/>, or <c>null</c> when there is none.</summary>
    public static Repository? Discover(string directory) => FromDiscovery(directory, Git.Run(directory, DiscoverArguments));

    /// <summary>
    /// What checking a commit message needs, read with three git calls running at once (the
    /// commit-msg hook's start-up): the repository, git's comment character and cleanup mode, and
    /// the size of what is staged. Outside a repository the global configuration still applies.
    /// </summary>
    /// <param name="directory">Where the repository is looked for.</param>
    /// <param name="withDiff">Read the staged diff too (for the pattern library's hints).</param>
    /// <param name="fixForwardWindow">How far back recent commits are read for fix-forward detection.</param>
    /// <param name="withRecent">Read recent commits at all: not when the subject cannot make the commit a fix-forward.</param>
    public static CommitContext ReadCommitContext(string directory, bool withDiff = false, TimeSpan? fixForwardWindow = null, bool withRecent = true)
    {
        var window = fixForwardWindow ?? Core.History.FixForward.DefaultWindow;
        var discovery = Git.Start(directory, DiscoverArguments);
        var config = Git.Start(directory, CommitConfigArguments);
        var staged = Git.Start(directory, StagedArguments);
        var diff = withDiff ? Git.Start(directory, StagedDiffArguments) : null;
        // The committer's recent commits: fix-forward detection from history. Who is committing comes
        // from the configuration call (user.email) and the environment, as git decides it, without a
        // process of its own: the hook's start-up is counted in milliseconds.
        var recent = withRecent ? Git.Start(directory, RecentArguments(window)) : null;
        var repository = FromDiscovery(directory, discovery.Result());
        var configResult = config.Result();
        var parse = ParseCommitConfig(configResult);
        var stagedResult = staged.Result();
        ChangeSize? size = repository is not null && stagedResult.Succeeded ? ParseNumstat(stagedResult.Output) : null;
        string? patch = diff?.Result() is { Succeeded: true } d && repository is not null ? d.Output : null;
        var recentResult = recent?.Result();
        return new CommitContext(repository, parse, size, patch)
        {
            StagedFiles = repository is not null && stagedResult.Succeeded ? ParseFiles(stagedResult.Output) : [],
            AuthorEmail = AuthorEmailOf(configResult),
            Recent = repository is not null && recentResult is { Succeeded: true } ? ParseRecent(recentResult.Output) : [],
        };
    }

    private static string[] RecentArguments(TimeSpan window) =>
    [
        "log", "--no-merges", "--no-renames", "--no-ext-diff", "--no-textconv", "--numstat", "-z", "--max-count=50",
        $"--since={(long)window.TotalSeconds} seconds ago", "--format=%x1e%H%x00%ae%x00%at%x00%s%x00", "HEAD", "--",
    ];

    /// <summary>The author e-mail git would record: <c>GIT_AUTHOR_EMAIL</c>, else <c>user.email</c>, else <c>EMAIL</c>.</summary>
    internal static string? AuthorEmailOf(GitResult config)
    {
        if (Environment.GetEnvironmentVariable("GIT_AUTHOR_EMAIL") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        string? configured = null;
        foreach (var entry in config.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            int newline = entry.IndexOf('\n');
            if (newline > 0 && entry[..newline].Equals("user.email", StringComparison.OrdinalIgnoreCase)) configured = entry[(newline + 1)..];
        }
        return configured is { Length: > 0 } ? configured : Environment.GetEnvironmentVariable("EMAIL") is { Length: > 0 } email ? email : null;
    }

    /// <summary>Records of <c>%x1e%H%x00%ae%x00%at%x00%s%x00</c> with <c>--numstat -z</c>, newest first; returned oldest first.</summary>
    internal static List<Core.History.PastCommit> ParseRecent(string output)
    {
        var commits = new List<Core.History.PastCommit>();
        foreach (var record in output.Split('\x1e', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = record.Split('\0', 5);
            if (parts.Length < 4 || !long.TryParse(parts[2], out long seconds)) continue;
            commits.Add(new Core.History.PastCommit(parts[0], parts[1], DateTimeOffset.FromUnixTimeSeconds(seconds), parts[3],
                ParseFiles(parts.Length > 4 ? parts[4] : "")));
        }
        commits.Reverse();
        return commits;
    }

    /// <summary>Parses <c>--numstat -z</c> into files with their line counts (a binary file counts no lines).</summary>
    internal static List<Core.History.ChangedFile> ParseFiles(string text)
    {
        var files = new List<Core.History.ChangedFile>();
        foreach (var raw in text.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = raw.TrimStart('\n').Split('\t');
            if (fields.Length < 3) continue;
            files.Add(new Core.History.ChangedFile(fields[2], int.TryParse(fields[0], out int a) ? a : 0, int.TryParse(fields[1], out int d) ? d : 0));
        }
        return files;
    }

    // Added lines and paths are all the pattern hints read: no context lines, no renames, no colour.
    private static readonly string[] StagedDiffArguments = ["diff", "--cached", "--no-color", "--no-renames", "--no-ext-diff", "--no-textconv", "--unified=0"];

    /// <summary>The staged change as a unified diff (<c>git diff --cached</c>, no context lines).</summary>
    public string StagedDiff()
    {
        var result = Git.Run(Root, StagedDiffArguments, TimeSpan.FromMinutes(1));
        if (!result.Succeeded) throw new GitException($"git could not read the staged change: {FirstLine(result.Error)}");
        return result.Output;
    }

    /// <summary>The last commit that changed a path: its id and commit time, or <c>null</c> if none did.</summary>
    public (string Id, DateTimeOffset When)? LastChangeOf(string relativePath)
    {
        if (!HasCommits) return null;
        var result = Git.Run(Root, ["log", "-1", "--format=%H%x00%ct", "HEAD", "--", $":(literal){relativePath}"]);
        if (!result.Succeeded) return null;
        var parts = result.Output.TrimEnd('\n').Split('\0');
        if (parts.Length < 2 || !long.TryParse(parts[1], out long seconds)) return null;
        return (parts[0], DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    /// <summary>
    /// Commits for the habit report: those reachable from HEAD (or from <paramref name="range"/>,
    /// such as <c>abc..HEAD</c>), with author, date and message but no files (a diff per commit
    /// would cost six times the log itself: see <see cref="FilesOf"/>), and the pattern library
    /// entries each added.
    /// </summary>
    public IReadOnlyList<(Core.History.ReportCommit Commit, string AuthorName)> ReportLog(string range, string libraryPath)
    {
        if (!HasCommits) return [];
        if (range.StartsWith('-')) throw new GitException($"\"{range}\" is not a revision range");
        var log = Git.Start(Root, ["log", "-z", "--format=%x1e%H%x00%P%x00%ae%x00%an%x00%aI%x00%B", range, "--"]);
        var library = Git.Start(Root, ["log", "-p", "--unified=0", "--no-renames", "--no-ext-diff", "--no-textconv", "--no-color",
            "--format=%x1e%H", range, "--", $":(literal){libraryPath}"]);
        var logResult = log.Result(TimeSpan.FromMinutes(10));
        if (!logResult.Succeeded) throw new GitException($"git could not read the history: {FirstLine(logResult.Error)}");
        var added = new Dictionary<string, int>(StringComparer.Ordinal);
        var libraryResult = library.Result(TimeSpan.FromMinutes(10));
        if (libraryResult.Succeeded)
        {
            foreach (var record in libraryResult.Output.Split('\x1e', StringSplitOptions.RemoveEmptyEntries))
            {
                int newline = record.IndexOf('\n');
                string id = (newline < 0 ? record : record[..newline]).Trim();
                int entries = 0;
                foreach (var line in record.Split('\n'))
                {
                    // An added entry: "+- problem → remedy" (or "->"), not a detail nested under one.
                    if (line.Length > 3 && line[0] == '+' && !line.StartsWith("+++", StringComparison.Ordinal) && line[1] is '-' or '*' && line[2] == ' ' &&
                        (line.Contains('→') || line.Contains("->", StringComparison.Ordinal))) entries++;
                }
                if (id.Length > 0) added[id] = entries;
            }
        }
        var commits = new List<(Core.History.ReportCommit, string)>();
        foreach (var record in logResult.Output.Split('\x1e', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = record.Split('\0', 6);
            if (parts.Length < 6 || !DateTimeOffset.TryParse(parts[4], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time)) continue;
            int parents = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            string message = parts[5].EndsWith('\0') ? parts[5][..^1] : parts[5];
            commits.Add((new Core.History.ReportCommit(parts[0], parts[2], time, parents, message.TrimEnd('\0'), [], added.GetValueOrDefault(parts[0])), parts[3]));
        }
        return commits;
    }

    /// <summary>The files each commit changed (against its first parent), with line counts, by id.</summary>
    public Dictionary<string, IReadOnlyList<Core.History.ChangedFile>> FilesOf(IReadOnlyCollection<string> ids)
    {
        var files = new Dictionary<string, IReadOnlyList<Core.History.ChangedFile>>(StringComparer.Ordinal);
        foreach (var batch in ids.Chunk(500))
        {
            // --no-walk: exactly these commits, each against its first parent (a root commit against nothing).
            var result = Git.Run(Root, ["log", "--no-walk=unsorted", "--numstat", "-z", "--no-renames", "--no-ext-diff", "--no-textconv",
                "--format=%x1e%H%x00", .. batch, "--"], TimeSpan.FromMinutes(5));
            if (!result.Succeeded) throw new GitException($"git could not read the commits' files: {FirstLine(result.Error)}");
            foreach (var record in result.Output.Split('\x1e', StringSplitOptions.RemoveEmptyEntries))
            {
                int end = record.IndexOf('\0');
                if (end <= 0) continue;
                files[record[..end]] = ParseFiles(record[(end + 1)..]);
            }
        }
        return files;
    }

    /// <summary>Whether <paramref name="ancestor"/> is reachable from HEAD (the history before it was not rewritten).</summary>
    public bool IsAncestorOfHead(string ancestor) =>
        ancestor.Length > 0 && !ancestor.StartsWith('-') && Git.Run(Root, ["merge-base", "--is-ancestor", ancestor, "HEAD"]).Succeeded;

    /// <summary>HEAD's commit id.</summary>
    public string? Head()
    {
        var result = Git.Run(Root, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]);
        return result.Succeeded ? result.Output.Trim() : null;
    }

    /// <summary>The messages of the newest <paramref name="limit"/> commits reachable from HEAD, newest first.</summary>
    public IReadOnlyList<string> Messages(int limit)
    {
        if (!HasCommits) return [];
        var result = Git.Run(Root, ["log", "-z", "--format=%B", $"--max-count={limit}", "HEAD", "--"], TimeSpan.FromMinutes(1));
        if (!result.Succeeded) throw new GitException($"git could not read the history: {FirstLine(result.Error)}");
        return result.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The subjects of a range's commits (merges left out), newest first.</summary>
    public IReadOnlyList<CommitSubject> Subjects(string range, int limit)
    {
        if (range.StartsWith('-')) throw new GitException($"\"{range}\" is not a revision range");
        var result = Git.Run(Root, ["log", "--no-merges", "-z", "--format=%h%x00%s", $"--max-count={limit}", range, "--"], TimeSpan.FromMinutes(1));
        if (!result.Succeeded) throw new GitException($"git could not read the range \"{range}\": {FirstLine(result.Error)}");
        var fields = result.Output.Split('\0');
        var subjects = new List<CommitSubject>();
        for (int i = 0; i + 1 < fields.Length; i += 2) subjects.Add(new CommitSubject(fields[i].TrimStart('\n'), fields[i + 1]));
        return subjects;
    }

    private static Repository? FromDiscovery(string directory, GitResult result)
    {
        if (!result.Succeeded)
        {
            if (result.Error.Contains("dubious ownership", StringComparison.Ordinal))
                throw new GitException($"git refuses to read {directory}: it is owned by another user (see git config safe.directory)");
            return null;
        }
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length < 3) return null; // A bare repository has no working tree to check.
        return new Repository(lines[0], lines[1], lines[2] == "true");
    }

    /// <summary>Whether the repository has no commit yet (HEAD is unborn).</summary>
    public bool HasCommits => Git.Run(Root, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).Succeeded;

    private static CommitParseOptions ParseCommitConfig(GitResult result)
    {
        string comment = "#";
        var cleanup = CommitCleanup.Strip;
        foreach (var entry in result.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            int newline = entry.IndexOf('\n');
            string key = newline < 0 ? entry : entry[..newline];
            string value = newline < 0 ? "" : entry[(newline + 1)..];
            switch (key.ToLowerInvariant())
            {
                case "core.commentchar" or "core.commentstring" when value.Length > 0:
                    comment = value;
                    break;
                case "commit.cleanup":
                    cleanup = value switch
                    {
                        "verbatim" => CommitCleanup.Verbatim,
                        "whitespace" => CommitCleanup.Whitespace,
                        "scissors" => CommitCleanup.Scissors,
                        _ => CommitCleanup.Strip,
                    };
                    break;
            }
        }
        return new CommitParseOptions { CommentChar = comment, Cleanup = cleanup };
    }

    /// <summary>Commits in a revision range (<c>A..B</c>, or one revision), oldest first.</summary>
    public IReadOnlyList<CommitInfo> Commits(string range, int? limit = null)
    {
        if (range.StartsWith('-')) throw new GitException($"\"{range}\" is not a revision range");
        var arguments = new List<string>
        {
            "log", "--no-renames", "--no-ext-diff", "--no-textconv", "--numstat", "-z", "--reverse",
            "--format=%x1e%H%x00%P%x00%B%x00",
        };
        if (limit is { } n) arguments.Add($"--max-count={n}");
        arguments.Add(range);
        arguments.Add("--");
        var result = Git.Run(Root, arguments, TimeSpan.FromMinutes(5));
        if (!result.Succeeded)
            throw new GitException($"git could not read the range \"{range}\": {FirstLine(result.Error)}");
        var commits = new List<CommitInfo>();
        foreach (var record in result.Output.Split('\x1e', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = record.Split('\0', 4);
            if (parts.Length < 3) continue;
            var parents = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            commits.Add(new CommitInfo(parts[0], parents, parts[2], ParseNumstat(parts.Length > 3 ? parts[3] : "")));
        }
        return commits;
    }

    /// <summary>Whether a path relative to the root exists (see <see cref="WorkTree.Contains"/>).</summary>
    public bool PathExists(string relativePath) => WorkTree.Contains(Root, relativePath);

    /// <summary>Whether a path existed in a commit's tree (for citations in old messages).</summary>
    public bool PathExistsAt(string commit, string relativePath)
    {
        if (relativePath.StartsWith("../", StringComparison.Ordinal)) return PathExists(relativePath);
        if (string.IsNullOrWhiteSpace(relativePath) || Path.IsPathRooted(relativePath) || relativePath.Contains("..", StringComparison.Ordinal)) return false;
        string path = relativePath.StartsWith("./", StringComparison.Ordinal) ? relativePath[2..] : relativePath;
        return Git.Run(Root, ["cat-file", "-e", $"{commit}:{path.TrimEnd('/')}"]).Succeeded;
    }

    /// <summary>Files in the working tree git does not ignore (tracked and untracked), relative to the root.</summary>
    public IReadOnlyList<string> ListFiles()
    {
        var result = Git.Run(Root, ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--deduplicate"]);
        if (!result.Succeeded) return [];
        return result.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Where git looks for hooks, honouring <c>core.hooksPath</c> and worktrees.</summary>
    public string HooksDirectory()
    {
        var result = Git.Run(Root, ["rev-parse", "--git-path", "hooks"], keepHooksPath: true);
        if (!result.Succeeded) throw new GitException($"git could not tell where hooks go: {FirstLine(result.Error)}");
        string path = result.Output.TrimEnd('\n');
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Root, path));
    }

    /// <summary>The size of a change from <c>--numstat -z</c>: files, and lines added plus deleted (a binary file counts none).</summary>
    internal static ChangeSize ParseNumstat(string text)
    {
        var files = ParseFiles(text);
        return new ChangeSize(files.Count, files.Sum(f => f.Added + f.Deleted));
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "unknown error";
        return line.StartsWith("fatal: ", StringComparison.Ordinal) ? line[7..] : line;
    }
}
