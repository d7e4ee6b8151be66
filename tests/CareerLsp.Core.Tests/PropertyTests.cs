using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Engine;
using CareerLsp.Core.Rules;
using CareerLsp.Core.Syntax;
using FsCheck;
using FsCheck.Fluent;

namespace CareerLsp.Core.Tests;

/// <summary>
/// Parsing never fails (docs/dev/style.md): for any text, every check returns findings whose ranges
/// lie inside the document. FsCheck 3 drives it; the generator mixes the characters and line shapes
/// that matter (markers, colons, hashes, CR/LF, surrogates, NUL) with arbitrary strings.
/// </summary>
public sealed class PropertyTests
{
    private static readonly string[] Pieces =
    [
        "\n", "\r\n", "\r", " ", "\t", "#", "## ", "- ", "* ", "1. ", "- [ ] ", "- [x] ", ":", "Sources Consulted:", "Pre-mortem:",
        "Failure: ", "Race: ", "Dependency: ", "## Testing", "Habits-Skip:", "Signed-off-by: a", "**Bold**", "```", "<!--", "-->",
        "> ", "https://x.org/a", "`a/b.cs`", "😀", "\u0000", "é", "\\", "|a|b|", "---", "===", "<x y>", "Merge branch 'a'",
        "Revert \"x\"", "fixup! x", "# ------------------------ >8 ------------------------",
    ];

    private static Arbitrary<string> Documents() =>
        Gen.OneOf(
                Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts)),
                ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""))
            .ToArbitrary();

    private static void AssertWellFormed(CheckResult result)
    {
        var text = result.Document.Text;
        foreach (var f in result.Findings)
        {
            Assert.True(f.Range.Start.CompareTo(f.Range.End) <= 0, $"{f.Rule.Slug}: start after end");
            Assert.InRange(f.Range.End.Line, 0, Math.Max(0, text.LineCount - 1));
            Assert.InRange(text.GetOffset(f.Range.End), 0, text.Length);
            Assert.Equal(f.Range.End, text.GetPosition(text.GetOffset(f.Range.End)));
        }
    }

    [Fact]
    public void Every_check_accepts_any_text_and_reports_ranges_inside_it()
    {
        var config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(400).WithQuietOnSuccess(true);
        Prop.ForAll(Documents(), text =>
        {
            AssertWellFormed(Checker.CheckCommitMessage(text));
            AssertWellFormed(Checker.CheckCommitMessage(text, new CheckOptions { CommitParse = new() { CommentChar = "auto" }, PathExists = _ => false }));
            AssertWellFormed(Checker.CheckPullRequest(text));
            AssertWellFormed(Checker.CheckPullRequestTemplate(text));
            var load = ConfigLoader.Load(text);
            AssertWellFormed(Checker.CheckConfiguration(load.Text, new CheckOptions { ConfigIssues = load.Issues }));
        }).Check(config);
    }
}
