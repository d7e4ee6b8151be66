using CareerLsp.Core.History;

namespace CareerLsp.Workspace;

/// <summary>
/// Reads commits' files (a diff each: the report's most expensive part) in one <c>git diff-tree
/// --stdin</c> fed while the history is still being read, so that git's log and git's diffs run on
/// two cores at once. It guesses from the commits seen so far which files will be needed: a commit
/// whose subject could make it a fix-forward, and its author's commits in the window before it
/// (the log comes newest first, so those follow it). The guess only saves time: the report works
/// out the exact set afterwards and reads whatever the guess missed.
/// </summary>
internal sealed class FilePrefetch : IDisposable
{
    private readonly Repository _repository;
    private readonly TimeSpan _window;
    private readonly Dictionary<string, IReadOnlyList<ChangedFile>> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DateTimeOffset>> _candidates = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    private Repository.FilesReader? _reader;

    private readonly bool _eager;

    /// <summary>
    /// With <paramref name="eager"/>, files are read during the log; otherwise all of them by
    /// <see cref="Complete"/>, in one call.
    /// </summary>
    public FilePrefetch(Repository repository, TimeSpan window, bool eager)
    {
        _eager = eager;
        _repository = repository;
        _window = window;
    }

    /// <summary>Sees one commit from the log (newest first) and asks for its files when they may be needed.</summary>
    public void Observe(ReportCommit commit, bool mayBeFixForward)
    {
        if (commit.IsMerge || !_eager) return;
        bool need = false;
        if (_candidates.TryGetValue(commit.Author, out var times))
        {
            foreach (var time in times)
                if (time >= commit.Time && time - commit.Time <= _window) { need = true; break; }
            // The log is in commit-date order and author dates mostly follow it: keep the recent few.
            if (times.Count > 32) times.RemoveRange(0, times.Count - 32);
        }
        if (mayBeFixForward)
        {
            need = true;
            if (times is null) _candidates[commit.Author] = times = [];
            times.Add(commit.Time);
        }
        if (need && _queued.Add(commit.Id))
        {
            // Started on the first commit that needs it: most reports after one new commit need none.
            _reader ??= _repository.ReadFiles((id, files) => _files[id] = files);
            _reader.Add(commit.Id);
        }
    }

    /// <summary>
    /// The files of <paramref name="needed"/> once the log is read: the prefetched ones, and the
    /// rest read now. Throws what git's diff threw.
    /// </summary>
    public Dictionary<string, IReadOnlyList<ChangedFile>> Complete(IReadOnlyCollection<string> needed)
    {
        _reader?.Finish(); // Only the reader's thread writes _files until it has finished.
        var missing = needed.Where(id => !_files.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            foreach (var (id, files) in _repository.FilesOf(missing)) _files[id] = files;
        Marks.Mark($"files: {_queued.Count} prefetched, {missing.Count} read after the log");
        return _files;
    }

    /// <summary>Stops git's diff when the report ends early.</summary>
    public void Dispose() => _reader?.Dispose();
}
