using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Engine;
using CareerLsp.Core.Rules;

namespace CareerLsp.Core.Tests;

/// <summary>
/// Data-driven checks with the expectations written inline, under the line they are about
/// (rust-analyzer's <c>//^^^ error</c> style):
/// <code>
/// Add the parser
/// ^^^^^^^^^^^^^^ error sources-required: No Sources Consulted section: …
/// </code>
/// The carets mark the finding's range on that line (<c>|</c> marks an empty range); a range that
/// runs past its line ends in <c>→line:char</c>. The helper strips the annotations, runs the engine,
/// renders what it found the same way and compares the whole text. Set <c>UPDATE_EXPECT=1</c> to
/// rewrite the expectations in the test source from what the engine now says.
/// </summary>
public static partial class Expect
{
    [GeneratedRegex(@"^\s*(\^+|\|) (error|warning|info|hint) [a-z0-9-]+: ")]
    private static partial Regex AnnotationLine();

    public static void Commit(string annotated, string? only = null, CheckOptions? options = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Run(annotated, only, text => Checker.CheckCommitMessage(text, options), file, line);

    public static void Pr(string annotated, string? only = null, CheckOptions? options = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Run(annotated, only, text => Checker.CheckPullRequest(text, options), file, line);

    public static void Patterns(string annotated, string? only = null, CheckOptions? options = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Run(annotated, only, text => Checker.CheckPatternLibrary(text, options), file, line);

    public static void Template(string annotated, string? only = null, CheckOptions? options = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Run(annotated, only, text => Checker.CheckPullRequestTemplate(text, options), file, line);

    public static string Strip(string annotated) =>
        string.Join('\n', annotated.Split('\n').Where(l => !AnnotationLine().IsMatch(l)));

    public static string Render(string text, IEnumerable<Finding> findings)
    {
        var lines = text.Split('\n');
        var byLine = findings.GroupBy(f => f.Range.Start.Line).ToDictionary(g => g.Key, g => g.ToList());
        var output = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            output.Add(lines[i]);
            if (!byLine.TryGetValue(i, out var here)) continue;
            foreach (var f in here)
            {
                int lineLength = lines[i].TrimEnd('\r').Length;
                var sb = new StringBuilder();
                sb.Append(' ', f.Range.Start.Character);
                bool multiLine = f.Range.End.Line != f.Range.Start.Line;
                int end = multiLine ? Math.Max(lineLength, f.Range.Start.Character + 1) : f.Range.End.Character;
                if (f.Range.IsEmpty) sb.Append('|');
                else sb.Append('^', Math.Max(1, end - f.Range.Start.Character));
                sb.Append(' ').Append(SeverityName(f.Severity)).Append(' ').Append(f.Rule.Slug).Append(": ").Append(f.Message);
                if (multiLine) sb.Append(" →").Append(f.Range.End.Line).Append(':').Append(f.Range.End.Character);
                output.Add(sb.ToString());
            }
        }
        return string.Join('\n', output);
    }

    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        _ => "hint",
    };

    private static void Run(string annotated, string? only, Func<string, CheckResult> check, string file, int line)
    {
        string text = Strip(annotated);
        var result = check(text);
        var slugs = only?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        foreach (var slug in slugs ?? [])
            Assert.True(RuleCatalog.Find(slug) is not null, $"no rule named {slug}");
        var shown = result.Findings.Where(f => slugs is null || slugs.Contains(f.Rule.Slug));
        string actual = Render(text, shown);
        if (actual != annotated && Environment.GetEnvironmentVariable("UPDATE_EXPECT") == "1")
        {
            Rewrite(file, line, actual);
            return;
        }
        Assert.Equal(annotated, actual);
    }

    private static readonly Dictionary<string, List<(int Line, int Delta)>> Shifts = new();

    /// <summary>
    /// Replaces the first raw string literal at or after the call's line with <paramref name="actual"/>.
    /// Earlier rewrites in the same file during this run move later lines; their shifts are applied.
    /// </summary>
    private static void Rewrite(string file, int originalLine, string actual)
    {
        lock (Shifts)
        {
            var shifts = Shifts.TryGetValue(file, out var s) ? s : Shifts[file] = [];
            int line = originalLine + shifts.Where(x => x.Line < originalLine).Sum(x => x.Delta);
            int before = File.ReadAllLines(file).Length;
            RewriteAt(file, line, actual);
            shifts.Add((originalLine, File.ReadAllLines(file).Length - before));
        }
    }

    private static void RewriteAt(string file, int line, string actual)
    {
        var lines = File.ReadAllLines(file).ToList();
        // The compiler may report any line of a multi-line call: start from the call itself.
        int call = line - 1;
        while (call > 0 && !lines[call].Contains("Expect.", StringComparison.Ordinal)) call--;
        int open = -1;
        for (int i = call; i < lines.Count && open < 0 && i <= call + 1; i++)
            if (lines[i].TrimEnd().EndsWith("\"\"\"", StringComparison.Ordinal)) open = i;
        if (open < 0) throw new InvalidOperationException($"{file}:{line}: only a multi-line raw string literal (\"\"\") can be rewritten");
        int close = open + 1;
        while (close < lines.Count && !lines[close].TrimStart().StartsWith("\"\"\"", StringComparison.Ordinal)) close++;
        string indent = lines[close][..(lines[close].Length - lines[close].TrimStart().Length)];
        var body = actual.Split('\n').Select(l => l.Length == 0 ? "" : indent + l);
        lines.RemoveRange(open + 1, close - open - 1);
        lines.InsertRange(open + 1, body);
        File.WriteAllLines(file, lines);
    }
}
