using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Rules.Commit;

/// <summary>CL041: the subject fits where git and forges show it (option <c>max</c>, default 72).</summary>
public sealed class SubjectMaxLength() : Rule(RuleCatalog.SubjectMaxLength)
{
    public const int DefaultMax = 72;

    public override void Check(RuleContext context)
    {
        if (context.Commit is not { IsEmpty: false } commit) return;
        int max = context.Setting.GetInt("max", DefaultMax);
        if (commit.Subject.Length <= max) return;
        var start = commit.SubjectRange.Start;
        context.Report(SourceText.OnLine(start.Line, start.Character + max, commit.SubjectRange.End.Character),
            $"The subject is {commit.Subject.Length} characters; keep it within {max} (git log --oneline and code review tools cut it there)");
    }
}
