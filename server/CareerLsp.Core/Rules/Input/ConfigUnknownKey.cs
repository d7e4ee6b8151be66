using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Findings;

namespace CareerLsp.Core.Rules.Input;

/// <summary>CL091: every key in the configuration means something.</summary>
public sealed class ConfigUnknownKey() : Rule(RuleCatalog.ConfigUnknownKey)
{
    public override void Check(RuleContext context)
    {
        foreach (var issue in context.Options.ConfigIssues.Where(i => i.Kind == ConfigIssueKind.UnknownKey))
            context.Report(context.Text.GetRange(issue.Start, issue.End), issue.Message);
    }
}
