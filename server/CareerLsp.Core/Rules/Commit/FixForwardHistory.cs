using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.History;

namespace CareerLsp.Core.Rules.Commit;

/// <summary>CL047: a commit that patches one of its author's recent commits, named.</summary>
public sealed class FixForwardHistory() : Rule(RuleCatalog.FixForwardHistory)
{
    public override void Check(RuleContext context)
    {
        if (VerdictFor(context) is not { } verdict || context.Commit is not { } commit) return;
        var of = verdict.Of;
        context.Report(commit.SubjectRange,
            $"This reads as a fix-forward of {of.ShortId} \"{of.Subject}\" ({verdict.Reason}): test, then amend it instead (git commit --fixup={of.ShortId}, then git rebase -i --autosquash before you push)");
    }

    /// <summary>The verdict for this message, or <c>null</c> (also when the edge gave no history).</summary>
    internal static FixForwardVerdict? VerdictFor(RuleContext context)
    {
        if (context.Options.History is not { } history || context.Commit is not { IsEmpty: false, IsMerge: false, IsRevert: false } commit) return null;
        var pending = new PendingCommit(history.Author, history.Now, commit.Subject, history.Staged);
        return FixForward.Detect(pending, history.Recent, FixForward.WindowFor(context.Config), context.Config.SettingFor(RuleCatalog.FixForwardSubject.Id).GetStrings("patterns"));
    }
}
