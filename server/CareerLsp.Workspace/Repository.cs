using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Syntax;

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
    public IReadOnlyList<Core.Domain.History.ChangedFile> StagedFiles { get; init; } = [];

    /// <summary>The committer-to-be's e-mail (<c>git var GIT_AUTHOR_IDENT</c>), when git knows it.</summary>
    public string? AuthorEmail { get; init; }

    /// <summary>Recent commits on HEAD within the fix-forward window, oldest first, merges left out.</summary>
    public IReadOnlyList<Core.Domain.History.PastCommit> Recent { get; init; } = [];

    /// <summary>What fix-forward detection needs about the commit being made now, when git knows who is committing.</summary>
    public Core.Domain.History.CommitHistory? History() =>
        AuthorEmail is { } author && Repository is not null ? new Core.Domain.History.CommitHistory(author, DateTimeOffset.UtcNow, StagedFiles, Recent) : null;
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
    private static readonly string[] CommitConfigArguments = ["config", "-z", "--get-regexp", @"^(core\.commentchar|core\.commentstring|commit\.cleanup|user\.email|author\.email)$"];
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
        var window = fixForwardWindow ?? Core.Domain.History.FixForward.DefaultWindow;
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

    /// <summary>
    /// The author e-mail git would record: <c>GIT_AUTHOR_EMAIL</c>, else <c>author.email</c>, else
    /// <c>user.email</c>, else <c>EMAIL</c>. With none of them git cannot commit at all (it will not
    /// guess an address from a host name without a domain), so there is nothing to detect.
    /// </summary>
    internal static string? AuthorEmailOf(GitResult config)
    {
        if (Environment.GetEnvironmentVariable("GIT_AUTHOR_EMAIL") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        string? user = null, author = null;
        foreach (var entry in config.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            int newline = entry.IndexOf('\n');
            if (newline <= 0) continue;
            string key = entry[..newline];
            if (key.Equals("author.email", StringComparison.OrdinalIgnoreCase)) author = entry[(newline + 1)..];
            else if (key.Equals("user.email", StringComparison.OrdinalIgnoreCase)) user = entry[(newline + 1)..];
        }
        if (author is { Length: > 0 }) return author;
        return user is { Length: > 0 } ? user : Environment.GetEnvironmentVariable("EMAIL") is { Length: > 0 } email ? email : null;
    }

    /// <summary>Records of <c>%x1e%H%x00%ae%x00%at%x00%s%x00</c> with <c>--numstat -z</c>, newest first; returned oldest first.</summary>
    internal static List<Core.Domain.History.PastCommit> ParseRecent(string output)
    {
        var commits = new List<Core.Domain.History.PastCommit>();
        foreach (var record in output.Split('\x1e', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = record.Split('\0', 5);
            if (parts.Length < 4 || !long.TryParse(parts[2], out long seconds)) continue;
            commits.Add(new Core.Domain.History.PastCommit(parts[0], parts[1], DateTimeOffset.FromUnixTimeSeconds(seconds), parts[3],
                ParseFiles(parts.Length > 4 ? parts[4] : "")));
        }
        commits.Reverse();
        return commits;
    }

    /// <summary>Parses <c>--numstat -z</c> into files with their line counts (a binary file counts no lines).</summary>
    internal static List<Core.Domain.History.ChangedFile> ParseFiles(string text)
    {
        var files = new List<Core.Domain.History.ChangedFile>();
        foreach (var raw in text.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = raw.TrimStart('\n').Split('\t');
            if (fields.Length < 3) continue;
            files.Add(new Core.Domain.History.ChangedFile(fields[2], int.TryParse(fields[0], out int a) ? a : 0, int.TryParse(fields[1], out int d) ? d : 0));
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
    /// Commits for the habit report: the non-merge commits reachable from HEAD (or in
    /// <paramref name="range"/>, such as <c>abc..HEAD</c>), with author, date, message and the
    /// paths each changed (no line counts: those need a diff, see <see cref="FilesOf"/>), in git's
    /// order (newest first), handed over while git is still writing. One pass of
    /// <c>git log --name-only</c>: what the report needs of every commit, as cheaply as git gives it.
    /// </summary>
    /// <remarks>
    /// Each commit's fields start with an empty field (the format's leading NUL) and end with the
    /// NUL <c>-z</c> adds; its paths follow, the first after a newline. A path is never empty, so
    /// the next empty field is the next commit.
    /// </remarks>
    public void ReportLog(string range, Action<Core.Domain.History.ReportCommit, string> onCommit, CancellationToken cancellation = default)
    {
        if (range.StartsWith('-')) throw new GitException($"\"{range}\" is not a revision range");
        var parser = new ReportLogParser(onCommit);
        var fields = new NulFields(parser.Field);
        var result = Git.Stream(Root, ["log", "-z", "--no-merges", "--name-only", "--root", "--no-renames", "--no-relative", "--no-ext-diff", "--no-textconv", "--no-color",
            "--date=raw", "--format=%x00%H%x00%P%x00%ae%x00%an%x00%ad%x00%B%x00", range, "--"],
            fields.Feed, TimeSpan.FromMinutes(10), cancellation);
        if (!result.Succeeded)
        {
            if (!HasCommits) return; // An unborn HEAD has no history (asked only now: the report's path counts git calls).
            throw new GitException($"git could not read the history: {FirstLine(result.Error)}");
        }
        fields.Complete();
        parser.Complete();
    }

    /// <summary>
    /// The pattern library entries each of <paramref name="ids"/> added to <paramref name="libraryPath"/>
    /// (lines "+- problem → remedy"), from one <c>git diff-tree --stdin -p</c> limited to that path.
    /// </summary>
    public Dictionary<string, int> PatternsAddedBy(IReadOnlyCollection<string> ids, string libraryPath, CancellationToken cancellation = default)
    {
        var added = new Dictionary<string, int>(StringComparer.Ordinal);
        if (ids.Count == 0) return added;
        var input = new System.Text.StringBuilder();
        foreach (var id in ids) input.Append(id).Append('\n');
        var git = Git.StartWithInput(Root, ["-c", "core.warnAmbiguousRefs=false", "diff-tree", "--stdin", "--root", "-p", "--unified=0", "--no-renames", "--no-relative",
            "--no-ext-diff", "--no-textconv", "--no-color", "--", $":(literal){libraryPath}"]);
        GitResult? result = null;
        string? current = null;
        var lines = new LineSplitter(line =>
        {
            if (IsObjectId(line)) current = System.Text.Encoding.ASCII.GetString(line);
            else if (current is not null && IsEntry(line)) added[current] = added.GetValueOrDefault(current) + 1;
        });
        var reader = new Thread(() => result = git.Pending.Stream(lines.Feed, TimeSpan.FromMinutes(10), cancellation)) { IsBackground = true, Name = "careerlsp diff-tree -p" };
        reader.Start();
        try
        {
            git.Write(System.Text.Encoding.ASCII.GetBytes(input.ToString()));
        }
        catch (IOException)
        {
            // git stopped reading: its error is below.
        }
        git.Dispose();
        reader.Join();
        lines.Complete();
        if (result is not { Succeeded: true }) throw new GitException($"git could not read the pattern library's changes: {FirstLine(result?.Error ?? "")}");
        return added;

        static bool IsObjectId(ReadOnlySpan<byte> line) => (line.Length == 40 || line.Length == 64) && !line.ContainsAnyExcept("0123456789abcdef"u8);

        // "+- problem → remedy" (or "->"), not a detail nested under an entry, not the "+++" header.
        static bool IsEntry(ReadOnlySpan<byte> line)
        {
            if (line.Length <= 3 || line[0] != (byte)'+' || line[1] is not ((byte)'-' or (byte)'*') || line[2] != (byte)' ') return false;
            return line.IndexOf("→"u8) >= 0 || line.IndexOf("->"u8) >= 0;
        }
    }

    /// <summary>Hands over each line of a byte stream (without its newline).</summary>
    private sealed class LineSplitter(LineSplitter.LineHandler onLine)
    {
        public delegate void LineHandler(ReadOnlySpan<byte> line);

        private readonly List<byte> _partial = [];

        public void Feed(ReadOnlySpan<byte> chunk)
        {
            while (true)
            {
                int newline = chunk.IndexOf((byte)'\n');
                if (newline < 0) break;
                if (_partial.Count > 0)
                {
                    _partial.AddRange(chunk[..newline]);
                    onLine(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_partial));
                    _partial.Clear();
                }
                else
                {
                    onLine(chunk[..newline]);
                }
                chunk = chunk[(newline + 1)..];
            }
            _partial.AddRange(chunk);
        }

        public void Complete()
        {
            if (_partial.Count > 0) onLine(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_partial));
            _partial.Clear();
        }
    }

    /// <summary>
    /// The fields of one commit: an empty field, <c>%H %P %ae %an %ad(raw) %B</c>, the empty field
    /// <c>-z</c> ends it with, then its paths (the first after a newline) until the next empty field.
    /// </summary>
    private sealed class ReportLogParser(Action<Core.Domain.History.ReportCommit, string> onCommit)
    {
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal); // Authors and paths repeat: one string each.
        private int _index = -1;
        private string? _id, _email, _name, _message;
        private int _parents;
        private DateTimeOffset _time;
        private bool _valid;
        private List<Core.Domain.History.ChangedFile> _files = [];

        public void Field(ReadOnlySpan<byte> field)
        {
            if (_index >= 8)
            {
                if (field.IsEmpty)
                {
                    Deliver();
                    _index = 1; // That empty field starts the next commit.
                    return;
                }
                if (_index == 8 && field[0] == (byte)'\n') field = field[1..];
                if (!field.IsEmpty) _files.Add(new Core.Domain.History.ChangedFile(Shared(field), 0, 0));
                _index = 9;
                return;
            }
            switch (_index)
            {
                case -1: // The empty field before the first commit.
                case 7: // The empty field -z ends the commit's fields with.
                    break;
                case 1:
                    _id = System.Text.Encoding.ASCII.GetString(field);
                    break;
                case 2:
                    _parents = field.IsEmpty ? 0 : field.Count((byte)' ') + 1;
                    break;
                case 3:
                    _email = Shared(field);
                    break;
                case 4:
                    _name = Shared(field);
                    break;
                case 5:
                    _valid = TryParseRawDate(field, out _time);
                    break;
                case 6:
                    _message = System.Text.Encoding.UTF8.GetString(field);
                    break;
            }
            _index = _index == -1 ? 1 : _index + 1;
        }

        /// <summary>After the stream: the last commit.</summary>
        public void Complete() => Deliver();

        /// <summary>Hands over the commit read so far (once), with its paths.</summary>
        private void Deliver()
        {
            if (_id is { Length: > 0 } id && _valid && _message is not null)
                onCommit(new Core.Domain.History.ReportCommit(id, _email ?? "", _time, _parents, _message, _files, 0), _name ?? "");
            _id = _message = null;
            _valid = false;
            _files = [];
        }

        private string Shared(ReadOnlySpan<byte> bytes)
        {
            string text = System.Text.Encoding.UTF8.GetString(bytes);
            if (_strings.TryGetValue(text, out var known)) return known;
            _strings[text] = text;
            return text;
        }

        /// <summary><c>--date=raw</c>: seconds since the epoch and the author's offset, "1700000000 +0100".</summary>
        private static bool TryParseRawDate(ReadOnlySpan<byte> field, out DateTimeOffset time)
        {
            time = default;
            int space = field.IndexOf((byte)' ');
            if (space <= 0 || field.Length != space + 6 || !long.TryParse(field[..space], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long seconds) ||
                !int.TryParse(field[(space + 2)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int hhmm)) return false;
            int minutes = hhmm / 100 * 60 + hhmm % 100;
            if (field[space + 1] == (byte)'-') minutes = -minutes;
            if (Math.Abs(minutes) > 14 * 60) return false;
            try
            {
                time = DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(TimeSpan.FromMinutes(minutes));
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }
    }

    /// <summary>The files each commit changed (against its first parent), with line counts, by id.</summary>
    public Dictionary<string, IReadOnlyList<Core.Domain.History.ChangedFile>> FilesOf(IReadOnlyCollection<string> ids, CancellationToken cancellation = default)
    {
        var files = new Dictionary<string, IReadOnlyList<Core.Domain.History.ChangedFile>>(StringComparer.Ordinal);
        if (ids.Count == 0) return files;
        using var reader = ReadFiles((id, list) => files[id] = list, cancellation);
        foreach (var id in ids) reader.Add(id);
        reader.Finish();
        return files;
    }

    /// <summary>
    /// One <c>git diff-tree --stdin</c> that reads commits' files as their ids are added, on a thread
    /// of its own: the report feeds it while it is still reading the log. Each commit is diffed
    /// against its first parent (a root commit against nothing; a merge has no files).
    /// </summary>
    public FilesReader ReadFiles(Action<string, IReadOnlyList<Core.Domain.History.ChangedFile>> onCommit, CancellationToken cancellation = default) =>
        new(Root, onCommit, cancellation);

    /// <summary>See <see cref="ReadFiles"/>: <see cref="Add"/> ids, then <see cref="Finish"/>; <c>onCommit</c> runs on the reader's thread.</summary>
    public sealed class FilesReader : IDisposable
    {
        private readonly GitInput _git;
        private readonly Thread _thread;
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _length;
        private GitResult? _result;
        private Exception? _failure;
        private bool _finished;
        private bool _stopped; // git stopped reading (it exited): Finish reports why.

        internal FilesReader(string root, Action<string, IReadOnlyList<Core.Domain.History.ChangedFile>> onCommit, CancellationToken cancellation)
        {
            // No ambiguity check: git would otherwise look for a ref named like each id.
            _git = Git.StartWithInput(root, ["-c", "core.warnAmbiguousRefs=false", "diff-tree", "--stdin", "--always", "--root", "-r", "-z", "--numstat",
                "--no-renames", "--no-ext-diff", "--no-textconv"]);
            string? current = null;
            var list = new List<Core.Domain.History.ChangedFile>();
            void Flush()
            {
                if (current is not null) onCommit(current, list);
                current = null;
                list = [];
            }
            var fields = new NulFields(field =>
            {
                while (!field.IsEmpty && field[0] == (byte)'\n') field = field[1..];
                if (field.IsEmpty) return;
                int tab = field.IndexOf((byte)'\t');
                if (tab < 0)
                {
                    // A commit's id starts its files.
                    Flush();
                    current = System.Text.Encoding.ASCII.GetString(field);
                    return;
                }
                // "added<TAB>deleted<TAB>path" ("-" for both when binary).
                int second = field[(tab + 1)..].IndexOf((byte)'\t');
                if (second < 0) return;
                second += tab + 1;
                int added = int.TryParse(field[..tab], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int a) ? a : 0;
                int deleted = int.TryParse(field[(tab + 1)..second], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int d) ? d : 0;
                list.Add(new Core.Domain.History.ChangedFile(System.Text.Encoding.UTF8.GetString(field[(second + 1)..]), added, deleted));
            });
            _thread = new Thread(() =>
            {
                try
                {
                    _result = _git.Pending.Stream(fields.Feed, TimeSpan.FromMinutes(10), cancellation);
                    fields.Complete();
                    Flush();
                }
                catch (Exception e)
                {
                    _failure = e;
                }
            }) { IsBackground = true, Name = "careerlsp diff-tree" };
            _thread.Start();
        }

        /// <summary>Asks for one commit's files (a full id). Never throws: a git that stopped reading is reported by <see cref="Finish"/>.</summary>
        public void Add(string id)
        {
            if (_stopped) return;
            if (id.Length + 1 > _buffer.Length - _length) Send();
            _length += System.Text.Encoding.ASCII.GetBytes(id, _buffer.AsSpan(_length));
            _buffer[_length++] = (byte)'\n';
        }

        /// <summary>Ends the input and waits until every commit asked for was handed over.</summary>
        /// <exception cref="GitException">git failed.</exception>
        public void Finish()
        {
            if (_finished) return;
            _finished = true;
            Send();
            _git.Dispose();
            _thread.Join();
            if (_failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
            if (_result is { Succeeded: false } failed) throw new GitException($"git could not read the commits' files: {FirstLine(failed.Error)}");
            if (_stopped) throw new GitException("git stopped reading the commits to diff before the last one");
        }

        private void Send()
        {
            if (_length == 0 || _stopped) return;
            int length = _length;
            _length = 0;
            try
            {
                _git.Write(_buffer.AsSpan(0, length));
            }
            catch (IOException)
            {
                _stopped = true; // git exited; its error (or this) is Finish's to report.
            }
        }

        /// <summary>Stops git if <see cref="Finish"/> was not reached (an exception on the way).</summary>
        public void Dispose()
        {
            if (_finished) return;
            _finished = true;
            _git.Dispose();
            _thread.Join();
        }
    }

    /// <summary>
    /// HEAD's commit id, and whether <paramref name="ancestor"/> is reachable from it, asked at once
    /// (a cached report's first question).
    /// </summary>
    public (string? Head, bool IsAncestor) HeadAndAncestry(string ancestor)
    {
        var head = Git.Start(Root, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]);
        var ancestry = ancestor.Length > 0 && !ancestor.StartsWith('-') ? Git.Start(Root, ["merge-base", "--is-ancestor", ancestor, "HEAD"]) : null;
        var headResult = head.Result();
        bool isAncestor = ancestry?.Result().Succeeded ?? false;
        return (headResult.Succeeded ? headResult.Output.Trim() : null, isAncestor);
    }

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
        // Streamed: a range in CI can hold thousands of commits, each parsed as git writes it.
        var commits = new List<CommitInfo>();
        string? id = null, parents = null, message = null;
        int field = 0, files = 0, lines = 0;
        void Flush()
        {
            if (id is not null && message is not null)
                commits.Add(new CommitInfo(id, (parents ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries), message, new ChangeSize(files, lines)));
            id = parents = message = null;
            files = lines = 0;
        }
        var splitter = new NulFields(bytes =>
        {
            var text = bytes;
            while (!text.IsEmpty && text[0] == (byte)'\n') text = text[1..];
            if (!text.IsEmpty && text[0] == 0x1e)
            {
                Flush();
                id = System.Text.Encoding.ASCII.GetString(text[1..]);
                field = 1;
                return;
            }
            switch (field)
            {
                case 1: parents = System.Text.Encoding.ASCII.GetString(bytes); field = 2; return;
                case 2: message = System.Text.Encoding.UTF8.GetString(bytes); field = 3; return;
            }
            // "--numstat -z": "added<TAB>deleted<TAB>path"; a binary file counts no lines.
            int tab = text.IndexOf((byte)'\t');
            if (tab < 0) return;
            int second = text[(tab + 1)..].IndexOf((byte)'\t');
            if (second < 0) return;
            files++;
            if (int.TryParse(text[..tab], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int a)) lines += a;
            if (int.TryParse(text[(tab + 1)..(tab + 1 + second)], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int d)) lines += d;
        });
        var result = Git.Stream(Root, arguments, splitter.Feed, TimeSpan.FromMinutes(5));
        if (!result.Succeeded)
            throw new GitException($"git could not read the range \"{range}\": {FirstLine(result.Error)}");
        splitter.Complete();
        Flush();
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
