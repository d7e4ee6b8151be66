using CareerLsp.Core.Domain.Findings;

namespace CareerLsp.Cli.Output;

/// <summary>GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>), which show as annotations.</summary>
internal sealed class GitHubReportWriter : IReportWriter
{
    public void Write(TextWriter output, IReadOnlyList<DocumentReport> reports)
    {
        foreach (var report in reports)
        {
            foreach (var f in report.Findings)
            {
                string command = f.Severity switch
                {
                    Severity.Error => "error",
                    Severity.Warning => "warning",
                    _ => "notice",
                };
                var properties = new List<string>();
                if (report.IsFile)
                {
                    properties.Add($"file={Property(report.Label)}");
                    properties.Add($"line={f.Range.Start.Line + 1}");
                    properties.Add($"col={f.Range.Start.Character + 1}");
                    properties.Add($"endLine={f.Range.End.Line + 1}");
                    properties.Add($"endColumn={f.Range.End.Character + 1}");
                }
                properties.Add($"title={Property($"{f.Rule.Id} {f.Rule.Slug}")}");
                string where = report.IsFile ? "" : $"{report.Label}: ";
                output.WriteLine($"::{command} {string.Join(',', properties)}::{Data(where + f.Message)}");
            }
        }
    }

    private static string Data(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string value) => Data(value).Replace(":", "%3A").Replace(",", "%2C");
}
