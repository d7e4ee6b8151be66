using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Engine;
using CareerLsp.Core.Rules;

namespace CareerLsp.Server;

/// <summary>The engine's result for one version of one document.</summary>
internal sealed record Analysis(OpenDocument Document, Classification Classification, CheckResult? Result, IReadOnlyList<Finding> Findings);

/// <summary>
/// Runs the engine on open documents, keeping the latest analysis per document so code actions,
/// hover and completion reuse what the diagnostics were computed from.
/// </summary>
internal sealed class Analyzer
{
    /// <summary>Documents above this many characters get one finding saying so instead of a check.</summary>
    public const int MaxCheckedLength = 8 * 1024 * 1024;

    private readonly RootContexts _roots;
    private readonly Func<IReadOnlyList<string>> _workspaceFolders;
    private readonly Dictionary<string, Analysis> _latest = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public Analyzer(RootContexts roots, Func<IReadOnlyList<string>> workspaceFolders)
    {
        _roots = roots;
        _workspaceFolders = workspaceFolders;
    }

    public Analysis Analyze(OpenDocument document)
    {
        lock (_gate)
        {
            if (_latest.TryGetValue(document.Uri, out var cached) && ReferenceEquals(cached.Document, document)) return cached;
        }
        Analysis? previous;
        lock (_gate) previous = _latest.GetValueOrDefault(document.Uri);
        // A document's kind depends on its URI, language and the configuration only; a configuration
        // change clears this cache, so an edit reuses the last classification instead of walking the disk.
        var classification = previous is not null && previous.Document.LanguageId == document.LanguageId
            ? previous.Classification
            : DocumentClassifier.Classify(document.Uri, document.LanguageId, _workspaceFolders(), dir => _roots.For(dir).Config.Config);
        var analysis = Compute(document, classification, previous?.Result?.Document.Markdown, previous?.Result?.Document.Patterns);
        lock (_gate) _latest[document.Uri] = analysis;
        return analysis;
    }

    public void Forget(string uri)
    {
        lock (_gate) _latest.Remove(uri);
    }

    public void ForgetAll()
    {
        lock (_gate) _latest.Clear();
    }

    // previous, previousLibrary: the last version's models; only the chunks an edit touched are parsed again.
    private Analysis Compute(OpenDocument document, Classification classification, Core.Syntax.MarkdownDocument? previous, Core.Syntax.PatternLibrary? previousLibrary)
    {
        if (classification.Kind == DocumentKind.None || classification.Directory is null)
            return new Analysis(document, classification, null, []);
        string text = document.Text.Text;
        CheckResult result;
        if (classification.Kind == DocumentKind.Configuration)
        {
            var load = ConfigLoader.Load(text);
            result = Checker.CheckConfiguration(text, new CheckOptions { Config = load.Config, ConfigIssues = load.Issues, MaxLength = MaxCheckedLength });
        }
        else
        {
            var options = _roots.For(classification.Directory).Options(classification.Kind) with { MaxLength = MaxCheckedLength };
            result = classification.Kind switch
            {
                DocumentKind.CommitMessage => Checker.CheckCommitMessage(text, options),
                DocumentKind.PatternLibrary => Checker.CheckPatternLibrary(text, options, previousLibrary),
                DocumentKind.PullRequestTemplate => Checker.CheckPullRequestTemplate(text, options, previous),
                _ => Checker.CheckPullRequest(text, options, previous),
            };
        }
        return new Analysis(document, classification, result, result.Findings);
    }
}
