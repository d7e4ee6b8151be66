using CareerLsp.Core.Configuration;
using CareerLsp.Core.Findings;

namespace CareerLsp.Core.Rules.Input;

/// <summary>CL090: the configuration file is valid; what is not is ignored and said so.</summary>
public sealed class ConfigInvalid() : Rule("CL090", "config-invalid", Severity.Error, DocumentKinds.Configuration,
    "The configuration is not valid JSONC, or a value has the wrong type; the default is used instead.")
{
    public override void Check(RuleContext context)
    {
        foreach (var issue in context.Options.ConfigIssues.Where(i => i.Kind == ConfigIssueKind.Invalid))
            context.Report(context.Text.GetRange(issue.Start, issue.End), issue.Message + " (the default is used instead)");
    }
}
