using System.Globalization;

namespace CareerLsp.Core.Text;

/// <summary>
/// Dates as CareerLsp reads and writes them everywhere (options, configuration, JSON, caches, the
/// custom requests): <c>YYYY-MM-DD</c>, invariant culture, nothing else accepted.
/// </summary>
public static class IsoDate
{
    public const string Pattern = "yyyy-MM-dd";

    public static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static DateOnly? Parse(string? text) => TryParse(text, out var day) ? day : null;

    public static string Format(DateOnly day) => day.ToString(Pattern, CultureInfo.InvariantCulture);
}
