using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Rules.Library;

/// <summary>CL063: a category holds at least one pattern.</summary>
public sealed class PatternCategoryEmpty() : Rule(RuleCatalog.PatternCategoryEmpty)
{
    public override void Check(RuleContext context)
    {
        foreach (var category in context.Patterns?.Categories ?? []) Visit(context, category);
    }

    private static bool Visit(RuleContext context, PatternCategory category)
    {
        bool hasEntries = category.Entries.Count > 0;
        foreach (var child in category.Children) hasEntries |= Visit(context, child);
        if (!hasEntries && category.Children.Count == 0)
            context.Report(category.TitleRange, $"The category \"{category.Title}\" has no entries yet: add one, or remove the heading");
        return hasEntries;
    }
}
