using System.Text.RegularExpressions;
using CareerLsp.Core.Findings;

namespace CareerLsp.Core.Rules.Commit;

/// <summary>CL045: a revert says why, beyond git's "This reverts commit …" line.</summary>
public sealed partial class RevertReason() : Rule("CL045", "revert-reason", Severity.Warning, DocumentKinds.CommitMessage,
    "A revert commit says why the change is reverted.")
{
    [GeneratedRegex(@"^\s*This reverts commit [0-9a-f]{7,64}\.?\s*$")]
    private static partial Regex GitRevertLine();

    public override void Check(RuleContext context)
    {
        if (context.Commit is not { IsRevert: true } commit) return;
        bool explained = commit.ContentLines.Any(line =>
            line > commit.SubjectLine && (commit.TrailerBlockLine < 0 || line < commit.TrailerBlockLine) &&
            !context.Text.LineSpan(line).IsWhiteSpace() && !GitRevertLine().IsMatch(context.Text.Line(line)));
        if (explained) return;
        context.Report(commit.SubjectRange, "Say why this is reverted: git's \"This reverts commit …\" line alone does not tell the next reader");
    }
}
