using System.Text.Json;
using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Domain.Library;
using CareerLsp.Core.Engine;
using CareerLsp.Core.Syntax;
using CareerLsp.Core.Text;
using CareerLsp.Protocol;

namespace CareerLsp.Server;

/// <summary>
/// The pattern library put to use in the editor: entries completed into a pre-mortem, a cited
/// entry's remedy on hover, a pre-mortem item added to the library as a new entry (a WorkspaceEdit
/// into <c>COMMON_PATTERNS.md</c>, never a write behind the editor), the library's outline, and a
/// code lens with how many commits cited each entry.
/// </summary>
internal static class PatternActions
{
    /// <summary>Most entries offered in one completion list; the best matches come first.</summary>
    private const int MaxCompletions = 200;

    public static IEnumerable<CompletionItem> Completions(CheckResult result, string before, LspRange replace, RootContext root)
    {
        var source = root.Patterns();
        if (source is not { Library: { } library, Matcher: { } matcher }) return [];
        var evidence = new ChangeEvidence(root.StagedChange());
        evidence.AddText(result.Document.Text.Text, EvidenceSource.Message);
        var suggested = matcher.Match(evidence, Core.Rules.Library.PatternMayApply.Limit).Select(m => m.Entry).ToList();
        string marker = before.TrimStart().StartsWith('*') ? "* " : "- ";
        var items = new List<CompletionItem>();
        foreach (var entry in suggested.Concat(library.Entries.Where(e => !suggested.Contains(e))).Take(MaxCompletions))
        {
            if (entry.Problem.Length == 0) continue;
            bool isSuggested = suggested.Contains(entry);
            string text = $"{PatternCitations.Label} {entry.Problem}" + (entry.Remedy.Length > 0 ? $" → {entry.Remedy}" : "");
            items.Add(new CompletionItem
            {
                Label = entry.Problem,
                Kind = 18, // Reference: it points into the library.
                Detail = (isSuggested ? "may apply · " : "") + (entry.Category?.Title ?? source.Path),
                Documentation = new MarkupContent("markdown", $"**Remedy:** {entry.Remedy}\n\n{source.Path}, line {entry.Line + 1}"),
                TextEdit = new Protocol.TextEdit(replace, marker + text),
                FilterText = marker + text,
                SortText = $"{(isSuggested ? 0 : 1)}{items.Count:D4}",
            });
        }
        return items;
    }

    public static Hover? Hover(CheckResult result, Position position, RootContext root)
    {
        foreach (var citation in PatternCitations.Find(result.Document.Sections))
        {
            if (citation.Range.Start.Line != position.Line || position.Character < citation.Range.Start.Character || position.Character > citation.Range.End.Character)
                continue;
            var source = root.Patterns();
            if (source.Library is not { } library || PatternCitations.Resolve(library, citation.Problem) is not { } entry) return null;
            string category = entry.Category is { } c ? $"{c.Title} · " : "";
            string text = $"**{entry.Problem}** → {entry.Remedy}\n\n{category}{source.Path}, line {entry.Line + 1}";
            return new Hover(new MarkupContent("markdown", text), LspConversion.ToLsp(citation.Range));
        }
        return null;
    }

    /// <summary>"Add to COMMON_PATTERNS.md" on each pre-mortem item in the range that the library does not have yet.</summary>
    public static IEnumerable<CodeAction> AddToLibrary(OpenDocument document, CheckResult result, TextRange range, RootContext root, bool canCreateFiles)
    {
        var vocabulary = root.Config.Config.Vocabulary;
        var source = root.Patterns();
        if (root.LibraryPath is not { } path) yield break;
        if (source.Library is null && (!canCreateFiles || File.Exists(path))) yield break; // Unreadable: never overwrite it.
        foreach (var premortem in Premortem.Items(result.Document.Sections.SectionsOf(SectionKind.Premortem), vocabulary))
        {
            var item = premortem.Item;
            if (item.Range.Start.Line > range.End.Line || item.Range.End.Line < range.Start.Line) continue;
            if (PatternCitations.Read(result.Document.Text, item) is not null) continue;
            string text = premortem.Content.Trim();
            if (text.Length == 0 || Placeholders.IsPlaceholder(text) || text.EndsWith(':')) continue;
            var (problem, remedy) = PatternLibrary.SplitEntry(text);
            if (source.Library is { } existing && PatternCitations.Resolve(existing, problem) is not null) continue;
            if (Edit(source, path, problem, remedy, premortem.Kind, vocabulary) is { } edit)
                yield return new CodeAction { Title = edit.Title, Kind = "quickfix", Edit = edit.Edit };
        }
    }

    /// <summary>Where a pre-mortem item of this kind goes: the category named for its kind, or a new one.</summary>
    private static (string Title, WorkspaceEdit Edit)? Edit(PatternSource source, string path, string problem, string remedy, SectionKind kind, SectionVocabulary vocabulary)
    {
        string uri = new Uri(path).AbsoluteUri;
        string entry = $"- {problem} →" + (remedy.Length > 0 ? " " + remedy : "");
        string newCategory = kind == SectionKind.Races ? "Race Conditions" : kind == SectionKind.Dependencies ? "Missing Dependencies" : "Failures";
        if (source.Library is not { } library)
        {
            string content = $"# Common Patterns\n\nWhat we have learned the hard way: problem → remedy.\n\n# {newCategory}\n\n{entry}\n";
            var create = JsonSerializer.SerializeToElement(new CreateFile("create", uri, new CreateFileOptions(IgnoreIfExists: true)), LspJsonContext.Default.CreateFile);
            var insert = JsonSerializer.SerializeToElement(
                new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier(uri, null), [new Protocol.TextEdit(LspConversion.ToLsp(TextRange.Empty(new Position(0, 0))), content)]),
                LspJsonContext.Default.TextDocumentEdit);
            return ($"Create {source.Path} with \"{problem}\" ({newCategory})", new WorkspaceEdit(DocumentChanges: [create, insert]));
        }

        var categories = Flatten(library.Categories).ToList();
        var category = categories.FirstOrDefault(c => vocabulary.ResolvePart(SectionKind.Premortem, c.Title) == kind && (kind != SectionKind.Failures || c.Entries.Count > 0));
        var text = library.Text;
        Core.Domain.Findings.TextEdit edit;
        string where;
        if (category is not null)
        {
            // After the category's last line of content: its last entry (details included), or its heading.
            int next = categories.Select(c => c.TitleRange.Start.Line).Where(l => l > category.TitleRange.Start.Line).DefaultIfEmpty(text.LineCount).Min();
            int last = next - 1;
            while (last > category.TitleRange.Start.Line && text.LineSpan(last).IsWhiteSpace()) last--;
            var end = text.LineRange(last).End;
            bool afterHeading = last == category.TitleRange.Start.Line;
            edit = new Core.Domain.Findings.TextEdit(TextRange.Empty(end), (afterHeading ? "\n\n" : "\n") + entry);
            where = category.Title;
        }
        else
        {
            int level = library.Categories.FirstOrDefault()?.Level ?? 1;
            string prefix = text.Length == 0 ? "" : text.Text.EndsWith("\n\n", StringComparison.Ordinal) ? "" : text.Text.EndsWith('\n') ? "\n" : "\n\n";
            edit = new Core.Domain.Findings.TextEdit(TextRange.Empty(text.EndPosition), $"{prefix}{new string('#', level)} {newCategory}\n\n{entry}\n");
            where = $"new category {newCategory}";
        }
        var changes = new Dictionary<string, Protocol.TextEdit[]> { [uri] = [new Protocol.TextEdit(LspConversion.ToLsp(edit.Range), edit.NewText)] };
        return ($"Add \"{Shorten(problem)}\" to {source.Path} ({where})", new WorkspaceEdit(changes));
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    private static IEnumerable<PatternCategory> Flatten(IEnumerable<PatternCategory> categories)
    {
        foreach (var category in categories)
        {
            yield return category;
            foreach (var child in Flatten(category.Children)) yield return child;
        }
    }

    /// <summary>The library's outline: categories (namespaces) holding their entries.</summary>
    public static DocumentSymbol[] Symbols(PatternLibrary library)
    {
        var symbols = library.Categories.Select(c => Symbol(library, c)).ToList();
        symbols.InsertRange(0, library.Entries.Where(e => e.Category is null).Select(Symbol));
        return symbols.ToArray();
    }

    private static DocumentSymbol Symbol(PatternLibrary library, PatternCategory category)
    {
        var children = category.Entries.Select(Symbol).Concat(category.Children.Select(c => Symbol(library, c))).ToArray();
        var end = children.Length == 0 ? category.TitleRange.End : children.Max(c => new Position(c.Range.End.Line, c.Range.End.Character));
        return new DocumentSymbol
        {
            Name = category.Title.Length == 0 ? "(untitled)" : category.Title,
            Detail = $"{Count(category)} entr{(Count(category) == 1 ? "y" : "ies")}",
            Kind = 3, // Namespace.
            Range = LspConversion.ToLsp(new TextRange(category.TitleRange.Start, end)),
            SelectionRange = LspConversion.ToLsp(category.TitleRange),
            Children = children.Length == 0 ? null : children,
        };
    }

    private static int Count(PatternCategory category) => category.Entries.Count + category.Children.Sum(Count);

    private static DocumentSymbol Symbol(PatternEntry entry) => new()
    {
        Name = entry.Problem.Length == 0 ? "(no problem)" : entry.Problem,
        Detail = entry.Remedy.Length == 0 ? "no remedy" : "→ " + entry.Remedy,
        Kind = 22, // EnumMember: one of the category's cases.
        Range = LspConversion.ToLsp(entry.Range),
        SelectionRange = LspConversion.ToLsp(entry.ProblemRange),
    };

    /// <summary>"cited by 3 commits" on each entry, from the citations in the last 1,000 commit messages.</summary>
    public static CodeLens[] Lenses(PatternLibrary library, IReadOnlyDictionary<string, int> citations)
    {
        var byEntry = new Dictionary<PatternEntry, int>(ReferenceEqualityComparer.Instance);
        foreach (var (cited, count) in citations)
        {
            if (PatternCitations.Resolve(library, cited) is { } entry) byEntry[entry] = byEntry.GetValueOrDefault(entry) + count;
        }
        return library.Entries.Where(e => e.Problem.Length > 0).Select(entry =>
        {
            int n = byEntry.GetValueOrDefault(entry);
            string title = n == 0 ? "not cited in recent commits" : $"cited by {n} commit{(n == 1 ? "" : "s")}";
            // No command: the lens is information; VS Code shows a lens with an empty command as plain text.
            return new CodeLens(LspConversion.ToLsp(TextRange.Empty(entry.Range.Start)), new Command(title, ""));
        }).ToArray();
    }
}
