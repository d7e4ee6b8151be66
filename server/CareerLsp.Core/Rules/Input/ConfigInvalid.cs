using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Findings;

namespace CareerLsp.Core.Rules.Input;

/// <summary>CL090: the configuration file is valid; what is not is ignored and said so.</summary>
public sealed class ConfigInvalid() : Rule(RuleCatalog.ConfigInvalid)
{
    public override void Check(RuleContext context)
    {
        foreach (var issue in context.Options.ConfigIssues.Where(i => i.Kind == ConfigIssueKind.Invalid))
            context.Report(context.Text.GetRange(issue.Start, issue.End), issue.Message + " (the default is used instead)");
    }
}
