using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Rules.Input;

/// <summary>CL080: the document is valid UTF-8.</summary>
public sealed class EncodingInvalid() : Rule(RuleCatalog.EncodingInvalid)
{
    public override void Check(RuleContext context)
    {
        if (context.Options.InvalidEncodingOffset is not { } offset) return;
        var at = context.Text.GetPosition(offset);
        context.Report(new TextRange(at, new Position(at.Line, Math.Min(at.Character + 1, context.Text.LineEnd(at.Line) - context.Text.LineStart(at.Line)))),
            "The file is not valid UTF-8 from here on; it was checked with the bad bytes replaced (save it as UTF-8)");
    }
}
