using CareerLsp.Core.Domain.Library.Code;

namespace CareerLsp.Core.Domain.Library;

/// <summary>Where a word of the change was seen.</summary>
[Flags]
public enum EvidenceSource : byte
{
    None = 0,

    /// <summary>An added line of the diff.</summary>
    AddedLine = 1,

    /// <summary>A changed file's path.</summary>
    Path = 2,

    /// <summary>The message being written.</summary>
    Message = 4,
}

/// <summary>
/// What a change says about itself, reduced to what the matcher asks: which words (and which
/// pairs of adjacent words) occur in its added lines, its file paths and its message, and the
/// paths themselves. Built in one pass; a 5 MB diff is read once and not kept.
/// </summary>
public sealed class ChangeEvidence
{
    // Values are EvidenceSource flags stored as int: a dictionary over this project's enum would be
    // compiled at run time (ReadyToRun does not precompile it), on the hook's path.
    private readonly Dictionary<ulong, int> _words = [];
    private readonly Dictionary<ulong, int> _pairs = [];
    private readonly List<string> _paths;
    private readonly ChangeEvidence? _basis;
    private readonly List<CodeFact> _fileFacts = [];
    private List<CodeFact>? _facts;

    /// <summary>Starts empty, or on top of <paramref name="basis"/> (a cached diff), which is not changed.</summary>
    public ChangeEvidence(ChangeEvidence? basis = null)
    {
        _basis = basis;
        _paths = basis is null ? [] : [.. basis._paths];
        AddedLines = basis?.AddedLines ?? 0;
    }

    /// <summary>The changed files' paths (new side), in diff order.</summary>
    public IReadOnlyList<string> Paths => _paths;

    /// <summary>Lines the diff adds.</summary>
    public int AddedLines { get; private set; }

    /// <summary>
    /// What the change's code does, read by <see cref="CodeFacts"/>: facts of each file's diff, then
    /// facts of the paths together (a chart's templates changed without its Chart.yaml).
    /// </summary>
    public IReadOnlyList<CodeFact> Facts
    {
        get
        {
            if (_facts is not null) return _facts;
            var facts = new List<CodeFact>();
            if (_basis is not null) foreach (var fact in _basis.Facts) if (fact.Line > 0) facts.Add(fact);
            facts.AddRange(_fileFacts);
            CodeFacts.InspectPaths(_paths, facts);
            return _facts = facts;
        }
    }

    public bool IsEmpty => _words.Count == 0 && _paths.Count == 0 && (_basis?.IsEmpty ?? true);

    /// <summary>Where a word occurs, or <see cref="EvidenceSource.None"/>.</summary>
    public EvidenceSource Word(ulong hash) => (EvidenceSource)_words.GetValueOrDefault(hash) | (_basis?.Word(hash) ?? EvidenceSource.None);

    /// <summary>Where two words occur one after the other, or <see cref="EvidenceSource.None"/>.</summary>
    public EvidenceSource Pair(ulong first, ulong second) =>
        (EvidenceSource)_pairs.GetValueOrDefault(Tokens.Pair(first, second)) | (_basis?.Pair(first, second) ?? EvidenceSource.None);

    /// <summary>
    /// Reads a unified diff as <c>git diff</c> writes it (also plain <c>diff -u</c>): file paths from the
    /// headers, added lines from the hunks, whose line counts say where each hunk ends.
    /// </summary>
    public static ChangeEvidence FromDiff(string diff, string? message = null, string? ignoredPath = null)
    {
        var evidence = new ChangeEvidence();
        evidence.AddDiff(diff, ignoredPath);
        if (message is not null) evidence.AddText(message, EvidenceSource.Message);
        return evidence;
    }

    /// <summary>
    /// Adds a diff's paths and added lines. The file at <paramref name="ignoredPath"/> (the library
    /// itself: an entry added with the change would otherwise match itself) is left out.
    /// </summary>
    public void AddDiff(string diff, string? ignoredPath = null)
    {
        var text = diff.AsSpan();
        int oldLeft = 0, newLeft = 0, newLine = 0;
        string? pendingOld = null;
        bool ignored = false, isNew = false;
        DiffFile? file = null;
        _facts = null;
        while (text.Length > 0)
        {
            int eol = text.IndexOf('\n');
            var line = eol < 0 ? text : text[..eol];
            text = eol < 0 ? default : text[(eol + 1)..];
            if (line.Length > 0 && line[^1] == '\r') line = line[..^1];

            if (oldLeft > 0 || newLeft > 0)
            {
                char kind = line.Length == 0 ? ' ' : line[0];
                if (kind == '+')
                {
                    newLeft--;
                    if (ignored) continue;
                    AddedLines++;
                    AddText(line[1..], EvidenceSource.AddedLine);
                    file?.Lines.Add(new DiffLine('+', line[1..].ToString(), newLine++));
                }
                else if (kind == '-')
                {
                    oldLeft--;
                    file?.Lines.Add(new DiffLine('-', line[1..].ToString(), newLine));
                }
                else if (kind == ' ')
                {
                    oldLeft--;
                    newLeft--;
                    file?.Lines.Add(new DiffLine(' ', line.Length > 0 ? line[1..].ToString() : "", newLine++));
                }
                continue;
            }
            if (line.StartsWith("@@ "))
            {
                (oldLeft, newLeft) = HunkCounts(line);
                newLine = NewStart(line);
            }
            else if (line.StartsWith("diff --git "))
            {
                Flush(file);
                file = null;
                isNew = false;
                string? path = GitHeaderPath(line["diff --git ".Length..]);
                ignored = path is not null && path == ignoredPath;
                if (path is not null && !ignored) AddPath(path);
            }
            else if (line.StartsWith("new file mode")) isNew = true;
            else if (line.StartsWith("--- "))
            {
                pendingOld = HeaderPath(line[4..]);
                isNew |= line[4..].StartsWith("/dev/null");
            }
            else if (line.StartsWith("+++ "))
            {
                string? path = HeaderPath(line[4..]) ?? pendingOld;
                ignored = path is not null && path == ignoredPath;
                if (path is not null && !ignored) AddPath(path);
                Flush(file);
                file = path is not null && !ignored && !line[4..].StartsWith("/dev/null") && CodeFacts.Reads(path) ? new DiffFile(path, isNew) : null;
                pendingOld = null;
            }
            else if (line.StartsWith("rename to ") && !ignored) AddPath(line["rename to ".Length..].ToString());
        }
        Flush(file);
    }

    // A file's lines are read for facts when the next file starts, then dropped.
    private void Flush(DiffFile? file)
    {
        if (file is not null) CodeFacts.Inspect(file, _fileFacts);
    }

    // "@@ -12,7 +14,9 @@": the new side starts at line 14.
    private static int NewStart(ReadOnlySpan<char> line)
    {
        int plus = line.IndexOf('+');
        if (plus < 0) return 1;
        int end = plus + 1;
        while (end < line.Length && char.IsAsciiDigit(line[end])) end++;
        return int.TryParse(line[(plus + 1)..end], out int n) ? n : 1;
    }

    /// <summary>Adds a changed path (its words count as evidence too).</summary>
    public void AddPath(string path)
    {
        _facts = null;
        if (_paths.Count > 0 && _paths[^1] == path) return;
        if (_paths.Contains(path)) return;
        _paths.Add(path);
        AddText(path, EvidenceSource.Path);
    }

    /// <summary>Adds the words of a text: a message, a line.</summary>
    public void AddText(ReadOnlySpan<char> text, EvidenceSource source)
    {
        Sink.Source = source;
        Sink.Previous = 0;
        Tokens.Scan(text, Sink);
    }

    private WordSink? _sinkField;

    private WordSink Sink => _sinkField ??= new WordSink(this);

    /// <summary>Records words and adjacent pairs; "CoreDNS" whole adds a word but no pair (its parts made them).</summary>
    private sealed class WordSink(ChangeEvidence evidence) : TokenSink
    {
        public EvidenceSource Source;
        public ulong Previous;

        public override void Token(ulong hash, int start, int length, bool compound)
        {
            ref int word = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(evidence._words, hash, out _);
            word |= (int)Source;
            if (compound) return;
            if (Previous != 0)
            {
                ref int pair = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(evidence._pairs, Tokens.Pair(Previous, hash), out _);
                pair |= (int)Source;
            }
            Previous = hash;
        }
    }

    // "@@ -12,7 +12,9 @@": lines of the old and new side still to come; a missing count is 1.
    private static (int Old, int New) HunkCounts(ReadOnlySpan<char> line)
    {
        int minus = line.IndexOf('-'), plus = line.IndexOf('+');
        if (minus < 0 || plus < 0) return (0, 0);
        return (Count(line[(minus + 1)..]), Count(line[(plus + 1)..]));

        static int Count(ReadOnlySpan<char> range)
        {
            int end = 0;
            while (end < range.Length && (char.IsAsciiDigit(range[end]) || range[end] == ',')) end++;
            var numbers = range[..end];
            int comma = numbers.IndexOf(',');
            if (comma < 0) return 1;
            return int.TryParse(numbers[(comma + 1)..], out int n) ? n : 0;
        }
    }

    // "a/src/x.cs b/src/x.cs": the new side. Quoted paths are read by the ---/+++ headers instead.
    private static string? GitHeaderPath(ReadOnlySpan<char> rest)
    {
        if (rest.Length == 0 || rest[0] == '"') return null;
        int b = rest.IndexOf(" b/");
        return b < 0 ? null : rest[(b + 3)..].ToString();
    }

    private static string? HeaderPath(ReadOnlySpan<char> path)
    {
        int tab = path.IndexOf('\t');
        if (tab >= 0) path = path[..tab];
        if (path.SequenceEqual("/dev/null")) return null;
        if (path.Length > 1 && path[0] == '"' && path[^1] == '"') path = path[1..^1];
        if (path.StartsWith("a/") || path.StartsWith("b/")) path = path[2..];
        return path.Length == 0 ? null : path.ToString();
    }
}
