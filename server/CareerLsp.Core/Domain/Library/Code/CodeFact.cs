namespace CareerLsp.Core.Domain.Library.Code;

/// <summary>
/// What a change's code does, said in words, so that a library entry written in words can be
/// compared with it: <c>outbound HTTP call</c> without <c>timeout</c>, at a path and line. Word
/// overlap alone cannot tell a change that introduces a problem from one that merely shares its
/// vocabulary; a fact is a reading of the code, made by a small detector (see <see cref="CodeFacts"/>).
/// </summary>
public sealed class CodeFact
{
    public CodeFact(string present, string absent, string path, int line)
    {
        Present = present;
        Absent = absent;
        Path = path;
        Line = line;
        PresentWords = [.. Tokens.Of(present)];
        AbsentWords = [.. Tokens.Of(absent)];
    }

    /// <summary>What the code does or has: <c>outbound HTTP request call</c>.</summary>
    public string Present { get; }

    /// <summary>What it lacks that usually goes with it: <c>timeout</c>; empty when nothing.</summary>
    public string Absent { get; }

    /// <summary>The changed file the fact is about.</summary>
    public string Path { get; }

    /// <summary>One-based line on the new side; 0 for a fact about the change as a whole.</summary>
    public int Line { get; }

    /// <summary>A sign that a remedy is already there (an action pinned to a SHA): it counts against entries.</summary>
    public bool IsRemedy { get; init; }

    internal ulong[] PresentWords { get; }

    internal ulong[] AbsentWords { get; }

    /// <summary>How the fact reads as evidence in a hint.</summary>
    public string Display => Absent.Length == 0 ? Present : $"{Present} without {Absent}";

    public override string ToString() => Line > 0 ? $"{Path}:{Line}: {Display}" : $"{Path}: {Display}";
}

/// <summary>One line of a file's diff, with its kind (<c>+</c>, <c>-</c>, <c>' '</c>) and its line on the new side.</summary>
internal sealed class DiffLine(char kind, string text, int number)
{
    public char Kind { get; } = kind;

    public string Text { get; } = text;

    /// <summary>One-based line on the new side (for a removed line, where it would have been).</summary>
    public int Number { get; } = number;

    public bool IsAdded => Kind == '+';

    public bool IsRemoved => Kind == '-';

    /// <summary>On the new side: added or context.</summary>
    public bool IsNew => Kind != '-';

    /// <summary>Leading spaces (a tab counts as four).</summary>
    public int Indent
    {
        get
        {
            int n = 0;
            foreach (char c in Text)
            {
                if (c == ' ') n++;
                else if (c == '\t') n += 4;
                else return n;
            }
            return int.MaxValue; // A blank line belongs to whatever block it sits in.
        }
    }

    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}

/// <summary>A file's part of a diff: its path, whether it is new, and its hunks' lines in order.</summary>
internal sealed class DiffFile(string path, bool isNew)
{
    public string Path { get; } = path;

    public bool IsNew { get; } = isNew;

    public List<DiffLine> Lines { get; } = [];

    public string FileName => Path[(Path.LastIndexOf('/') + 1)..];

    public string Extension
    {
        get
        {
            string name = FileName;
            int dot = name.LastIndexOf('.');
            return dot < 0 ? "" : name[dot..].ToLowerInvariant();
        }
    }

    public bool HasExtension(params ReadOnlySpan<string> extensions)
    {
        string extension = Extension;
        foreach (var e in extensions) if (extension == e) return true;
        return false;
    }

    public bool AnyAdded => Lines.Exists(l => l.IsAdded);

    /// <summary>Whether an added line contains <paramref name="text"/> (case-insensitive).</summary>
    public bool AddedContains(string text) => Lines.Exists(l => l.IsAdded && l.Text.Contains(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a line of the new side (added or context) contains <paramref name="text"/> (case-insensitive).</summary>
    public bool NewContains(string text) => Lines.Exists(l => l.IsNew && l.Text.Contains(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The new-side lines of the block that starts at <paramref name="index"/>: that line and the
    /// ones after it indented deeper, as Python and YAML write blocks (at most <paramref name="limit"/>).
    /// </summary>
    public List<DiffLine> Block(int index, int limit = 200)
    {
        var block = new List<DiffLine> { Lines[index] };
        int indent = Lines[index].Indent;
        for (int k = index + 1; k < Lines.Count && block.Count < limit; k++)
        {
            var line = Lines[k];
            if (!line.IsNew) continue;
            if (!line.IsBlank && line.Indent <= indent) break;
            block.Add(line);
        }
        return block;
    }

    /// <summary>
    /// The new-side text from <paramref name="index"/> to the bracket that closes the first one
    /// opened on that line (at most <paramref name="limit"/> lines): a call with its arguments.
    /// </summary>
    public string Balanced(int index, int from, char open = '(', char close = ')', int limit = 40)
    {
        var text = new System.Text.StringBuilder();
        int depth = 0;
        bool opened = false;
        int lines = 0;
        for (int k = index; k < Lines.Count && lines < limit; k++)
        {
            var line = Lines[k];
            if (!line.IsNew) continue;
            lines++;
            int start = k == index ? from : 0;
            for (int c = start; c < line.Text.Length; c++)
            {
                char ch = line.Text[c];
                text.Append(ch);
                if (ch == open) { depth++; opened = true; }
                else if (ch == close && --depth == 0 && opened) return text.ToString();
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
