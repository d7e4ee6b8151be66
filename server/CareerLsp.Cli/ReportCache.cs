using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareerLsp.Core.History;

namespace CareerLsp.Cli;

/// <summary>
/// The habit report's facts per commit, kept in the repository's git directory
/// (<c>.git/careerlsp/report-cache</c>) with the HEAD they were read up to: a report after one new
/// commit reads that commit only. The cache is used only when its HEAD is still an ancestor of
/// HEAD (a rebase or reset that rewrote it means reading everything again) and when the
/// configuration it was computed with is the same. Plain text, one commit per line.
/// </summary>
internal sealed class ReportCache
{
    private const string Magic = "careerlsp report cache 1";

    private ReportCache(string head, List<CommitFacts> facts)
    {
        Head = head;
        Facts = facts;
    }

    public string Head { get; }

    public List<CommitFacts> Facts { get; }

    public static string PathIn(string gitDirectory) => Path.Combine(gitDirectory, "careerlsp", "report-cache");

    /// <summary>What the facts depend on besides the commits: the configuration and the window.</summary>
    public static string Key(string? configText, TimeSpan window, string libraryPath) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{configText}\n{window.TotalMinutes}\n{libraryPath}")))[..16];

    /// <summary>The cache, or <c>null</c> when there is none, it is unreadable, or it was made for another key.</summary>
    public static ReportCache? Read(string gitDirectory, string key)
    {
        string path = PathIn(gitDirectory);
        string text;
        try
        {
            if (!File.Exists(path)) return null;
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // One pass over spans: a warm report over 100,000 commits reads this file on every run.
        var rest = text.AsSpan();
        int eol = rest.IndexOf('\n');
        if (eol < 0) return null;
        var header = rest[..eol].ToString().Split('\t');
        if (header.Length != 3 || header[0] != Magic || header[2] != key) return null;
        rest = rest[(eol + 1)..];
        var facts = new List<CommitFacts>(rest.Count('\n'));
        var authors = new Dictionary<string, string>(StringComparer.Ordinal); // Authors repeat: one string each.
        Span<Range> fields = stackalloc Range[11];
        while (rest.Length > 0)
        {
            eol = rest.IndexOf('\n');
            var line = eol < 0 ? rest : rest[..eol];
            rest = eol < 0 ? default : rest[(eol + 1)..];
            if (line.Split(fields, '\t') != 10) return null;
            if (!long.TryParse(line[fields[1]], CultureInfo.InvariantCulture, out long seconds) || !int.TryParse(line[fields[2]], CultureInfo.InvariantCulture, out int offset) ||
                !int.TryParse(line[fields[7]], CultureInfo.InvariantCulture, out int patterns) || line[fields[8]].Length == 0) return null;
            var time = DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(TimeSpan.FromMinutes(offset));
            var flag = line[fields[8]];
            facts.Add(new CommitFacts(line[fields[0]].ToString(), Shared(authors, line[fields[4]]), Shared(authors, line[fields[3]]), time, Unescape(line[fields[9]].ToString()),
                line[fields[5]] is "1", line[fields[6]] is "1", flag[0] == '1', patterns, flag.Length > 1 ? Unescape(flag[1..].ToString()) : null));
        }
        return new ReportCache(header[1], facts);
    }

    /// <summary>Writes the cache atomically (a temporary file renamed over it); failing to write only costs the next run time.</summary>
    public static void Write(string gitDirectory, string key, string head, IEnumerable<CommitFacts> facts)
    {
        string path = PathIn(gitDirectory);
        var text = new StringBuilder();
        text.Append(Magic).Append('\t').Append(head).Append('\t').Append(key).Append('\n');
        foreach (var f in facts)
        {
            text.Append(f.Id).Append('\t')
                .Append(f.Time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(((int)f.Time.Offset.TotalMinutes).ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(Escape(f.Author)).Append('\t').Append(Escape(f.AuthorName)).Append('\t')
                .Append(f.WithSources ? '1' : '0').Append('\t').Append(f.WithPremortem ? '1' : '0').Append('\t')
                .Append(f.PatternsAdded.ToString(CultureInfo.InvariantCulture)).Append('\t')
                // Fix-forward flag, then the skip reason (if any) in the same field.
                .Append(f.FixForward ? '1' : '0').Append(f.SkipReason is null ? "" : Escape(f.SkipReason)).Append('\t')
                .Append(Escape(f.Subject)).Append('\n');
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            string temporary = path + $".{Environment.ProcessId}.tmp";
            File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only repository: the report is still right, only slower next time.
        }
    }

    private static string Shared(Dictionary<string, string> strings, ReadOnlySpan<char> escaped)
    {
        var lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(escaped, out var known)) return known;
        string key = escaped.ToString();
        return strings[key] = Unescape(key);
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");

    private static string Unescape(string text)
    {
        if (!text.Contains('\\')) return text;
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length) { sb.Append(text[i]); continue; }
            char next = text[++i];
            sb.Append(next switch { 't' => '\t', 'n' => '\n', 'r' => '\r', _ => next });
        }
        return sb.ToString();
    }
}
