using CareerLsp.Core.Domain.Findings;

namespace CareerLsp.Core.Rules.Commit;

/// <summary>CL046: a section heading is not written as a comment line that git will remove.</summary>
public sealed class CommentHeading() : Rule(RuleCatalog.CommentHeading)
{
    public override void Check(RuleContext context)
    {
        if (context.Commit is not { CommentPrefix: { } prefix } commit) return;
        foreach (int line in commit.CommentLines)
        {
            string text = context.Text.Line(line);
            string title = text[prefix.Length..].TrimStart('#', ' ', '\t').TrimEnd().TrimEnd(':');
            if (title.Length == 0 || title.Length > 60) continue;
            var kind = context.Vocabulary.Resolve(title);
            if (kind is null) continue;
            context.Report(context.Text.LineRange(line),
                $"git removes this line as a comment (comment character \"{prefix}\"): write the heading as \"{title}:\"",
                [new Fix($"Write it as \"{title}:\"", [new TextEdit(context.Text.LineRange(line), title + ":")])]);
        }
    }
}
