using CareerLsp.Core.Domain.Findings;

namespace CareerLsp.Cli.Output;

/// <summary>The findings for one checked document and how to name it in output.</summary>
/// <param name="Label">What the user sees as the file: a path, <c>&lt;stdin&gt;</c>, <c>commit:abc1234</c>, <c>PR #12</c>.</param>
/// <param name="IsFile">Whether <paramref name="Label"/> is a real path (GitHub annotations and SARIF need one).</param>
/// <param name="Findings">What the engine found, in document order.</param>
internal sealed record DocumentReport(string Label, bool IsFile, IReadOnlyList<Finding> Findings);

/// <summary>Writes reports in one of the output formats. One class per format; this is the CLI's only LSP-free view of findings.</summary>
internal interface IReportWriter
{
    void Write(TextWriter output, IReadOnlyList<DocumentReport> reports);
}

internal static class ReportWriters
{
    public static readonly string[] Formats = ["text", "json", "github", "sarif"];

    public static IReportWriter For(string format) => format switch
    {
        "json" => new JsonReportWriter(),
        "github" => new GitHubReportWriter(),
        "sarif" => new SarifReportWriter(),
        _ => new TextReportWriter(),
    };

    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        Severity.Hint => "hint",
        _ => "off",
    };
}
