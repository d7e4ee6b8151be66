using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Syntax;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Rules;

/// <summary>What a rule sees: the parsed document, the options of the check, and a way to report.</summary>
public sealed class RuleContext
{
    private readonly List<Finding> _findings;

    internal RuleContext(DocumentKinds kind, ParsedDocument document, CheckOptions options, List<Finding> findings)
    {
        Kind = kind;
        Parsed = document;
        Options = options;
        _findings = findings;
    }

    public DocumentKinds Kind { get; }

    public ParsedDocument Parsed { get; }

    public SourceText Text => Parsed.Text;

    public SectionedDocument Sections => Parsed.Sections;

    /// <summary>The commit message, when the document is one.</summary>
    public CommitMessage? Commit => Parsed.Commit;

    /// <summary>The Markdown document, when the document is a PR description or template.</summary>
    public MarkdownDocument? Markdown => Parsed.Markdown;

    /// <summary>The pattern library, when the document is one.</summary>
    public PatternLibrary? Patterns => Parsed.Patterns;

    public CheckOptions Options { get; }

    public CareerLspConfig Config => Options.Config;

    public SectionVocabulary Vocabulary => Options.Config.Vocabulary;

    internal Rule Rule { get; set; } = null!;

    internal Severity Severity { get; set; }

    /// <summary>This rule's options from the configuration.</summary>
    public RuleSetting Setting => Config.SettingFor(Rule.Id);

    public void Report(TextRange range, string message, IReadOnlyList<Fix>? fixes = null, IReadOnlyList<RelatedInformation>? related = null) =>
        _findings.Add(new Finding(Rule.Descriptor, Severity, range, message) { Fixes = fixes ?? [], Related = related ?? [] });

    /// <summary>The pre-mortem counts asked of this document, scaled by the change's size when known.</summary>
    public PremortemCounts RequiredPremortem => Premortem.Required(Kind, Config, Options.ChangeSize);

    /// <summary>" for a change of N lines in M files", when the size is known; otherwise empty.</summary>
    public string ChangeSizeNote => Premortem.SizeNote(Options.ChangeSize);

    /// <summary>The document's <c>Habits-Skip:</c> line, if it has one.</summary>
    public SkipMarker? SkipLine => Skip.Find(Text, Commit, Config.SkipToken);

    /// <summary>The fix that adds a missing section's skeleton where a new section goes.</summary>
    public Fix InsertSection(SectionKind kind, PremortemCounts? counts = null) => Skeletons.InsertSection(Kind, Text, Commit, kind, counts);

    /// <summary>The edit that adds text where a new section goes.</summary>
    public TextEdit AppendSection(string body) => Skeletons.AppendSection(Text, Commit, body);

    /// <summary>Where a finding about the whole document goes: the subject line, or the first line.</summary>
    public TextRange DocumentAnchor
    {
        get
        {
            if (Commit is { IsEmpty: false } commit) return commit.SubjectRange;
            for (int line = 0; line < Text.LineCount; line++)
            {
                if (!Text.LineSpan(line).IsWhiteSpace()) return Text.LineRange(line);
            }
            return TextRange.Empty(new Position(0, 0));
        }
    }
}
