using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Rules.Commit;

/// <summary>CL042: a blank line separates the subject from the body.</summary>
public sealed class SubjectBlankLine() : Rule(RuleCatalog.SubjectBlankLine)
{
    public override void Check(RuleContext context)
    {
        if (context.Commit is not { LineAfterSubject: >= 0 } commit) return;
        int line = commit.LineAfterSubject;
        if (context.Text.LineSpan(line).IsWhiteSpace()) return;
        context.Report(context.Text.LineRange(line),
            "Leave a blank line after the subject: git reads the whole first paragraph as the subject",
            [new Fix("Insert a blank line after the subject", [new TextEdit(TextRange.Empty(new Position(line, 0)), "\n")])]);
    }
}
