using System.Text.RegularExpressions;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Syntax;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Rules.Pr;

/// <summary>CL031: no template text left as it was: <c>&lt;describe the change&gt;</c> or the template's own lines.</summary>
public sealed partial class TemplatePlaceholder() : Rule(RuleCatalog.TemplatePlaceholder)
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
        if (context.Markdown is not { } markdown) return;
        var templateLines = TemplateLines(context);
        for (int line = 0; line < context.Text.LineCount; line++)
        {
            if (markdown.CodeOrHtmlLines.Contains(line)) continue;
            var span = context.Text.LineSpan(line);
            bool hasAngle = span.Contains('<');
            if (!hasAngle && templateLines.Count == 0) continue;
            string text = context.Text.Line(line);
            if (span.Contains('`')) text = InlineCode().Replace(text, m => new string(' ', m.Length));
            bool reported = false;
            if (hasAngle)
            {
                foreach (Match m in AnglePlaceholder().Matches(text))
                {
                    if (HtmlTags.Contains(m.Groups["word"].Value)) continue;
                    context.Report(SourceText.OnLine(line, m.Index, m.Index + m.Length),
                        $"Template placeholder \"{m.Value}\" was not replaced");
                    reported = true;
                }
            }
            if (reported || templateLines.Count == 0) continue;
            string normalized = Normalize(text);
            if (normalized.Length >= 12 && templateLines.Contains(normalized))
            {
                int start = text.Length - text.TrimStart().Length;
                context.Report(SourceText.OnLine(line, start, text.TrimEnd().Length),
                    "This line is the PR template's text, left as it was: replace it with this change's details");
            }
        }
    }

    /// <summary>The template's prose lines (not headings, code, HTML or checklist items), normalised.</summary>
    private static HashSet<string> TemplateLines(RuleContext context)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (context.Options.Template is not { } template) return set;
        for (int line = 0; line < template.Text.LineCount; line++)
        {
            if (template.CodeOrHtmlLines.Contains(line) || template.HeadingLines.Contains(line)) continue;
            string text = template.Text.Line(line);
            if (LineSyntax.TryList(text, out var list) && list.Checked is not null) continue;
            string normalized = Normalize(text);
            if (normalized.Length >= 12) set.Add(normalized);
        }
        return set;
    }

    private static string Normalize(string line)
    {
        string text = line.Trim();
        if (LineSyntax.TryList(text, out var list)) text = text[list.TextStart..];
        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }
}
