using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CareerLsp.Core.Tests;

/// <summary>
/// Every link in the README and docs/ resolves: a relative link names a file that exists, and its
/// #anchor a heading of that file (as GitHub makes anchors); a repository path in backticks exists.
/// </summary>
public sealed class DocsLinkTests
{
    /// <summary>Where this repository's own paths start (examples of a user's repository, such as <c>tests/test_reader.py</c>, do not).</summary>
    private static readonly string[] RepositoryFolders =
    [
        "server/", "tests/CareerLsp.", "tests/e2e/", "tests/editor/", "tests/bench/", "tests/scripts/", "vscode-extension/",
        "docs/dev/", "docs/rules/", "docs/screenshots/", ".github/", ".ci/",
    ];

    private static string Root() => RulesTableTests.Root();

    private static IEnumerable<string> Pages(string root) =>
        new[] { Path.Combine(root, "README.md") }.Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories));

    /// <summary>The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered.</summary>
    public static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var heading in Markdown.Parse(markdown).Descendants<HeadingBlock>())
        {
            var text = new StringBuilder();
            foreach (var inline in heading.Inline?.Descendants() ?? [])
            {
                if (inline is LiteralInline literal) text.Append(literal.Content.ToString());
                else if (inline is CodeInline code) text.Append(code.Content);
            }
            var slug = new StringBuilder();
            foreach (char c in text.ToString().Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_') slug.Append(c);
                else if (c == ' ') slug.Append('-');
            }
            string anchor = slug.ToString();
            int n = seen.GetValueOrDefault(anchor);
            seen[anchor] = n + 1;
            anchors.Add(n == 0 ? anchor : $"{anchor}-{n}");
        }
        return anchors;
    }

    /// <summary>The problems with one page's links, given where it lives and a way to read other pages.</summary>
    public static List<string> Problems(string root, string page, string markdown)
    {
        var problems = new List<string>();
        string folder = Path.GetDirectoryName(page)!;
        string name = Path.GetRelativePath(root, page);
        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UsePipeTables().Build());
        foreach (var link in document.Descendants<LinkInline>())
        {
            string url = link.Url ?? "";
            if (url.Length == 0 || url.Contains("://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal)) continue;
            int hash = url.IndexOf('#');
            string file = hash < 0 ? url : url[..hash];
            string? anchor = hash < 0 ? null : url[(hash + 1)..];
            string target = file.Length == 0 ? page : Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(file)));
            if (file.Length > 0 && !File.Exists(target) && !Directory.Exists(target))
            {
                problems.Add($"{name}: {url}: no such file");
                continue;
            }
            if (anchor is not null && target.EndsWith(".md", StringComparison.Ordinal) &&
                !Anchors(file.Length == 0 ? markdown : File.ReadAllText(target)).Contains(anchor))
                problems.Add($"{name}: {url}: no heading with that anchor");
        }
        foreach (var code in document.Descendants<CodeInline>())
        {
            string path = code.Content.TrimEnd('/', '.', ',');
            if (!RepositoryFolders.Any(f => path.StartsWith(f, StringComparison.Ordinal)) || path.IndexOfAny(['*', '<', '>', ' ', '{']) >= 0) continue;
            if (!File.Exists(Path.Combine(root, path)) && !Directory.Exists(Path.Combine(root, path)))
                problems.Add($"{name}: `{code.Content}`: no such path in the repository");
        }
        return problems;
    }

    [Fact]
    public void Every_link_and_repository_path_in_the_README_and_docs_resolves()
    {
        string root = Root();
        var pages = Pages(root).ToList();
        Assert.True(pages.Count > 10, $"only {pages.Count} pages found");
        var problems = pages.SelectMany(p => Problems(root, p, File.ReadAllText(p))).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_missing_file_a_missing_anchor_and_a_stale_path_are_each_reported()
    {
        string root = Root();
        string page = Path.Combine(root, "docs", "example.md");
        const string text = """
            # Example

            [fine](cli.md#commands), [here](#example), [gone](nowhere.md), [bad anchor](cli.md#no-such-heading).
            Code lives in `server/CareerLsp.Core/Engine/Checker.cs`, not in `server/CareerLsp.Core/Checking/Checker.cs`.

            ```
            [inside a fence](ignored.md)
            ```
            """;
        Assert.Equal(
            [
                "docs/example.md: nowhere.md: no such file",
                "docs/example.md: cli.md#no-such-heading: no heading with that anchor",
                "docs/example.md: `server/CareerLsp.Core/Checking/Checker.cs`: no such path in the repository",
            ],
            Problems(root, page, text));
    }

    [Theory]
    [InlineData("## Merges, reverts, fixups and the escape hatch", "merges-reverts-fixups-and-the-escape-hatch")]
    [InlineData("## `careerLsp/plan`", "careerlspplan")]
    [InlineData("## What moved where (December 2026)", "what-moved-where-december-2026")]
    public void Anchors_are_made_as_GitHub_makes_them(string heading, string anchor) =>
        Assert.Contains(anchor, Anchors(heading));
}
