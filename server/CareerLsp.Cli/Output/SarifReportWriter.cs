using CareerLsp.Core.Domain.Findings;
using CareerLsp.Workspace;

namespace CareerLsp.Cli.Output;

/// <summary>SARIF 2.1.0 (code scanning): one run, every rule described, one result per finding.</summary>
internal sealed class SarifReportWriter : IReportWriter
{
    public void Write(TextWriter output, IReadOnlyList<DocumentReport> reports)
    {
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "CareerLsp");
            json.WriteString("version", typeof(SarifReportWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            json.WriteStartArray("rules");
            foreach (var rule in RuleCatalog.All)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", rule.Slug);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Description);
                json.WriteEndObject();
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.DefaultSeverity));
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var report in reports)
            {
                foreach (var f in report.Findings)
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", f.Rule.Id);
                    json.WriteNumber("ruleIndex", IndexOf(f.Rule));
                    json.WriteString("level", Level(f.Severity));
                    json.WriteStartObject("message");
                    json.WriteString("text", report.IsFile ? f.Message : $"{report.Label}: {f.Message}");
                    json.WriteEndObject();
                    if (report.IsFile)
                    {
                        json.WriteStartArray("locations");
                        json.WriteStartObject();
                        json.WriteStartObject("physicalLocation");
                        json.WriteStartObject("artifactLocation");
                        json.WriteString("uri", report.Label.Replace('\\', '/'));
                        json.WriteEndObject();
                        json.WriteStartObject("region");
                        json.WriteNumber("startLine", f.Range.Start.Line + 1);
                        json.WriteNumber("startColumn", f.Range.Start.Character + 1);
                        json.WriteNumber("endLine", f.Range.End.Line + 1);
                        json.WriteNumber("endColumn", f.Range.End.Character + 1);
                        json.WriteEndObject();
                        json.WriteEndObject();
                        json.WriteEndObject();
                        json.WriteEndArray();
                    }
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static int IndexOf(RuleDescriptor rule)
    {
        for (int i = 0; i < RuleCatalog.All.Count; i++) if (RuleCatalog.All[i] == rule) return i;
        return -1;
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Off => "none",
        _ => "note",
    };
}
