using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Rules;
using CareerLsp.Core.Syntax;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Engine;

/// <summary>The findings for one document, in document order, and the model they were found on.</summary>
public sealed record CheckResult(ParsedDocument Document, IReadOnlyList<Finding> Findings)
{
    public int Errors => Findings.Count(f => f.Severity == Severity.Error);

    public int Warnings => Findings.Count(f => f.Severity == Severity.Warning);
}

/// <summary>
/// The engine's entry point, shared by the CLI and the language server: text in, findings out.
/// </summary>
public static class Checker
{
    public static CheckResult CheckCommitMessage(string text, CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        if (text.Length > options.MaxLength) return TooLarge(DocumentKinds.CommitMessage, text, options);
        var parse = options.Config.CommentChar is { } c ? options.CommitParse with { CommentChar = c } : options.CommitParse;
        var commit = CommitMessage.Parse(new SourceText(text), parse, options.Config.Vocabulary);
        var document = new ParsedDocument { Text = commit.Text, Sections = commit.Document, Commit = commit };
        return Run(DocumentKinds.CommitMessage, document, options);
    }

    /// <summary>Checks a PR description; pass an earlier version's document as <c>previous</c> to parse only what changed.</summary>
    public static CheckResult CheckPullRequest(string text, CheckOptions? options = null, MarkdownDocument? previous = null) =>
        CheckMarkdown(DocumentKinds.PullRequest, text, options ?? CheckOptions.Default, previous);

    public static CheckResult CheckPullRequestTemplate(string text, CheckOptions? options = null, MarkdownDocument? previous = null) =>
        CheckMarkdown(DocumentKinds.PullRequestTemplate, text, options ?? CheckOptions.Default, previous);

    /// <summary>Checks a pattern library (<c>COMMON_PATTERNS.md</c>).</summary>
    /// <remarks>Pass the previous version's library as <c>previous</c> to re-read only the categories an edit touched.</remarks>
    public static CheckResult CheckPatternLibrary(string text, CheckOptions? options = null, PatternLibrary? previous = null)
    {
        options ??= CheckOptions.Default;
        var source = new SourceText(text);
        if (text.Length > options.MaxLength) return TooLarge(DocumentKinds.PatternLibrary, text, options);
        var library = PatternLibrary.Parse(source, previous);
        var document = new ParsedDocument { Text = source, Sections = new SectionedDocument(source, []), Patterns = library };
        return Run(DocumentKinds.PatternLibrary, document, options);
    }

    /// <summary>Reports the issues the configuration loader found in the configuration file's text.</summary>
    public static CheckResult CheckConfiguration(string text, CheckOptions options)
    {
        var source = new SourceText(text);
        var document = new ParsedDocument { Text = source, Sections = new SectionedDocument(source, []) };
        return Run(DocumentKinds.Configuration, document, options);
    }

    private static CheckResult CheckMarkdown(DocumentKinds kind, string text, CheckOptions options, MarkdownDocument? previous)
    {
        if (text.Length > options.MaxLength) return TooLarge(kind, text, options);
        var markdown = MarkdownDocument.Parse(new SourceText(text), options.Config.Vocabulary, previous);
        var document = new ParsedDocument { Text = markdown.Text, Sections = markdown.Document, Markdown = markdown };
        return Run(kind, document, options);
    }

    /// <summary>A document over the limit is not parsed: only <c>document-too-large</c> runs.</summary>
    private static CheckResult TooLarge(DocumentKinds kind, string text, CheckOptions options)
    {
        var source = new SourceText(text);
        var document = new ParsedDocument { Text = source, Sections = new SectionedDocument(source, []) };
        return Run(kind, document, options, onlyRule: RuleCatalog.DocumentTooLarge);
    }

    private static CheckResult Run(DocumentKinds kind, ParsedDocument document, CheckOptions options, RuleDescriptor? onlyRule = null)
    {
        var findings = new List<Finding>();
        var context = new RuleContext(kind, document, options, findings);
        bool habitsOff = (kind & (DocumentKinds.CommitMessage | DocumentKinds.PullRequest)) != 0 && HabitsAreOff(context);
        bool isMerge = document.Commit?.IsMerge == true;

        foreach (var rule in RuleRegistry.All)
        {
            var descriptor = rule.Descriptor;
            if ((descriptor.AppliesTo & kind) == 0) continue;
            if (onlyRule is not null && descriptor != onlyRule) continue;
            if (descriptor.IsHabit && habitsOff) continue;
            if (isMerge && !descriptor.RunsOnMerges) continue;
            var severity = options.Config.SettingFor(descriptor.Id).Severity ?? descriptor.DefaultSeverity;
            if (severity == Severity.Off) continue;
            context.Rule = rule;
            context.Severity = severity;
            rule.Check(context);
        }

        findings.Sort((a, b) =>
        {
            int byPosition = a.Range.Start.CompareTo(b.Range.Start);
            return byPosition != 0 ? byPosition : string.CompareOrdinal(a.Rule.Id, b.Rule.Id);
        });
        return new CheckResult(document, findings);
    }

    /// <summary>
    /// Habits are not asked of git's own messages (merges, reverts), of <c>fixup!</c>/<c>squash!</c>
    /// commits whose message autosquash discards, nor of a message that skips them with a reason.
    /// </summary>
    private static bool HabitsAreOff(RuleContext context)
    {
        // An empty message has one problem, and message-empty says it.
        if (context.Commit is { } commit && (commit.IsEmpty || commit.IsMerge || commit.IsRevert || commit.IsAutosquash)) return true;
        return context.SkipLine is { Reason.Length: > 0 };
    }
}
