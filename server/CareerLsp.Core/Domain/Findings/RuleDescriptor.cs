namespace CareerLsp.Core.Domain.Findings;

/// <summary>The kinds of document a rule reads.</summary>
[Flags]
public enum DocumentKinds
{
    None = 0,
    CommitMessage = 1,
    PullRequest = 2,
    PullRequestTemplate = 4,
    Configuration = 8,
    PatternLibrary = 16,
    All = CommitMessage | PullRequest | PullRequestTemplate | Configuration | PatternLibrary,
}

/// <summary>
/// What identifies a rule, as markdownlint names its rules: a stable id (<c>CL001</c>) and slug
/// (<c>sources-required</c>), its default severity, the documents it reads and its options. Every
/// descriptor is in <see cref="RuleCatalog"/>; a finding refers to the descriptor of its rule.
/// </summary>
public sealed class RuleDescriptor(string id, string slug, Severity defaultSeverity, DocumentKinds appliesTo, string description)
{
    public string Id { get; } = id;

    public string Slug { get; } = slug;

    public Severity DefaultSeverity { get; } = defaultSeverity;

    public DocumentKinds AppliesTo { get; } = appliesTo;

    /// <summary>One sentence for the rules table, <c>--help</c> and the rule's page.</summary>
    public string Description { get; } = description;

    /// <summary>
    /// A habit rule asks for a habit (sources, pre-mortem, testing). A <c>Habits-Skip</c> with a
    /// reason turns these off for one message; so do merges, reverts and <c>fixup!</c> commits.
    /// </summary>
    public bool IsHabit { get; init; }

    /// <summary>Whether the rule still runs on a merge commit's message (git writes those).</summary>
    public bool RunsOnMerges { get; init; }

    /// <summary>Options the rule reads from its configuration object, besides <c>severity</c>.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>The rule's page, relative to the repository root and to the published server: <c>docs/rules/CL001-sources-required.md</c>.</summary>
    public string DocumentationPath => $"docs/rules/{Id}-{Slug}.md";

    public override string ToString() => $"{Id}/{Slug}";
}
