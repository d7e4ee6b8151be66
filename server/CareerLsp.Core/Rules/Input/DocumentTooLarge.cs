using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Rules.Input;

/// <summary>CL081: a document over the size limit is not checked, and says so.</summary>
public sealed class DocumentTooLarge() : Rule(RuleCatalog.DocumentTooLarge)
{
    public override void Check(RuleContext context)
    {
        if (context.Text.Length <= context.Options.MaxLength) return;
        context.Report(TextRange.Empty(new Position(0, 0)),
            $"This document has {context.Text.Length:N0} characters; CareerLsp checks documents up to {context.Options.MaxLength:N0}, so it was not checked");
    }
}
