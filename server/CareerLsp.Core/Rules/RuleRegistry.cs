using CareerLsp.Core.Rules.Commit;
using CareerLsp.Core.Rules.Habits;
using CareerLsp.Core.Rules.Input;
using CareerLsp.Core.Rules.Patterns;
using CareerLsp.Core.Rules.Pr;

namespace CareerLsp.Core.Rules;

/// <summary>
/// Every rule, in one explicit list (no reflection scanning). The README's rules table is checked
/// against this list by a test, so the two cannot drift apart.
/// </summary>
public static class RuleRegistry
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new SourcesRequired(),
        new DocsReviewedRequired(),
        new CitationsEmpty(),
        new CitationsPlaceholder(),
        new CitationsVague(),
        new CitationsMissingPath(),
        new PremortemRequired(),
        new PremortemCounts(),
        new TestingRequired(),
        new TestingCoverage(),
        new ChecklistUnchecked(),
        new TemplatePlaceholder(),
        new TemplateSections(),
        new PatternRemedyMissing(),
        new PatternUncategorized(),
        new PatternDuplicate(),
        new PatternCategoryEmpty(),
        new PatternMalformedLine(),
        new PatternCitationUnknown(),
        new PatternMayApply(),
        new PatternLibraryStale(),
        new MessageEmpty(),
        new SubjectMaxLength(),
        new SubjectBlankLine(),
        new BodyMaxLineLength(),
        new FixForwardSubject(),
        new FixForwardHistory(),
        new RevertReason(),
        new CommentHeading(),
        new SkipReasonRequired(),
        new HabitsSkipped(),
        new EncodingInvalid(),
        new DocumentTooLarge(),
        new ConfigInvalid(),
        new ConfigUnknownKey(),
    ];

    private static readonly Dictionary<string, Rule> ByName = BuildIndex();

    /// <summary>A rule by id (<c>CL001</c>) or slug (<c>sources-required</c>), case-insensitive.</summary>
    public static Rule? Find(string idOrSlug) => ByName.GetValueOrDefault(idOrSlug);

    private static Dictionary<string, Rule> BuildIndex()
    {
        var index = new Dictionary<string, Rule>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in All)
        {
            if (!index.TryAdd(rule.Id, rule) || !index.TryAdd(rule.Slug, rule))
                throw new InvalidOperationException($"Duplicate rule id or slug: {rule}");
        }
        return index;
    }
}
