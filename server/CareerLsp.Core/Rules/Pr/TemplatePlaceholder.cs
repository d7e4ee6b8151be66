using System.Text.RegularExpressions;
using CareerLsp.Core.Findings;
using CareerLsp.Core.Text;
using Markdig.Syntax;

namespace CareerLsp.Core.Rules.Pr;

/// <summary>CL031: no template text left as it was: <c>&lt;describe the change&gt;</c> or the template's own lines.</summary>
public sealed partial class TemplatePlaceholder() : Rule("CL031", "template-placeholder", Severity.Warning, DocumentKinds.PullRequest,
    "Placeholder text from a template (<describe …>, or a line of the repository's PR template) is left untouched.")
{
    private static readonly HashSet<string> HtmlTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "br", "code", "details", "div", "em", "hr", "i", "img", "kbd", "li", "ol", "p", "picture", "pre",
        "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul", "video", "ins", "del", "s", "u",
    };

    [GeneratedRegex(@"<(?<word>[A-Za-z][\w-]*)(?<rest>[^<>=""]*\s[^<>=""]*)>")]
    private static partial Regex AnglePlaceholder();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    public override void Check(RuleContext context)
    {
        var skipped = SkippedLines(context);
        var templateLines = TemplateLines(context);
        for (int line = 0; line < context.Text.LineCount; line++)
        {
            if (skipped.Contains(line)) continue;
            string text = InlineCode().Replace(context.Text.Line(line), m => new string(' ', m.Length));
            bool reported = false;
            foreach (Match m in AnglePlaceholder().Matches(text))
            {
                if (HtmlTags.Contains(m.Groups["word"].Value)) continue;
                context.Report(SourceText.OnLine(line, m.Index, m.Index + m.Length),
                    $"Template placeholder \"{m.Value}\" was not replaced");
                reported = true;
            }
            string normalized = Normalize(text);
            if (!reported && normalized.Length >= 12 && templateLines.Contains(normalized))
            {
                int start = text.Length - text.TrimStart().Length;
                context.Report(SourceText.OnLine(line, start, text.TrimEnd().Length),
                    "This line is the PR template's text, left as it was: replace it with this change's details");
            }
        }
    }

    /// <summary>Lines inside code blocks and HTML comments: what is there is not shown as prose.</summary>
    private static HashSet<int> SkippedLines(RuleContext context)
    {
        var lines = new HashSet<int>();
        if (context.Markdown is not { } markdown) return lines;
        foreach (var block in markdown.Ast.Descendants())
        {
            if (block is CodeBlock or HtmlBlock)
            {
                int first = context.Text.GetPosition(block.Span.Start).Line;
                int last = context.Text.GetPosition(Math.Min(block.Span.End, context.Text.Length)).Line;
                for (int l = first; l <= last; l++) lines.Add(l);
            }
        }
        return lines;
    }

    /// <summary>The template's prose lines (not headings, checklist items or comments), normalised.</summary>
    private static HashSet<string> TemplateLines(RuleContext context)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (context.Options.Template is not { } template) return set;
        var skip = new HashSet<int>();
        foreach (var block in template.Ast.Descendants())
        {
            if (block is HeadingBlock or CodeBlock or HtmlBlock)
            {
                int first = template.Text.GetPosition(block.Span.Start).Line;
                int last = template.Text.GetPosition(Math.Min(block.Span.End, template.Text.Length)).Line;
                for (int l = first; l <= last; l++) skip.Add(l);
            }
        }
        for (int line = 0; line < template.Text.LineCount; line++)
        {
            if (skip.Contains(line)) continue;
            string text = template.Text.Line(line);
            if (Parsing.LineSyntax.TryList(text, out var list) && list.Checked is not null) continue;
            string normalized = Normalize(text);
            if (normalized.Length >= 12) set.Add(normalized);
        }
        return set;
    }

    private static string Normalize(string line)
    {
        string text = line.Trim();
        if (Parsing.LineSyntax.TryList(text, out var list)) text = text[list.TextStart..];
        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }
}
