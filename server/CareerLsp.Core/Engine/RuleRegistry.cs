using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Rules;
using CareerLsp.Core.Rules.Commit;
using CareerLsp.Core.Rules.Habits;
using CareerLsp.Core.Rules.Input;
using CareerLsp.Core.Rules.Library;
using CareerLsp.Core.Rules.Pr;

namespace CareerLsp.Core.Engine;

/// <summary>
/// The code of every rule in <see cref="RuleCatalog"/>, in one explicit list (no reflection scanning),
/// in the catalog's order: checked when the engine starts, and by a test.
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

    private static readonly Dictionary<RuleDescriptor, Rule> ByDescriptor = BuildIndex();

    /// <summary>The code of a rule.</summary>
    public static Rule For(RuleDescriptor descriptor) => ByDescriptor[descriptor];

    private static Dictionary<RuleDescriptor, Rule> BuildIndex()
    {
        if (!All.Select(r => r.Descriptor).SequenceEqual(RuleCatalog.All))
            throw new InvalidOperationException("RuleRegistry.All and RuleCatalog.All must list the same rules in the same order");
        return All.ToDictionary(r => r.Descriptor);
    }
}
