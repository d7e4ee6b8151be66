using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.Library;

namespace CareerLsp.Core.Rules.Library;

/// <summary>CL065: a pre-mortem cites only entries the library has.</summary>
public sealed class PatternCitationUnknown() : Rule(RuleCatalog.PatternCitationUnknown)
{
    public override void Check(RuleContext context)
    {
        if (context.Options.Patterns is not { } source) return;
        foreach (var citation in PatternCitations.Find(context.Sections))
        {
            if (source.Library is not { } library)
            {
                context.Report(citation.Range, $"This cites the pattern library, but {source.Path} is {source.Problem ?? "not there"}");
                continue;
            }
            if (PatternCitations.Resolve(library, citation.Problem) is not null) continue;
            if (PatternCitations.Closest(library, citation.Problem) is { } closest)
            {
                context.Report(citation.Range, $"{source.Path} has no entry \"{citation.Problem}\"; did you mean \"{closest.Problem}\" (line {closest.Line + 1})?",
                    [new Fix($"Cite \"{closest.Problem}\"", [new TextEdit(citation.Range, closest.Problem)])]);
            }
            else
            {
                context.Report(citation.Range, $"{source.Path} has no entry \"{citation.Problem}\": cite an entry by its problem, or add this one to the library");
            }
        }
    }
}
