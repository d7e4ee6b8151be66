using CareerLsp.Core.Syntax;
using CareerLsp.Core.Text;

namespace CareerLsp.Core.Domain.Habits;

/// <summary>The escape hatch: a <c>Habits-Skip: reason</c> line (a trailer in a commit).</summary>
public sealed record SkipMarker(TextRange Range, string Reason);

public static class Skip
{
    /// <summary>
    /// Finds the skip line: in a commit message a trailer, or any line of the message or PR
    /// description that starts with the token and a colon. Comment lines do not count.
    /// </summary>
    public static SkipMarker? Find(SourceText text, CommitMessage? commit, string token)
    {
        if (commit is not null) return Find(commit, token);
        for (int line = 0; line < text.LineCount; line++)
        {
            if (Match(text, line, token) is { } marker) return marker;
        }
        return null;
    }

    /// <summary>The skip line of a commit message: its trailer, or a content line starting with the token and a colon.</summary>
    public static SkipMarker? Find(CommitMessage commit, string token)
    {
        if (commit.FindTrailer(token) is { } trailer)
            return new SkipMarker(new TextRange(trailer.TokenRange.Start, trailer.ValueRange.End), trailer.Value.Trim());
        foreach (int line in commit.ContentLines)
        {
            if (Match(commit.Text, line, token) is { } marker) return marker;
        }
        return null;
    }

    private static SkipMarker? Match(SourceText text, int line, string token)
    {
        var span = text.LineSpan(line);
        int start = 0;
        while (start < span.Length && char.IsWhiteSpace(span[start])) start++;
        var rest = span[start..];
        if (!rest.StartsWith(token, StringComparison.OrdinalIgnoreCase)) return null;
        var after = rest[token.Length..].TrimStart();
        if (after.IsEmpty || after[0] != ':') return null;
        string reason = after[1..].Trim().ToString();
        return new SkipMarker(SourceText.OnLine(line, start, span.TrimEnd().Length), reason);
    }
}
