using CareerLsp.Core.Findings;

namespace CareerLsp.Core.Rules;

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
/// A check with a stable id (<c>CL001</c>) and slug (<c>sources-required</c>), as markdownlint
/// names its rules. Each rule lives in its own file and is listed in <see cref="RuleRegistry"/>.
/// </summary>
public abstract class Rule
{
    protected Rule(string id, string slug, Severity defaultSeverity, DocumentKinds appliesTo, string description)
    {
        Id = id;
        Slug = slug;
        DefaultSeverity = defaultSeverity;
        AppliesTo = appliesTo;
        Description = description;
    }

    public string Id { get; }

    public string Slug { get; }

    public Severity DefaultSeverity { get; }

    public DocumentKinds AppliesTo { get; }

    /// <summary>One sentence for the README's rules table and <c>--help</c>.</summary>
    public string Description { get; }

    /// <summary>
    /// A habit rule asks for a habit (sources, pre-mortem, testing). A <c>Habits-Skip</c> with a
    /// reason turns these off for one message; so do merges, reverts and <c>fixup!</c> commits.
    /// </summary>
    public virtual bool IsHabit => false;

    /// <summary>Whether the rule still runs on a merge commit's message (git writes those).</summary>
    public virtual bool RunsOnMerges => false;

    /// <summary>Options the rule reads from its configuration object, besides <c>severity</c>.</summary>
    public virtual IReadOnlyList<string> Options => [];

    /// <summary>Where the README documents the rule.</summary>
    public string DocumentationAnchor => $"README.md#{Slug}";

    public abstract void Check(RuleContext context);

    public override string ToString() => $"{Id}/{Slug}";
}
