using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Rules.Commit;

/// <summary>CL040: the message has text once comments are removed.</summary>
public sealed class MessageEmpty() : Rule(RuleCatalog.MessageEmpty)
{
    public override void Check(RuleContext context)
    {
        if (context.Commit is { IsEmpty: true })
            context.Report(TextRange.Empty(new Position(0, 0)), "The commit message is empty: write a subject line that says what the change does");
    }
}
