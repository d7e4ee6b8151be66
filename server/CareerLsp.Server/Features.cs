using System.Text;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Syntax;
using CareerLsp.Core.Text;
using CareerLsp.Protocol;

namespace CareerLsp.Server;

/// <summary>
/// Code actions, hover, completion and document symbols. Each handler reads the current document
/// and its analysis before returning, on the read loop, so it answers for the text the preceding
/// changes produced.
/// </summary>
internal sealed class Features
{
    private readonly DocumentStore _documents;
    private readonly Analyzer _analyzer;
    private readonly RootContexts _roots;
    private readonly Func<bool> _canCreateFiles;

    public Features(DocumentStore documents, Analyzer analyzer, RootContexts roots, Func<bool> canCreateFiles)
    {
        _documents = documents;
        _analyzer = analyzer;
        _roots = roots;
        _canCreateFiles = canCreateFiles;
    }

    /// <summary>Why each habit matters, shown when hovering over a section's heading.</summary>
    private static readonly Dictionary<SectionKind, string> Rationale = new()
    {
        [SectionKind.Sources] = "**Documentation first.** Name what you read before implementing: the official docs, the code you followed, the issue. It shows the change rests on documented behaviour rather than memory, and gives the reviewer somewhere to check.",
        [SectionKind.DocumentationReviewed] = "**Documentation first.** Link the documentation this change relies on, so reviewers can check the design against its sources.",
        [SectionKind.Premortem] = "**Pre-mortem.** Imagine the change has already failed and write down how: ways it could fail, dependencies that might not exist, race conditions that could occur. Found before shipping, each costs minutes; found after, hours.",
        [SectionKind.Testing] = "**Test before committing.** Say what you ran on its own, what you ran with its real dependencies, and which failure cases you tried, so nobody has to fix forward.",
    };

    public Task<CodeAction[]> CodeActionsAsync(CodeActionParams p, CancellationToken cancellationToken)
    {
        if (_documents.Get(p.TextDocument.Uri) is not { } document) return Task.FromResult<CodeAction[]>([]);
        var analysis = _analyzer.Analyze(document);
        var range = LspConversion.FromLsp(p.Range);
        var actions = new List<CodeAction>();
        var root = analysis.Classification.Directory is { } directory ? _roots.For(directory) : null;
        bool templateOffered = false;
        foreach (var finding in analysis.Findings)
        {
            if (!Touches(finding.Range, range)) continue;
            foreach (var fix in finding.Fixes) actions.Add(LspConversion.ToCodeAction(fix, finding, document.Uri));
            if (root is null) continue;

            // A draft missing sections can start from the repository's template.
            if (!templateOffered && analysis.Classification.Kind == DocumentKind.PullRequest &&
                (finding.Rule == RuleCatalog.DocsReviewedRequired || finding.Rule == RuleCatalog.PremortemRequired || finding.Rule == RuleCatalog.TestingRequired) &&
                root.Template() is { } template)
            {
                templateOffered = true;
                string relative = Path.GetRelativePath(root.WorkTreeRoot ?? root.Directory, template.Path);
                var end = document.Text.EndPosition;
                string prefix = document.Text.Length == 0 ? "" : document.Text.Text.EndsWith('\n') ? "\n" : "\n\n";
                actions.Add(LspConversion.ToCodeAction(
                    new Fix($"Insert the PR template ({relative})", [new Core.Domain.Findings.TextEdit(new TextRange(end, end), prefix + template.Document.Text.Text)]),
                    finding, document.Uri));
            }
        }
        if (root is not null && analysis.Result is { } checkedResult &&
            analysis.Classification.Kind is DocumentKind.CommitMessage or DocumentKind.PullRequest)
            actions.AddRange(PatternActions.AddToLibrary(document, checkedResult, range, root, _canCreateFiles()));
        return Task.FromResult(actions.ToArray());
    }

    public Task<Hover?> HoverAsync(TextDocumentPositionParams p, CancellationToken cancellationToken)
    {
        if (_documents.Get(p.TextDocument.Uri) is not { } document) return Task.FromResult<Hover?>(null);
        var analysis = _analyzer.Analyze(document);
        var position = new Position(p.Position.Line, p.Position.Character);
        var here = analysis.Findings.Where(f => Contains(f.Range, position)).ToList();
        if (here.Count > 0)
        {
            var text = new StringBuilder();
            foreach (var f in here)
            {
                if (text.Length > 0) text.Append("\n\n---\n\n");
                text.Append($"**{f.Rule.Id} `{f.Rule.Slug}`** ({f.Severity.ToString().ToLowerInvariant()})\n\n{f.Message}\n\n{f.Rule.Description}");
                if (RationaleFor(f.Rule) is { } why) text.Append("\n\n").Append(why);
                text.Append($"\n\n[Rule documentation]({LspConversion.DocumentationBase}{f.Rule.DocumentationPath})");
            }
            return Task.FromResult<Hover?>(new Hover(new MarkupContent("markdown", text.ToString()), LspConversion.ToLsp(here[0].Range)));
        }
        if (analysis.Result is { } result)
        {
            if (analysis.Classification.Directory is { } dir && PatternActions.Hover(result, position, _roots.For(dir)) is { } cited)
                return Task.FromResult<Hover?>(cited);
            foreach (var section in result.Document.Sections.Sections)
            {
                if (section.Kind is { } kind && Contains(section.TitleRange, position) && Rationale.TryGetValue(kind, out var why))
                    return Task.FromResult<Hover?>(new Hover(new MarkupContent("markdown", why), LspConversion.ToLsp(section.TitleRange)));
            }
        }
        return Task.FromResult<Hover?>(null);
    }

    public Task<CompletionItem[]> CompletionAsync(CompletionParams p, CancellationToken cancellationToken)
    {
        if (_documents.Get(p.TextDocument.Uri) is not { } document) return Task.FromResult<CompletionItem[]>([]);
        var analysis = _analyzer.Analyze(document);
        if (analysis.Result is not { } result) return Task.FromResult<CompletionItem[]>([]);
        var text = document.Text;
        int line = Math.Clamp(p.Position.Line, 0, text.LineCount - 1);
        string before = text.Line(line)[..Math.Min(p.Position.Character, text.Line(line).Length)];
        var replace = new LspRange(new LspPosition(line, 0), new LspPosition(line, before.Length));
        bool markdown = analysis.Classification.Kind != DocumentKind.CommitMessage;
        var items = new List<CompletionItem>();

        var section = result.Document.Sections.Sections.LastOrDefault(s => s.TitleRange.Start.Line < line && s.End.Line >= line - 1);
        if (section?.Kind == SectionKind.Premortem)
        {
            items.Add(Item("- Failure: ", "A way this change could fail", replace));
            items.Add(Item("- Dependency: ", "A dependency that might not exist", replace));
            items.Add(Item("- Race: ", "A race condition that could occur", replace));
            if (analysis.Classification.Directory is { } dir)
                items.AddRange(PatternActions.Completions(result, before, replace, _roots.For(dir)));
        }
        else if (section?.Kind is { } cited && (cited == SectionKind.Sources || cited == SectionKind.DocumentationReviewed) &&
                 analysis.Classification.Directory is { } directory)
        {
            string marker = before.TrimStart().StartsWith('*') ? "* " : "- ";
            foreach (var source in _roots.For(directory).RecentSources())
            {
                items.Add(new CompletionItem
                {
                    Label = source.Text,
                    Kind = 18, // Reference.
                    Detail = source.CitedIn,
                    TextEdit = new Protocol.TextEdit(replace, marker + source.Text),
                    FilterText = marker + source.Text,
                    SortText = $"{items.Count:D4}",
                });
            }
        }
        else if (section?.Kind == SectionKind.Testing)
        {
            items.Add(Item("- In isolation: ", "What you ran on its own", replace));
            items.Add(Item("- In integration: ", "What you ran with its real dependencies", replace));
            items.Add(Item("- Failure cases: ", "What you broke on purpose", replace));
        }
        if (before.TrimStart().StartsWith('-')) return Task.FromResult(items.ToArray());

        var kinds = analysis.Classification.Kind == DocumentKind.CommitMessage
            ? new[] { SectionKind.Sources, SectionKind.Premortem }
            : [SectionKind.DocumentationReviewed, SectionKind.Premortem, SectionKind.Testing];
        foreach (var kind in kinds)
        {
            if (result.Document.Sections.SectionsOf(kind).Any()) continue;
            string heading = markdown ? $"## {kind.DisplayName}" : $"{kind.DisplayName}:";
            items.Add(Item(heading, Rationale.GetValueOrDefault(kind) ?? kind.DisplayName, replace, markdownDoc: true));
        }
        return Task.FromResult(items.ToArray());
    }

    public Task<DocumentSymbol[]> DocumentSymbolsAsync(DocumentSymbolParams p, CancellationToken cancellationToken)
    {
        if (_documents.Get(p.TextDocument.Uri) is not { } document) return Task.FromResult<DocumentSymbol[]>([]);
        var analysis = _analyzer.Analyze(document);
        if (analysis.Result is not { } result) return Task.FromResult<DocumentSymbol[]>([]);
        if (result.Document.Patterns is { } library) return Task.FromResult(PatternActions.Symbols(library));
        var symbols = result.Document.Sections.Sections.Where(s => s.Title.Length > 0).Select(Symbol).ToArray();
        return Task.FromResult(symbols);
    }

    /// <summary>On each library entry, how many recent commits cited it (see <see cref="PatternActions.Lenses"/>).</summary>
    public Task<CodeLens[]> CodeLensAsync(CodeLensParams p, CancellationToken cancellationToken)
    {
        if (_documents.Get(p.TextDocument.Uri) is not { } document) return Task.FromResult<CodeLens[]>([]);
        var analysis = _analyzer.Analyze(document);
        if (analysis.Result?.Document.Patterns is not { } library || analysis.Classification.Directory is not { } directory)
            return Task.FromResult<CodeLens[]>([]);
        return Task.FromResult(PatternActions.Lenses(library, _roots.For(directory).PatternCitationCounts()));
    }

    private static DocumentSymbol Symbol(Section section)
    {
        var whole = new TextRange(section.TitleRange.Start, section.End.CompareTo(section.TitleRange.End) > 0 ? section.End : section.TitleRange.End);
        return new DocumentSymbol
        {
            Name = section.Title,
            Detail = section.Kind?.DisplayName,
            Kind = 15, // String: what Markdown servers use for headings.
            Range = LspConversion.ToLsp(whole),
            SelectionRange = LspConversion.ToLsp(section.TitleRange),
            Children = section.Parts.Count == 0 ? null : section.Parts.Where(s => s.Title.Length > 0).Select(Symbol).ToArray(),
        };
    }

    private static CompletionItem Item(string label, string documentation, LspRange replace, bool markdownDoc = false) => new()
    {
        Label = label.Trim(),
        Kind = 14, // Keyword.
        Documentation = new MarkupContent(markdownDoc ? "markdown" : "plaintext", documentation),
        TextEdit = new Protocol.TextEdit(replace, label),
        FilterText = label,
    };

    private static string? RationaleFor(RuleDescriptor rule)
    {
        if (rule == RuleCatalog.SourcesRequired || rule == RuleCatalog.CitationsEmpty || rule == RuleCatalog.CitationsPlaceholder ||
            rule == RuleCatalog.CitationsVague || rule == RuleCatalog.CitationsMissingPath) return Rationale[SectionKind.Sources];
        if (rule == RuleCatalog.DocsReviewedRequired) return Rationale[SectionKind.DocumentationReviewed];
        if (rule == RuleCatalog.PremortemRequired || rule == RuleCatalog.PremortemCounts) return Rationale[SectionKind.Premortem];
        if (rule == RuleCatalog.TestingRequired || rule == RuleCatalog.TestingCoverage) return Rationale[SectionKind.Testing];
        return null;
    }

    private static bool Contains(TextRange range, Position position) =>
        range.Start.CompareTo(position) <= 0 && (position.CompareTo(range.End) <= 0);

    private static bool Touches(TextRange a, TextRange b) =>
        a.Start.CompareTo(b.End) <= 0 && b.Start.CompareTo(a.End) <= 0;
}
