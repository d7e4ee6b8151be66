using System.Globalization;
using System.Text.RegularExpressions;

namespace CareerLsp.Core.Domain.Plans;

/// <summary>One week's self-assessment: the ratings written into its review file.</summary>
public sealed record WeekRatings(string Week, IReadOnlyList<int> Ratings)
{
    public double Average => Ratings.Count == 0 ? 0 : Ratings.Average();
}

/// <summary>
/// Reads the ratings the editor's self-assessment writes into a week's file (<c>2026-W47.md</c>):
/// under a heading that names the self-assessment, each <c>- question: 7/10</c>. Pure: the edge
/// lists the files.
/// </summary>
public static partial class SelfAssessment
{
    [GeneratedRegex(@"^(\d{4})-W(\d{2})\.md$", RegexOptions.IgnoreCase)]
    private static partial Regex WeekFile();

    [GeneratedRegex(@"(?<![\d.])(10|[1-9])\s*/\s*10\b")]
    private static partial Regex Rating();

    /// <summary>The ISO week a file name names (<c>2026-W47.md</c> → <c>2026-W47</c>), or <c>null</c>.</summary>
    public static string? WeekOf(string fileName)
    {
        var match = WeekFile().Match(fileName);
        if (!match.Success) return null;
        int week = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return week is >= 1 and <= 53 ? $"{match.Groups[1].Value}-W{match.Groups[2].Value}" : null;
    }

    /// <summary>The ratings under the file's self-assessment heading(s); none when it has none.</summary>
    public static IReadOnlyList<int> Ratings(string text)
    {
        var ratings = new List<int>();
        bool inside = false;
        foreach (var raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            string trimmed = line.TrimStart();
            if (trimmed.StartsWith('#'))
            {
                string title = trimmed.TrimStart('#').Trim().ToLowerInvariant();
                inside = title.Contains("self-assessment", StringComparison.Ordinal) || title.Contains("self assessment", StringComparison.Ordinal);
                continue;
            }
            if (!inside || !(trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal))) continue;
            var rating = Rating().Match(trimmed);
            if (rating.Success) ratings.Add(int.Parse(rating.Groups[1].Value, CultureInfo.InvariantCulture));
        }
        return ratings;
    }
}
