using CareerLsp.Core.Configuration;
using CareerLsp.Core.Findings;

namespace CareerLsp.Core.Rules.Input;

/// <summary>CL091: every key in the configuration means something.</summary>
public sealed class ConfigUnknownKey() : Rule("CL091", "config-unknown-key", Severity.Warning, DocumentKinds.Configuration,
    "The configuration has a key CareerLsp does not know (often a typo); it is ignored.")
{
    public override void Check(RuleContext context)
    {
        foreach (var issue in context.Options.ConfigIssues.Where(i => i.Kind == ConfigIssueKind.UnknownKey))
            context.Report(context.Text.GetRange(issue.Start, issue.End), issue.Message);
    }
}
