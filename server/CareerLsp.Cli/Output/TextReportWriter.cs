namespace CareerLsp.Cli.Output;

/// <summary>Compiler-style lines, <c>file:line:col: severity CL001 slug: message</c> (1-based), then a summary.</summary>
internal sealed class TextReportWriter : IReportWriter
{
    public void Write(TextWriter output, IReadOnlyList<DocumentReport> reports)
    {
        int errors = 0, warnings = 0, documents = 0;
        foreach (var report in reports)
        {
            documents++;
            foreach (var f in report.Findings)
            {
                output.WriteLine($"{report.Label}:{f.Range.Start.Line + 1}:{f.Range.Start.Character + 1}: {ReportWriters.SeverityName(f.Severity)} {f.Rule.Id} {f.Rule.Slug}: {f.Message}");
                if (f.Severity == Core.Domain.Findings.Severity.Error) errors++;
                else if (f.Severity == Core.Domain.Findings.Severity.Warning) warnings++;
            }
        }
        output.WriteLine($"{documents} document{(documents == 1 ? "" : "s")} checked: {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}");
    }
}
