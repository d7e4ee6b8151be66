using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.History;

namespace CareerLsp.Core.Rules.Commit;

/// <summary>CL044: the subject does not read as a fix-forward (a commit patching the previous one).</summary>
public sealed class FixForwardSubject() : Rule(RuleCatalog.FixForwardSubject)
{
    public override void Check(RuleContext context)
    {
        if (context.Commit is not { IsEmpty: false, IsRevert: false } commit) return;
        // When history names the commit this one fixes, fix-forward-history says it, better.
        if (context.Config.SettingFor(RuleCatalog.FixForwardHistory.Id).Severity != Severity.Off && FixForwardHistory.VerdictFor(context) is not null) return;
        string subject = commit.Subject;
        if (commit.IsAutosquash)
        {
            context.Report(commit.SubjectRange,
                $"\"{subject.Split(' ')[0]}\" commits are fix-forwards until squashed: run git rebase -i --autosquash before you push");
            return;
        }
        if (!FixForwardSubjects.Matches(subject, context.Setting.GetStrings("patterns"))) return;
        context.Report(commit.SubjectRange,
            $"\"{subject}\" reads as a fix-forward: patch the commit it fixes instead (git commit --fixup=<commit>, then git rebase -i --autosquash), and test before committing");
    }
}
