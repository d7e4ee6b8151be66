namespace CareerLsp.Core.Syntax;

/// <summary>
/// A kind of section the habits ask for (for example <c>sources</c>), or a part of one (for example
/// the <c>races</c> part of a pre-mortem). Titles are matched to kinds through <see cref="SectionVocabulary"/>.
/// </summary>
public sealed class SectionKind
{
    private SectionKind(string id, string displayName, SectionKind? parent, params string[] aliases)
    {
        Id = id;
        DisplayName = displayName;
        Parent = parent;
        DefaultAliases = aliases;
    }

    /// <summary>The identifier used in configuration (<c>aliases</c>) and messages.</summary>
    public string Id { get; }

    /// <summary>The heading the skeletons and messages use.</summary>
    public string DisplayName { get; }

    /// <summary>The section this kind is a part of, or <c>null</c> for a top-level section.</summary>
    public SectionKind? Parent { get; }

    public IReadOnlyList<string> DefaultAliases { get; }

    public static readonly SectionKind Sources = new("sources", "Sources Consulted", null,
        "sources consulted", "sources", "source", "references", "docs consulted", "documentation consulted", "reading");

    public static readonly SectionKind DocumentationReviewed = new("docs-reviewed", "Documentation Reviewed", null,
        "documentation reviewed", "docs reviewed", "documentation", "docs", "documentation read", "docs read");

    public static readonly SectionKind Premortem = new("premortem", "Pre-mortem", null,
        "pre mortem", "premortem", "pre mortem analysis", "what could go wrong", "risks");

    public static readonly SectionKind Testing = new("testing", "Testing", null,
        "testing", "tests", "tested", "test plan", "how this was tested", "how it was tested", "testing notes", "testing done", "verification");

    public static readonly SectionKind Failures = new("failures", "Ways this could fail", Premortem,
        "failures", "failure", "fail", "failure modes", "ways this could fail", "ways it could fail",
        "how this could fail", "how it could fail", "what could fail", "could fail");

    public static readonly SectionKind Dependencies = new("dependencies", "Dependencies that might not exist", Premortem,
        "dependencies", "dependency", "deps", "dep", "missing dependencies", "missing dependency",
        "dependencies that might not exist", "dependencies that may not exist", "missing deps");

    public static readonly SectionKind Races = new("races", "Race conditions", Premortem,
        "race conditions", "race condition", "races", "race", "concurrency", "race conditions that could occur");

    public static readonly SectionKind Isolation = new("isolation", "In isolation", Testing,
        "isolation", "in isolation", "tested in isolation", "unit", "unit tests", "unit test");

    public static readonly SectionKind Integration = new("integration", "In integration", Testing,
        "integration", "in integration", "tested in integration", "integration tests", "integration test", "end to end", "e2e");

    public static readonly SectionKind FailureCases = new("failure-cases", "Failure cases", Testing,
        "failure cases", "failure case", "failures", "failure", "edge cases", "error cases", "negative cases", "what breaks");

    /// <summary>Every kind, in the order configuration and documentation list them.</summary>
    public static IReadOnlyList<SectionKind> All { get; } =
        [Sources, DocumentationReviewed, Premortem, Testing, Failures, Dependencies, Races, Isolation, Integration, FailureCases];

    public static SectionKind? FromId(string id) => All.FirstOrDefault(k => k.Id == id);

    public override string ToString() => Id;
}
