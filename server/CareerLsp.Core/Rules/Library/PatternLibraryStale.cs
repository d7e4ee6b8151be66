using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Rules.Library;

/// <summary>CL067: fix commits since the library last changed are lessons not yet written down.</summary>
public sealed class PatternLibraryStale() : Rule(RuleCatalog.PatternLibraryStale)
{
    /// <summary>Commits named in the message; the rest are counted.</summary>
    private const int Named = 3;

    public override void Check(RuleContext context)
    {
        if (context.Options.PatternHistory is not { FixCommitsSince.Count: > 0 } history) return;
        var commits = history.FixCommitsSince;
        string since = history.LastChange is { } date ? $" ({IsoDate.Format(DateOnly.FromDateTime(date.DateTime))})" : " (it has never been committed)";
        string named = string.Join("; ", commits.Take(Named).Select(c => $"{c.ShortId} {c.Subject}"));
        string more = commits.Count > Named ? $"; and {commits.Count - Named} more" : "";
        var line = context.Text.LineCount > 0 ? context.Text.LineRange(0) : Text.TextRange.Empty(new Text.Position(0, 0));
        context.Report(line,
            $"{commits.Count} fix commit{(commits.Count == 1 ? "" : "s")} since the library last changed{since}: review {(commits.Count == 1 ? "it" : "them")} for a pattern: {named}{more}");
    }
}
