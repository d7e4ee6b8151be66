using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareerLsp.Core.Domain.History;
using CareerLsp.Core.Text;

namespace CareerLsp.Workspace;

/// <summary>
/// The habit report's facts per commit, kept in the repository's git directory: <c>report-facts</c>,
/// one commit per line, appended to as commits come; and <c>report-head</c>, the HEAD the facts were
/// read up to, the facts file's length, a key of the configuration they were computed with, and
/// the weeks already counted. A report after one new commit reads the head file, that commit and
/// the few facts in the fix-forward window before it. The cache is used only while its HEAD is
/// still an ancestor of HEAD (after a rebase or reset everything is read again) and the key matches.
/// </summary>
internal static class ReportCache
{
    private const string Magic = "careerlsp report cache 2";

    public static string FactsPath(string gitDirectory) => Path.Combine(gitDirectory, "careerlsp", "report-facts");

    public static string HeadPath(string gitDirectory) => Path.Combine(gitDirectory, "careerlsp", "report-head");

    /// <summary>What the facts depend on besides the commits: the configuration and the window.</summary>
    public static string Key(string? configText, TimeSpan window, string libraryPath) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{configText}\n{window.TotalMinutes}\n{libraryPath}")))[..16];

    /// <summary>The head file: HEAD, the facts file's length, and the weeks; <c>null</c> when missing, damaged or for another key.</summary>
    public static CachedHead? ReadHead(string gitDirectory, string key)
    {
        string[] lines;
        try
        {
            string path = HeadPath(gitDirectory);
            if (!File.Exists(path)) return null;
            lines = File.ReadAllLines(path);
            if (lines.Length == 0) return null;
            var header = lines[0].Split('\t');
            if (header.Length != 4 || header[0] != Magic || header[2] != key || !long.TryParse(header[3], out long length)) return null;
            if (new FileInfo(FactsPath(gitDirectory)) is not { Exists: true } facts || facts.Length < length) return null;
            var weeks = new List<WeekReport>();
            for (int i = 1; i < lines.Length; i++)
            {
                var f = lines[i].Split('\t');
                if (f.Length != 9 || !IsoDate.TryParse(f[1], out var monday)) return null;
                var counts = new HabitCounts();
                int[] n = new int[6];
                for (int k = 0; k < 6; k++) if (!int.TryParse(f[2 + k], CultureInfo.InvariantCulture, out n[k])) return null;
                (counts.Commits, counts.WithSources, counts.WithPremortem, counts.FixForward, counts.PatternsAdded, counts.Skips) = (n[0], n[1], n[2], n[3], n[4], n[5]);
                if (f[8].Length > 0) counts.SkipReasons.AddRange(f[8].Split('\u001f').Select(Unescape));
                weeks.Add(new WeekReport(f[0], monday, counts));
            }
            return new CachedHead(header[1], length, weeks);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Every cached fact (the first <paramref name="length"/> bytes of the facts file), or <c>null</c> when damaged.</summary>
    public static List<CommitFacts>? ReadFacts(string gitDirectory, long length) => ReadFacts(gitDirectory, length, from: 0, since: null).Facts;

    /// <summary>
    /// The cached facts from <paramref name="since"/> on, read from the end of the file: those in the
    /// fix-forward window before new commits. <c>null</c> when the tail read did not reach back far
    /// enough (then read everything) or the file is damaged.
    /// </summary>
    public static List<CommitFacts>? ReadTail(string gitDirectory, long length, DateTimeOffset since)
    {
        const long Tail = 256 * 1024;
        if (length <= Tail) return ReadFacts(gitDirectory, length, 0, since).Facts;
        var (facts, oldest) = ReadFacts(gitDirectory, length, length - Tail, since, skipFirstLine: true);
        // Reaching back far enough means the oldest line read is older than the window's start.
        return facts is not null && oldest < since ? facts : null;
    }

    /// <summary>The facts from <paramref name="since"/> on, and the oldest time read (to tell whether the read reached back far enough).</summary>
    private static (List<CommitFacts>? Facts, DateTimeOffset Oldest) ReadFacts(string gitDirectory, long length, long from, DateTimeOffset? since, bool skipFirstLine = false)
    {
        string text;
        try
        {
            using var stream = new FileStream(FactsPath(gitDirectory), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (stream.Length < length) return (null, default);
            stream.Position = from;
            var buffer = new byte[length - from];
            stream.ReadExactly(buffer);
            text = Encoding.UTF8.GetString(buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, default);
        }
        var rest = text.AsSpan();
        if (skipFirstLine)
        {
            int first = rest.IndexOf('\n');
            rest = first < 0 ? default : rest[(first + 1)..];
        }
        var oldest = DateTimeOffset.MaxValue;
        // One pass over spans: a report over 100,000 commits may read every line.
        var facts = new List<CommitFacts>(since is null ? rest.Count('\n') : 64);
        var authors = new Dictionary<string, string>(StringComparer.Ordinal); // Authors repeat: one string each.
        Span<Range> fields = stackalloc Range[11];
        while (rest.Length > 0)
        {
            int eol = rest.IndexOf('\n');
            var line = eol < 0 ? rest : rest[..eol];
            rest = eol < 0 ? default : rest[(eol + 1)..];
            if (line.Split(fields, '\t') != 10) return (null, default);
            if (!long.TryParse(line[fields[1]], CultureInfo.InvariantCulture, out long seconds) || !int.TryParse(line[fields[2]], CultureInfo.InvariantCulture, out int offset) ||
                !int.TryParse(line[fields[7]], CultureInfo.InvariantCulture, out int patterns) || line[fields[8]].Length == 0) return (null, default);
            var time = DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(TimeSpan.FromMinutes(offset));
            if (time < oldest) oldest = time;
            if (since is { } start && time < start) continue;
            var flag = line[fields[8]];
            facts.Add(new CommitFacts(line[fields[0]].ToString(), Shared(authors, line[fields[4]]), Shared(authors, line[fields[3]]), time, Unescape(line[fields[9]].ToString()),
                line[fields[5]] is "1", line[fields[6]] is "1", flag[0] == '1', patterns, flag.Length > 1 ? Unescape(flag[1..].ToString()) : null));
        }
        return (facts, oldest);
    }

    /// <summary>
    /// Adds facts to the cache (or, with <paramref name="rewrite"/>, replaces it) and records HEAD and
    /// the weeks; each file is written whole or appended, then the head file is renamed into place.
    /// Failing to write only costs the next run time.
    /// </summary>
    public static void Write(string gitDirectory, string key, string head, IEnumerable<CommitFacts> facts, long previousLength, bool rewrite, IReadOnlyList<WeekReport> weeks)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FactsPath(gitDirectory))!);
            var lines = new StringBuilder();
            foreach (var f in facts) AppendLine(lines, f);
            var bytes = new UTF8Encoding(false).GetBytes(lines.ToString());
            long length;
            using (var stream = new FileStream(FactsPath(gitDirectory), rewrite ? FileMode.Create : FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read))
            {
                // After a crash between the two writes the facts file may be longer than the head says: cut it back.
                if (!rewrite) stream.SetLength(previousLength);
                stream.Position = stream.Length;
                stream.Write(bytes);
                length = stream.Length;
            }
            var text = new StringBuilder();
            text.Append(Magic).Append('\t').Append(head).Append('\t').Append(key).Append('\t').Append(length.ToString(CultureInfo.InvariantCulture)).Append('\n');
            foreach (var week in weeks)
            {
                var c = week.Counts;
                text.Append(week.Week).Append('\t').Append(IsoDate.Format(week.Monday));
                foreach (int n in new[] { c.Commits, c.WithSources, c.WithPremortem, c.FixForward, c.PatternsAdded, c.Skips })
                    text.Append('\t').Append(n.ToString(CultureInfo.InvariantCulture));
                text.Append('\t').Append(string.Join('\u001f', c.SkipReasons.Select(Escape))).Append('\n');
            }
            string path = HeadPath(gitDirectory), temporary = path + $".{Environment.ProcessId}.tmp";
            File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only repository: the report is still right, only slower next time.
        }
    }

    private static void AppendLine(StringBuilder text, CommitFacts f) =>
        text.Append(f.Id).Append('\t')
            .Append(f.Time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)).Append('\t')
            .Append(((int)f.Time.Offset.TotalMinutes).ToString(CultureInfo.InvariantCulture)).Append('\t')
            .Append(Escape(f.Author)).Append('\t').Append(Escape(f.AuthorName)).Append('\t')
            .Append(f.WithSources ? '1' : '0').Append('\t').Append(f.WithPremortem ? '1' : '0').Append('\t')
            .Append(f.PatternsAdded.ToString(CultureInfo.InvariantCulture)).Append('\t')
            // The fix-forward flag, then the skip reason (if any) in the same field.
            .Append(f.FixForward ? '1' : '0').Append(f.SkipReason is null ? "" : Escape(f.SkipReason)).Append('\t')
            .Append(Escape(f.Subject)).Append('\n');

    private static string Shared(Dictionary<string, string> strings, ReadOnlySpan<char> escaped)
    {
        var lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(escaped, out var known)) return known;
        string key = escaped.ToString();
        return strings[key] = Unescape(key);
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\u001f", "\\u");

    private static string Unescape(string text)
    {
        if (!text.Contains('\\')) return text;
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length) { sb.Append(text[i]); continue; }
            char next = text[++i];
            sb.Append(next switch { 't' => '\t', 'n' => '\n', 'r' => '\r', 'u' => '\u001f', _ => next });
        }
        return sb.ToString();
    }
}

/// <summary>What the head file says: the HEAD counted up to, the facts file's length, the weeks.</summary>
internal sealed record CachedHead(string Head, long Length, List<WeekReport> Weeks);
