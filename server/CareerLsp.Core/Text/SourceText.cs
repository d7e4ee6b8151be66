namespace CareerLsp.Core.Text;

/// <summary>A zero-based line and UTF-16 character offset, as LSP counts them.</summary>
public readonly record struct Position(int Line, int Character) : IComparable<Position>
{
    public int CompareTo(Position other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);

    public override string ToString() => $"{Line}:{Character}";
}

/// <summary>A half-open range of positions: <see cref="End"/> is exclusive, as in LSP.</summary>
public readonly record struct TextRange(Position Start, Position End)
{
    public static TextRange Empty(Position at) => new(at, at);

    public bool IsEmpty => Start == End;

    public override string ToString() => $"({Start.Line},{Start.Character})-({End.Line},{End.Character})";
}

/// <summary>
/// Immutable document text with a line index. Every offset to line/character conversion in the
/// engine goes through this class, so there is exactly one place that knows what a line break is.
/// Line breaks are <c>\n</c>, <c>\r\n</c> and <c>\r</c>, as LSP defines them; characters are UTF-16
/// code units, which is what C# strings index.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text)
    {
        Text = text ?? string.Empty;
        _lineStarts = ComputeLineStarts(Text);
    }

    public string Text { get; }

    public int Length => Text.Length;

    public int LineCount => _lineStarts.Length;

    /// <summary>Offset at which line <paramref name="line"/> starts.</summary>
    public int LineStart(int line) => _lineStarts[line];

    /// <summary>Offset just past the last character of the line, excluding its line break.</summary>
    public int LineEnd(int line)
    {
        int end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : Text.Length;
        if (end > _lineStarts[line] && Text[end - 1] == '\n') end--;
        if (end > _lineStarts[line] && Text[end - 1] == '\r') end--;
        return end;
    }

    /// <summary>The text of a line without its line break.</summary>
    public string Line(int line) => Text.Substring(_lineStarts[line], LineEnd(line) - _lineStarts[line]);

    /// <summary>The line text as a span, without allocating.</summary>
    public ReadOnlySpan<char> LineSpan(int line) => Text.AsSpan(_lineStarts[line], LineEnd(line) - _lineStarts[line]);

    public Position GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0) line = ~line - 1;
        return new Position(line, offset - _lineStarts[line]);
    }

    /// <summary>Converts a position to an offset, clamping past-the-end lines and characters.</summary>
    public int GetOffset(Position position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= _lineStarts.Length) return Text.Length;
        int start = _lineStarts[position.Line];
        return Math.Min(start + Math.Max(0, position.Character), LineEnd(position.Line));
    }

    /// <summary>Range of the half-open offset span [start, end).</summary>
    public TextRange GetRange(int start, int end) => new(GetPosition(start), GetPosition(end));

    /// <summary>Range covering a whole line, without its line break.</summary>
    public TextRange LineRange(int line) => new(new Position(line, 0), new Position(line, LineEnd(line) - _lineStarts[line]));

    /// <summary>Range of characters [from, to) on one line.</summary>
    public static TextRange OnLine(int line, int from, int to) => new(new Position(line, from), new Position(line, to));

    /// <summary>The position just after the last character of the document.</summary>
    public Position EndPosition => GetPosition(Text.Length);

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int>(Math.Max(4, text.Length / 40)) { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts.ToArray();
    }
}
