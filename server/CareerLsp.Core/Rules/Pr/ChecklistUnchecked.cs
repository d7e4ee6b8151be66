using CareerLsp.Core.Domain.Findings;

namespace CareerLsp.Core.Rules.Pr;

/// <summary>CL030: every checklist item is checked (or struck through when it does not apply).</summary>
public sealed class ChecklistUnchecked() : Rule(RuleCatalog.ChecklistUnchecked)
{
    public override void Check(RuleContext context)
    {
        foreach (var section in context.Sections.Sections)
        {
            foreach (var item in section.AllItems())
            {
                if (item.Checked != false || item.CheckboxRange is not { } box) continue;
                string text = item.Text.Trim();
                if (text.StartsWith("~~", StringComparison.Ordinal) && text.EndsWith("~~", StringComparison.Ordinal)) continue;
                context.Report(new Text.TextRange(box.Start, item.Range.End),
                    $"Unchecked: \"{text}\". Check it when it is done, or strike it through (~~…~~) if it does not apply");
            }
        }
    }
}
