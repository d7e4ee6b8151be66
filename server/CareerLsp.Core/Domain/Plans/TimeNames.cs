using System.Text.RegularExpressions;

namespace CareerLsp.Core.Domain.Plans;

/// <summary>The time scales a plan counts in.</summary>
public enum TimeScale
{
    Day,
    Week,
    Month,
    Year,
}

/// <summary>A span of a plan in its own count: weeks 1–2, month 3, year 1 (one-based, inclusive).</summary>
public sealed record TimeRange(TimeScale Scale, int First, int Last)
{
    /// <summary>The dates the span covers when counting starts on <paramref name="start"/>.</summary>
    public (DateOnly From, DateOnly To) Dates(DateOnly start) => Scale switch
    {
        TimeScale.Day => (start.AddDays(First - 1), start.AddDays(Last - 1)),
        TimeScale.Week => (start.AddDays((First - 1) * 7), start.AddDays(Last * 7 - 1)),
        TimeScale.Month => (start.AddMonths(First - 1), start.AddMonths(Last).AddDays(-1)),
        _ => (start.AddYears(First - 1), start.AddYears(Last).AddDays(-1)),
    };

    public override string ToString() => First == Last ? $"{Scale} {First}" : $"{Scale}s {First}-{Last}";
}

/// <summary>
/// Reads the time a heading names: "Week 1-2", "WEEKS 01-04", "WEEK 01 — …", "Month 3", "Months 1–6",
/// "Year 1", "Days 1 to 3", "Quarter 2" (three months), and the same in parentheses after a name
/// ("Phase 1: Foundations (Weeks 1-4)").
/// </summary>
public static partial class TimeNames
{
    [GeneratedRegex(@"^(?:(?:day|week|wk|month|quarter|year)s?)\s*0*(\d{1,3})(?:\s*(?:-|–|—|to|through|thru|&|and)\s*0*(\d{1,3}))?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Leading();

    [GeneratedRegex(@"[(\[]\s*((?:day|week|wk|month|quarter|year)s?)\s*0*(\d{1,3})(?:\s*(?:-|–|—|to|through|thru|&|and)\s*0*(\d{1,3}))?\s*[)\]]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Parenthesised();

    /// <summary>
    /// The time a title names, and whether it leads the title (a time unit: "Week 3: …") or follows
    /// a name in parentheses (a phase: "Phase 1: … (Weeks 1-4)"). <c>null</c> when it names none.
    /// </summary>
    public static (TimeRange Range, bool Leads)? Read(string title)
    {
        string text = title.Trim();
        var leading = Leading().Match(text);
        if (leading.Success) return (Range(leading.Value.AsSpan(), leading.Groups[1].Value, leading.Groups[2].Value), true);
        var inner = Parenthesised().Match(text);
        if (inner.Success) return (Range(inner.Groups[1].Value.AsSpan(), inner.Groups[2].Value, inner.Groups[3].Value), false);
        return null;
    }

    private static TimeRange Range(ReadOnlySpan<char> word, string first, string last)
    {
        var lower = word.ToString().ToLowerInvariant();
        int a = int.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        int b = last.Length > 0 ? int.Parse(last, System.Globalization.CultureInfo.InvariantCulture) : a;
        if (b < a) (a, b) = (b, a);
        if (a < 1) a = 1;
        if (b < 1) b = 1;
        if (lower.StartsWith("day", StringComparison.Ordinal)) return new TimeRange(TimeScale.Day, a, b);
        if (lower.StartsWith("month", StringComparison.Ordinal)) return new TimeRange(TimeScale.Month, a, b);
        if (lower.StartsWith("quarter", StringComparison.Ordinal)) return new TimeRange(TimeScale.Month, (a - 1) * 3 + 1, b * 3);
        if (lower.StartsWith("year", StringComparison.Ordinal)) return new TimeRange(TimeScale.Year, a, b);
        return new TimeRange(TimeScale.Week, a, b);
    }
}
