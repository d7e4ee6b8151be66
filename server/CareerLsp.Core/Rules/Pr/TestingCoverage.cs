using System.Text.RegularExpressions;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Rules.Pr;

/// <summary>CL021: the Testing section covers isolation, integration and failure cases.</summary>
public sealed partial class TestingCoverage() : Rule(RuleCatalog.TestingCoverage)
{
    [GeneratedRegex(@"\b(unit|isolation|isolated|in isolation|standalone|on its own|locally)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IsolationWords();

    [GeneratedRegex(@"\b(integration|integrated|end[- ]to[- ]end|e2e|staging|with (its|the|real) dependenc\w*|against (a|the) real)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IntegrationWords();

    [GeneratedRegex(@"\b(fail\w*|errors?|edge[- ]cases?|negative|invalid|broken|break\w*|timeouts?|crash\w*|bad input|malformed|rollback)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FailureWords();

    public override void Check(RuleContext context)
    {
        foreach (var section in context.Sections.SectionsOf(SectionKind.Testing))
        {
            var covered = new HashSet<SectionKind>();
            foreach (var part in section.Parts)
                if (part.Kind is { } k && part.AllItems().Any(i => !Placeholders.IsPlaceholder(i.Text))) covered.Add(k);
            foreach (var item in section.AllItems())
            {
                string text = item.Text;
                if (context.Vocabulary.ResolvePartPrefix(SectionKind.Testing, text) is { } labelled)
                {
                    if (!Placeholders.IsPlaceholder(labelled.Remainder)) covered.Add(labelled.Kind);
                    continue;
                }
                if (Placeholders.IsPlaceholder(text)) continue;
                if (IsolationWords().IsMatch(text)) covered.Add(SectionKind.Isolation);
                if (IntegrationWords().IsMatch(text)) covered.Add(SectionKind.Integration);
                if (FailureWords().IsMatch(text)) covered.Add(SectionKind.FailureCases);
            }
            var missing = new List<string>();
            if (!covered.Contains(SectionKind.Isolation)) missing.Add("in isolation");
            if (!covered.Contains(SectionKind.Integration)) missing.Add("in integration");
            if (!covered.Contains(SectionKind.FailureCases)) missing.Add("failure cases");
            if (missing.Count == 0) continue;
            context.Report(section.TitleRange,
                $"Testing does not say what was tested {string.Join(", ", missing.Take(missing.Count - 1))}{(missing.Count > 1 ? " or " : "")}{missing[^1]}" +
                " (write \"In isolation:\", \"In integration:\", \"Failure cases:\")");
        }
    }
}
