using CareerLsp.Core.Domain.Findings;

namespace CareerLsp.Core.Rules.Commit;

/// <summary>CL045: a revert says why, beyond git's "This reverts commit …" line.</summary>
public sealed class RevertReason() : Rule(RuleCatalog.RevertReason)
{
    /// <summary>The line <c>git revert</c> writes: <c>This reverts commit &lt;7 to 64 hex digits&gt;.</c></summary>
    private static bool IsGitRevertLine(string line)
    {
        var text = line.AsSpan().Trim();
        const string prefix = "This reverts commit ";
        if (!text.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var id = text[prefix.Length..];
        if (id.EndsWith(".")) id = id[..^1];
        return id.Length is >= 7 and <= 64 && !id.ContainsAnyExcept("0123456789abcdef");
    }

    public override void Check(RuleContext context)
    {
        if (context.Commit is not { IsRevert: true } commit) return;
        bool explained = commit.ContentLines.Any(line =>
            line > commit.SubjectLine && (commit.TrailerBlockLine < 0 || line < commit.TrailerBlockLine) &&
            !context.Text.LineSpan(line).IsWhiteSpace() && !IsGitRevertLine(context.Text.Line(line)));
        if (explained) return;
        context.Report(commit.SubjectRange, "Say why this is reverted: git's \"This reverts commit …\" line alone does not tell the next reader");
    }
}
