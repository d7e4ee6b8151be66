using System.Text;
using CareerLsp.Core.Syntax;
using CareerLsp.Core.Text;
using FsCheck;
using FsCheck.Fluent;

namespace CareerLsp.Core.Tests.Parsing;

/// <summary>
/// The pattern library is read a category at a time and re-read only where an edit landed; that
/// must be invisible: the same model as reading the whole text at once.
/// </summary>
public sealed class PatternLibraryParsingTests
{
    private static readonly string[] Lines =
    [
        "", "", "", "# Common Patterns", "# Race Conditions", "## Kubernetes", "### Deep", "Intro prose.", "More prose.",
        "- Two hooks write a file → take a lock", "- Stale cache -> clear it", "- No remedy here", "- → only a remedy",
        "  - Matches: coredns, `deploy/*.yaml`", "  - a detail", "1. numbered → entry", "* star entry → fix", "```", "- in a fence → no",
        "<details>", "</details>", "<!--", "-->", "> quoted → no", "Title", "=====", "---", "    indented code",
        new string(' ', 44) + "- too deep", "- Two hooks write a file → again",
    ];

    private static Arbitrary<string> Libraries() => Gen.Elements(Lines).ListOf().Select(lines => string.Join('\n', lines)).ToArbitrary();

    internal static string Dump(PatternLibrary library)
    {
        var sb = new StringBuilder();
        sb.Append("title ").Append(library.TitleRange).Append('\n');
        void Category(PatternCategory c, string indent)
        {
            sb.Append(indent).Append($"# {c.Title} {c.TitleRange} {c.Level}\n");
            foreach (var e in c.Entries) sb.Append(indent).Append($"  - {e.Line}\n");
            foreach (var child in c.Children) Category(child, indent + "  ");
        }
        foreach (var c in library.Categories) Category(c, "");
        foreach (var e in library.Entries)
            sb.Append($"{e.Problem} | {e.Remedy} | {e.Range} {e.ProblemRange} | {e.Category?.Title} | {string.Join(";", e.Terms.Select(t => $"{t.Text}{t.Range}{t.IsPath}{t.IsGlob}"))}\n");
        foreach (var m in library.Malformed) sb.Append($"malformed {m.Range} {m.Text} {m.Reason}\n");
        return sb.ToString();
    }

    private static readonly FsCheck.Config Config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(500).WithQuietOnSuccess(true);

    [Fact]
    public void Reading_by_chunks_equals_reading_the_whole_text()
    {
        Prop.ForAll(Libraries(), text =>
        {
            var source = new SourceText(text);
            Assert.Equal(Dump(PatternLibrary.Parse(source, null, split: false)), Dump(PatternLibrary.Parse(source)));
        }).Check(Config);
    }

    [Fact]
    public void Re_reading_after_an_edit_equals_reading_from_scratch()
    {
        var edits = Gen.Elements(Lines).ListOf().Select(l => string.Join('\n', l)).Two();
        Prop.ForAll(Libraries(), edits.ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (text, edit, at) =>
        {
            var before = PatternLibrary.Parse(new SourceText(text));
            int offset = text.Length == 0 ? 0 : at % (text.Length + 1);
            string edited = text[..offset] + edit.Item1 + text[offset..];
            var after = new SourceText(edited);
            Assert.Equal(Dump(PatternLibrary.Parse(after, null, split: false)), Dump(PatternLibrary.Parse(after, before)));
        }).Check(Config);
    }

    [Fact]
    public void An_edit_in_one_category_reuses_the_others()
    {
        string text = "# Common Patterns\n\nIntro.\n\n# A\n\n- a1 → r\n\n# B\n\n- b1 → r\n";
        var first = PatternLibrary.Parse(new SourceText(text));
        var second = PatternLibrary.Parse(new SourceText(text.Replace("- a1 → r", "- a1 → r\n- a2 → r")), first);
        Assert.Equal(["a1", "a2", "b1"], second.Entries.Select(e => e.Problem));
        Assert.Equal(11, second.Entries[2].Line);
        Assert.Equal("B", second.Entries[2].Category!.Title);
    }
}
