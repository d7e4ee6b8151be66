namespace CareerLsp.Core.Domain.Findings;

/// <summary>
/// Every rule's identity in one place: id, slug, default severity, the documents it reads, its
/// options. Findings, configuration and the edges refer to rules through these descriptors; the rule
/// classes (<c>CareerLsp.Core.Rules</c>) only add the check. A test keeps this list, the rule classes,
/// the schema and <c>docs/rules/</c> in step.
/// </summary>
public static class RuleCatalog
{
    public static readonly RuleDescriptor SourcesRequired = new("CL001", "sources-required", Severity.Error, DocumentKinds.CommitMessage,
        "A commit message has a Sources Consulted section (heading line, Markdown heading or trailer).") { IsHabit = true };

    public static readonly RuleDescriptor DocsReviewedRequired = new("CL002", "docs-reviewed-required", Severity.Error, DocumentKinds.PullRequest,
        "A PR description has a Documentation Reviewed section.") { IsHabit = true };

    public static readonly RuleDescriptor CitationsEmpty = new("CL003", "citations-empty", Severity.Error, DocumentKinds.CommitMessage | DocumentKinds.PullRequest,
        "Sources Consulted and Documentation Reviewed are not empty.") { IsHabit = true };

    public static readonly RuleDescriptor CitationsPlaceholder = new("CL004", "citations-placeholder", Severity.Error, DocumentKinds.CommitMessage | DocumentKinds.PullRequest,
        "An entry of Sources Consulted or Documentation Reviewed is a placeholder (TODO, TBD, n/a, none, -, <…>).") { IsHabit = true };

    public static readonly RuleDescriptor CitationsVague = new("CL005", "citations-vague", Severity.Warning, DocumentKinds.CommitMessage | DocumentKinds.PullRequest,
        "An entry is not recognisably a URL, a doc or man page, a repository path or an issue/PR reference.") { IsHabit = true };

    public static readonly RuleDescriptor CitationsMissingPath = new("CL006", "citations-missing-path", Severity.Warning, DocumentKinds.CommitMessage | DocumentKinds.PullRequest,
        "A repository path cited as a source does not exist (checked only when there is a repository).") { IsHabit = true };

    public static readonly RuleDescriptor PremortemRequired = new("CL010", "premortem-required", Severity.Error, DocumentKinds.CommitMessage | DocumentKinds.PullRequest,
        "There is a pre-mortem, unless the change is small enough to be exempt (see premortem.scaling).") { IsHabit = true };

    public static readonly RuleDescriptor PremortemCounts = new("CL011", "premortem-counts", Severity.Error, DocumentKinds.CommitMessage | DocumentKinds.PullRequest,
        "The pre-mortem lists enough failures, missing dependencies and race conditions, counted per kind.") { IsHabit = true };

    public static readonly RuleDescriptor TestingRequired = new("CL020", "testing-required", Severity.Error, DocumentKinds.PullRequest,
        "A PR description has a Testing section.") { IsHabit = true };

    public static readonly RuleDescriptor TestingCoverage = new("CL021", "testing-coverage", Severity.Warning, DocumentKinds.PullRequest,
        "The Testing section covers testing in isolation, in integration, and failure cases.") { IsHabit = true };

    public static readonly RuleDescriptor ChecklistUnchecked = new("CL030", "checklist-unchecked", Severity.Warning, DocumentKinds.PullRequest,
        "A checklist item (- [ ]) is left unchecked.");

    public static readonly RuleDescriptor TemplatePlaceholder = new("CL031", "template-placeholder", Severity.Warning, DocumentKinds.PullRequest,
        "Placeholder text from a template (<describe …>, or a line of the repository's PR template) is left untouched.");

    public static readonly RuleDescriptor TemplateSections = new("CL032", "template-sections", Severity.Warning, DocumentKinds.PullRequestTemplate,
        "A PR template asks for Documentation Reviewed, a Pre-mortem (failures, dependencies, race conditions) and Testing.");

    public static readonly RuleDescriptor PatternRemedyMissing = new("CL060", "pattern-remedy-missing", Severity.Warning, DocumentKinds.PatternLibrary,
        "A pattern library entry has no remedy: write it as `- problem → remedy` (or `->`).");

    public static readonly RuleDescriptor PatternUncategorized = new("CL061", "pattern-uncategorized", Severity.Warning, DocumentKinds.PatternLibrary,
        "A pattern library entry is outside any category: put it under a heading such as `# Race Conditions`.");

    public static readonly RuleDescriptor PatternDuplicate = new("CL062", "pattern-duplicate", Severity.Warning, DocumentKinds.PatternLibrary,
        "Two pattern library entries describe the same problem (compared without case, punctuation or emphasis).");

    public static readonly RuleDescriptor PatternCategoryEmpty = new("CL063", "pattern-category-empty", Severity.Info, DocumentKinds.PatternLibrary,
        "A pattern library category has no entries (nor do the categories under it).");

    public static readonly RuleDescriptor PatternMalformedLine = new("CL064", "pattern-malformed-line", Severity.Warning, DocumentKinds.PatternLibrary,
        "A line in a pattern library category is neither a heading nor an entry (prose belongs in the introduction).");

    public static readonly RuleDescriptor PatternCitationUnknown = new("CL065", "pattern-citation-unknown", Severity.Warning, DocumentKinds.CommitMessage | DocumentKinds.PullRequest,
        "A pre-mortem item cites (`Pattern: …`) an entry the pattern library does not have.");

    public static readonly RuleDescriptor PatternMayApply = new("CL066", "pattern-may-apply", Severity.Info, DocumentKinds.CommitMessage | DocumentKinds.PullRequest,
        "A pattern library entry may apply to the staged change or to the message (at most 3, best first; already-cited entries are left out).") { IsHabit = true };

    public static readonly RuleDescriptor PatternLibraryStale = new("CL067", "pattern-library-stale", Severity.Info, DocumentKinds.PatternLibrary,
        "Fix-forward commits were made since the pattern library last changed: review them for a pattern (reported on the first line).");

    public static readonly RuleDescriptor MessageEmpty = new("CL040", "message-empty", Severity.Error, DocumentKinds.CommitMessage,
        "The commit message is empty once comment lines are removed.") { RunsOnMerges = true };

    public static readonly RuleDescriptor SubjectMaxLength = new("CL041", "subject-max-length", Severity.Warning, DocumentKinds.CommitMessage,
        "The subject line is at most `max` characters (default 72).") { Options = ["max"] };

    public static readonly RuleDescriptor SubjectBlankLine = new("CL042", "subject-blank-line", Severity.Warning, DocumentKinds.CommitMessage,
        "A blank line follows the subject line.");

    public static readonly RuleDescriptor BodyMaxLineLength = new("CL043", "body-max-line-length", Severity.Info, DocumentKinds.CommitMessage,
        "Body lines are at most `max` characters (default 100); lines with a URL and trailers are exempt.") { Options = ["max"] };

    public static readonly RuleDescriptor FixForwardSubject = new("CL044", "fix-forward-subject", Severity.Warning, DocumentKinds.CommitMessage,
        "The subject reads as a fix-forward (fix typo, oops, fixup!, forgot…); extra regexes in `patterns`.") { Options = ["patterns"] };

    public static readonly RuleDescriptor FixForwardHistory = new("CL047", "fix-forward-history", Severity.Warning, DocumentKinds.CommitMessage,
        "The staged change patches one of your recent commits (by its subject, or a small change to that commit's files soon after): amend it instead. Option: `window` in minutes (default 120).") { Options = ["window"] };

    public static readonly RuleDescriptor RevertReason = new("CL045", "revert-reason", Severity.Warning, DocumentKinds.CommitMessage,
        "A revert commit says why the change is reverted.");

    public static readonly RuleDescriptor CommentHeading = new("CL046", "comment-heading", Severity.Warning, DocumentKinds.CommitMessage,
        "A section heading starts with the comment character (# Sources Consulted), so git would remove it.");

    public static readonly RuleDescriptor SkipReasonRequired = new("CL050", "skip-reason-required", Severity.Error, DocumentKinds.CommitMessage | DocumentKinds.PullRequest,
        "A Habits-Skip line gives a reason; without one, the habits still apply.");

    public static readonly RuleDescriptor HabitsSkipped = new("CL051", "habits-skipped", Severity.Info, DocumentKinds.CommitMessage | DocumentKinds.PullRequest,
        "The habit rules were skipped with a reason (counted by reports).");

    public static readonly RuleDescriptor EncodingInvalid = new("CL080", "encoding-invalid", Severity.Error, DocumentKinds.All,
        "The file is not valid UTF-8 (it is checked with the bad bytes replaced).") { RunsOnMerges = true };

    public static readonly RuleDescriptor DocumentTooLarge = new("CL081", "document-too-large", Severity.Info, DocumentKinds.All,
        "The document is larger than the checked limit (CheckOptions.MaxLength), so it was not checked.") { RunsOnMerges = true };

    public static readonly RuleDescriptor ConfigInvalid = new("CL090", "config-invalid", Severity.Error, DocumentKinds.Configuration,
        "The configuration is not valid JSONC, or a value has the wrong type; the default is used instead.");

    public static readonly RuleDescriptor ConfigUnknownKey = new("CL091", "config-unknown-key", Severity.Warning, DocumentKinds.Configuration,
        "The configuration has a key CareerLsp does not know (often a typo); it is ignored.");

    /// <summary>Every rule, in the order <c>--help</c> and the registry list them (docs/rules/README.md lists them by id).</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        SourcesRequired,
        DocsReviewedRequired,
        CitationsEmpty,
        CitationsPlaceholder,
        CitationsVague,
        CitationsMissingPath,
        PremortemRequired,
        PremortemCounts,
        TestingRequired,
        TestingCoverage,
        ChecklistUnchecked,
        TemplatePlaceholder,
        TemplateSections,
        PatternRemedyMissing,
        PatternUncategorized,
        PatternDuplicate,
        PatternCategoryEmpty,
        PatternMalformedLine,
        PatternCitationUnknown,
        PatternMayApply,
        PatternLibraryStale,
        MessageEmpty,
        SubjectMaxLength,
        SubjectBlankLine,
        BodyMaxLineLength,
        FixForwardSubject,
        FixForwardHistory,
        RevertReason,
        CommentHeading,
        SkipReasonRequired,
        HabitsSkipped,
        EncodingInvalid,
        DocumentTooLarge,
        ConfigInvalid,
        ConfigUnknownKey,
    ];

    private static readonly Dictionary<string, RuleDescriptor> ByName = BuildIndex();

    /// <summary>A rule by id (<c>CL001</c>) or slug (<c>sources-required</c>), case-insensitive.</summary>
    public static RuleDescriptor? Find(string idOrSlug) => ByName.GetValueOrDefault(idOrSlug);

    private static Dictionary<string, RuleDescriptor> BuildIndex()
    {
        var index = new Dictionary<string, RuleDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in All)
        {
            if (!index.TryAdd(rule.Id, rule) || !index.TryAdd(rule.Slug, rule))
                throw new InvalidOperationException($"Duplicate rule id or slug: {rule}");
        }
        return index;
    }
}
