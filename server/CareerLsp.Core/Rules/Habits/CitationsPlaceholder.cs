using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.Habits;

namespace CareerLsp.Core.Rules.Habits;

/// <summary>CL004: no TODO, n/a, none or &lt;…&gt; standing in for a source.</summary>
public sealed class CitationsPlaceholder() : Rule(RuleCatalog.CitationsPlaceholder)
{
    /// <summary>The line with its line break, so removing it leaves no blank line behind.</summary>
    private static Text.TextRange WholeLine(RuleContext context, int line) =>
        line + 1 < context.Text.LineCount
            ? new Text.TextRange(new Text.Position(line, 0), new Text.Position(line + 1, 0))
            : context.Text.LineRange(line);

    public override void Check(RuleContext context)
    {
        foreach (var (_, item) in CitationEntries.Entries(context))
        {
            if (item.Text.Trim().Length == 0 && item.Children.Count == 0 && !item.IsListItem) continue;
            if (CitationEntries.Classify(context, item).Kind != CitationKind.Placeholder) continue;
            string shown = item.Text.Trim().Length == 0 ? "An empty entry" : $"\"{item.Text.Trim()}\"";
            var range = item.Range.IsEmpty ? item.LineRange : item.Range;
            // Removing is the fix to prefer; a source cited in recent commits may be what was meant.
            var fixes = new List<Fix> { new("Remove this entry", [new TextEdit(WholeLine(context, item.LineRange.Start.Line), "")]) { IsPreferred = true } };
            foreach (var source in context.Options.RecentSources?.Invoke().Take(5) ?? [])
                fixes.Add(new Fix($"Replace with {source.Text} ({source.CitedIn})", [new TextEdit(range, source.Text)]));
            context.Report(range, $"{shown} is a placeholder, not a source: name what you read, or remove the entry", fixes);
        }
    }
}
