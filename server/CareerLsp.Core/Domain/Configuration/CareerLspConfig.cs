using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Domain.Configuration;

/// <summary>How many pre-mortem items of each kind are asked for.</summary>
public readonly record struct PremortemCounts(int Failures, int Dependencies, int Races)
{
    public bool IsZero => Failures == 0 && Dependencies == 0 && Races == 0;

    public int Of(SectionKind kind) =>
        kind == SectionKind.Dependencies ? Dependencies : kind == SectionKind.Races ? Races : Failures;

    public override string ToString() => $"{Failures}/{Dependencies}/{Races}";
}

/// <summary>
/// Up to <see cref="UpToLines"/> changed lines, the configured counts are multiplied by
/// <see cref="Factor"/> (0 exempts the change). Above the last tier the full counts apply.
/// </summary>
public sealed record SizeTier(int UpToLines, double Factor);

/// <summary>One rule's configuration: a severity override and rule-specific options.</summary>
public sealed record RuleSetting(Severity? Severity, IReadOnlyDictionary<string, JsoncNode> Options)
{
    public static RuleSetting None { get; } = new(null, new Dictionary<string, JsoncNode>());

    // With no options configured these return before touching the JSON types, so checking a
    // message does not load System.Text.Json (start-up time of the commit-msg hook).
    public int GetInt(string name, int fallback) =>
        Options.Count > 0 && Options.TryGetValue(name, out var node) ? ReadInt(node, fallback) : fallback;

    public IReadOnlyList<string> GetStrings(string name) =>
        Options.Count > 0 && Options.TryGetValue(name, out var node) ? ReadStrings(node) : [];

    private static int ReadInt(JsoncNode node, int fallback) =>
        node is JsoncValue { Kind: System.Text.Json.JsonValueKind.Number } v ? (int)v.Number : fallback;

    private static string[] ReadStrings(JsoncNode node) =>
        node is JsoncArray array ? array.Items.OfType<JsoncValue>().Where(v => v.String is not null).Select(v => v.String!).ToArray() : [];
}

/// <summary>
/// The effective configuration: defaults overlaid with <c>.careerlsp.json</c>. Configuration is
/// data only: nothing in it is ever executed.
/// </summary>
public sealed class CareerLspConfig
{
    public static readonly IReadOnlyList<string> DefaultPrDrafts =
    [
        "**/*.pr.md", "**/PULLREQ_EDITMSG", "**/pr-body.md", "**/pr_body.md", "**/PR_BODY.md",
        "**/pr-description.md", "**/PR_DESCRIPTION.md", ".github/pr/*.md",
    ];

    public static readonly IReadOnlyList<string> DefaultPrTemplates =
    [
        "pull_request_template.md", "PULL_REQUEST_TEMPLATE.md", "docs/pull_request_template.md", "docs/PULL_REQUEST_TEMPLATE.md",
        ".github/pull_request_template.md", ".github/PULL_REQUEST_TEMPLATE.md", ".github/PULL_REQUEST_TEMPLATE/*.md",
    ];

    public IReadOnlyDictionary<string, RuleSetting> Rules { get; init; } = new Dictionary<string, RuleSetting>();

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public PremortemCounts CommitPremortem { get; init; } = new(3, 1, 1);

    public PremortemCounts PrPremortem { get; init; } = new(5, 3, 2);

    public IReadOnlyList<SizeTier> Scaling { get; init; } = [new(10, 0), new(100, 0.34), new(400, 0.67)];

    public IReadOnlyList<string> PrDrafts { get; init; } = DefaultPrDrafts;

    public IReadOnlyList<string> PrTemplates { get; init; } = DefaultPrTemplates;

    /// <summary>The trailer (or line) that skips the habit rules for one message, with a reason.</summary>
    public string SkipToken { get; init; } = "Habits-Skip";

    /// <summary>The pattern library, relative to the repository root.</summary>
    public string PatternLibraryPath { get; init; } = "COMMON_PATTERNS.md";

    /// <summary>The library's path relative to the repository root, with <c>/</c> and without a leading <c>./</c>.</summary>
    public string PatternLibraryRelativePath
    {
        get
        {
            string path = PatternLibraryPath.Replace('\\', '/');
            while (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
            return path;
        }
    }

    /// <summary>The training plan, relative to the repository root; <c>null</c>: <c>TRAINING_PLAN.md</c> if there is one, else the built-in plan.</summary>
    public string? PlanPath { get; init; }

    /// <summary>The day the plan started (week 1's first day); <c>null</c>: when the plan file was first committed, else today.</summary>
    public DateOnly? PlanStart { get; init; }

    /// <summary>Where the weekly goals and review files are created, relative to the repository root.</summary>
    public string ReviewFolder { get; init; } = "reviews";

    /// <summary>Overrides git's <c>core.commentChar</c> when set.</summary>
    public string? CommentChar { get; init; }

    public static CareerLspConfig Default { get; } = new();

    private SectionVocabulary? _vocabulary;

    public SectionVocabulary Vocabulary => _vocabulary ??= Aliases.Count == 0 ? SectionVocabulary.Default : new SectionVocabulary(Aliases);

    public RuleSetting SettingFor(string ruleId) => Rules.GetValueOrDefault(ruleId) ?? RuleSetting.None;
}
