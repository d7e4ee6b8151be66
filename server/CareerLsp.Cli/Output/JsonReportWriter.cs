using System.Text.Json;
using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Text;
using CareerLsp.Workspace;

namespace CareerLsp.Cli.Output;

/// <summary>
/// <c>{"findings":[{"rule","name","severity","message","file","range"}],"errors":N,"warnings":N}</c>;
/// zero-based lines and UTF-16 characters, as LSP.
/// </summary>
internal sealed class JsonReportWriter : IReportWriter
{
    public void Write(TextWriter output, IReadOnlyList<DocumentReport> reports)
    {
        JsonOutput.Write(output, json =>
        {
            int errors = 0, warnings = 0;
            json.WriteStartObject();
            json.WriteStartArray("findings");
            foreach (var report in reports)
            {
                foreach (var f in report.Findings)
                {
                    json.WriteStartObject();
                    json.WriteString("rule", f.Rule.Id);
                    json.WriteString("name", f.Rule.Slug);
                    json.WriteString("severity", ReportWriters.SeverityName(f.Severity));
                    json.WriteString("message", f.Message);
                    json.WriteString("file", report.Label);
                    json.WritePropertyName("range");
                    WriteRange(json, f.Range);
                    json.WriteEndObject();
                    if (f.Severity == Severity.Error) errors++;
                    else if (f.Severity == Severity.Warning) warnings++;
                }
            }
            json.WriteEndArray();
            json.WriteNumber("errors", errors);
            json.WriteNumber("warnings", warnings);
            json.WriteEndObject();
        });
    }

    private static void WriteRange(Utf8JsonWriter json, TextRange range)
    {
        json.WriteStartObject();
        json.WritePropertyName("start");
        WritePosition(json, range.Start);
        json.WritePropertyName("end");
        WritePosition(json, range.End);
        json.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter json, Position position)
    {
        json.WriteStartObject();
        json.WriteNumber("line", position.Line);
        json.WriteNumber("character", position.Character);
        json.WriteEndObject();
    }
}
