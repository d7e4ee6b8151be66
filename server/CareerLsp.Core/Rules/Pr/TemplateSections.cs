using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Rules.Pr;

/// <summary>CL032: a PR template asks for the sections a PR needs.</summary>
public sealed class TemplateSections() : Rule(RuleCatalog.TemplateSections)
{
    public override void Check(RuleContext context)
    {
        var sections = context.Sections.Sections;
        var required = new[] { SectionKind.DocumentationReviewed, SectionKind.Premortem, SectionKind.Testing };
        foreach (var kind in required)
        {
            bool present = sections.Any(s => s.Kind == kind || (kind == SectionKind.DocumentationReviewed && s.Kind == SectionKind.Sources));
            if (present) continue;
            context.Report(context.DocumentAnchor,
                $"The PR template does not ask for a {kind.DisplayName} section, so PRs written from it will miss one",
                [context.InsertSection(kind)]);
        }

        foreach (var premortem in sections.Where(s => s.Kind == SectionKind.Premortem))
        {
            var asked = new HashSet<SectionKind>(premortem.Parts.Where(p => p.Kind is not null).Select(p => p.Kind!));
            foreach (var item in premortem.AllItems())
            {
                string text = Placeholders.Clean(item.Text).TrimEnd(':');
                if (context.Vocabulary.ResolvePart(SectionKind.Premortem, text) is { } k) asked.Add(k);
                else if (context.Vocabulary.ResolvePartPrefix(SectionKind.Premortem, text) is { } p) asked.Add(p.Kind);
            }
            var missing = new[] { SectionKind.Failures, SectionKind.Dependencies, SectionKind.Races }.Where(k => !asked.Contains(k)).ToList();
            if (missing.Count == 0) continue;
            context.Report(premortem.TitleRange,
                $"The template's pre-mortem does not ask for {string.Join(", ", missing.Select(k => k.DisplayName.ToLowerInvariant()))}: add a sub-heading or labelled item for each");
        }
    }
}
