using CareerLsp.Core.Text;
using CareerLsp.Protocol;

namespace CareerLsp.Server;

/// <summary>An open document: its text and version as the client last sent them.</summary>
internal sealed record OpenDocument(string Uri, string LanguageId, int Version, SourceText Text);

/// <summary>
/// The documents the client has open. Changes are applied in arrival order on the read loop; a
/// reader takes the current <see cref="OpenDocument"/>, which is immutable, as its snapshot.
/// </summary>
internal sealed class DocumentStore
{
    private readonly Dictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public OpenDocument? Get(string uri)
    {
        lock (_gate) return _documents.GetValueOrDefault(uri);
    }

    /// <summary>The open document whose <c>file:</c> URI names <paramref name="path"/>, if any.</summary>
    public OpenDocument? GetByPath(string path)
    {
        lock (_gate)
        {
            foreach (var document in _documents.Values)
            {
                if (document.Uri.StartsWith("file:", StringComparison.Ordinal) && Uri.TryCreate(document.Uri, UriKind.Absolute, out var uri) &&
                    uri.IsFile && uri.LocalPath == path) return document;
            }
            return null;
        }
    }

    public IReadOnlyList<OpenDocument> All()
    {
        lock (_gate) return _documents.Values.ToArray();
    }

    public OpenDocument Open(TextDocumentItem item)
    {
        var document = new OpenDocument(item.Uri, item.LanguageId, item.Version, new SourceText(item.Text));
        lock (_gate) _documents[item.Uri] = document;
        return document;
    }

    public bool Close(string uri)
    {
        lock (_gate) return _documents.Remove(uri);
    }

    /// <summary>
    /// Applies incremental or full changes in order. Positions are UTF-16, as C# strings are; a
    /// character past the end of its line means the end of the line (LSP says so); a line past the
    /// end of the document is reported through <paramref name="problems"/> and clamped to the end.
    /// Returns <c>null</c> when the document is not open.
    /// </summary>
    public OpenDocument? Change(DidChangeTextDocumentParams change, List<string> problems)
    {
        OpenDocument? document;
        lock (_gate) document = _documents.GetValueOrDefault(change.TextDocument.Uri);
        if (document is null) return null;
        var text = document.Text;
        foreach (var edit in change.ContentChanges)
        {
            if (edit.Range is not { } range)
            {
                text = new SourceText(edit.Text);
                continue;
            }
            if (range.Start.Line >= text.LineCount || range.End.Line >= text.LineCount || range.Start.Line < 0 || range.End.Line < 0)
                problems.Add($"edit range {range.Start.Line}:{range.Start.Character}-{range.End.Line}:{range.End.Character} is outside the document ({text.LineCount} lines); clamped");
            int start = text.GetOffset(new Position(range.Start.Line, range.Start.Character));
            int end = text.GetOffset(new Position(range.End.Line, range.End.Character));
            if (end < start)
            {
                problems.Add("edit range ends before it starts; treated as an insertion");
                end = start;
            }
            text = new SourceText(string.Concat(text.Text.AsSpan(0, start), edit.Text, text.Text.AsSpan(end)));
        }
        var updated = document with { Version = change.TextDocument.Version ?? document.Version + 1, Text = text };
        lock (_gate) _documents[updated.Uri] = updated;
        return updated;
    }
}
