using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Rules.Commit;

/// <summary>CL043: body lines are wrapped (option <c>max</c>, default 100); lines with a URL are exempt.</summary>
public sealed class BodyMaxLineLength() : Rule(RuleCatalog.BodyMaxLineLength)
{
    public override void Check(RuleContext context)
    {
        if (context.Commit is not { IsEmpty: false } commit) return;
        int max = context.Setting.GetInt("max", 100);
        foreach (int line in commit.ContentLines)
        {
            if (line <= commit.SubjectLine || (commit.TrailerBlockLine >= 0 && line >= commit.TrailerBlockLine)) continue;
            var text = context.Text.LineSpan(line).TrimEnd();
            if (text.Length <= max || text.Contains("://", StringComparison.Ordinal)) continue;
            context.Report(SourceText.OnLine(line, max, text.Length), $"This line is {text.Length} characters; wrap the body at {max}");
        }
    }
}
