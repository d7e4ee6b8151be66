using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Findings;

namespace CareerLsp.Server.Tests;

/// <summary>What the server takes a document for, from its URI and language alone.</summary>
public sealed class DocumentClassifierTests
{
    private static Classification Classify(string uri, string language = "plaintext") =>
        DocumentClassifier.Classify(uri, language, ["/work/repo"], _ => CareerLspConfig.Default);

    [Theory]
    [InlineData("vscode-scm:/scm0/input?rootUri=file%3A%2F%2F%2Fwork%2Frepo", "scminput", "CommitMessage")]
    [InlineData("file:///work/repo/.git/COMMIT_EDITMSG", "git-commit", "CommitMessage")]
    [InlineData("file:///work/repo/.git/MERGE_MSG", "plaintext", "CommitMessage")]
    [InlineData("file:///work/repo/.git/PULLREQ_EDITMSG", "plaintext", "PullRequest")]
    [InlineData("file:///work/repo/.careerlsp.json", "jsonc", "Configuration")]
    [InlineData("file:///work/repo/notes.pr.md", "markdown", "PullRequest")]
    [InlineData("file:///work/repo/COMMON_PATTERNS.md", "markdown", "PatternLibrary")]
    [InlineData("file:///work/repo/.github/pull_request_template.md", "markdown", "PullRequestTemplate")]
    [InlineData("file:///work/repo/src/reader.py", "python", "None")]
    [InlineData("untitled:Untitled-1", "markdown", "None")]
    public void Documents_are_classified_by_uri_and_language(string uri, string language, string kind) =>
        Assert.Equal(Enum.Parse<DocumentKind>(kind), Classify(uri, language).Kind);

    [Fact]
    public void The_commit_box_is_checked_in_the_repository_its_uri_names() =>
        Assert.Equal("/work/repo", Classify("vscode-scm:/scm0/input?rootUri=file%3A%2F%2F%2Fwork%2Frepo", "scminput").Directory);

    [Theory]
    [InlineData("CommitMessage", DocumentKinds.CommitMessage)]
    [InlineData("PullRequest", DocumentKinds.PullRequest)]
    [InlineData("PullRequestTemplate", DocumentKinds.PullRequestTemplate)]
    [InlineData("Configuration", DocumentKinds.Configuration)]
    [InlineData("PatternLibrary", DocumentKinds.PatternLibrary)]
    [InlineData("None", DocumentKinds.None)]
    public void Each_kind_has_the_engine_s_name(string kind, DocumentKinds core) => Assert.Equal(core, Enum.Parse<DocumentKind>(kind).ToCore());
}
