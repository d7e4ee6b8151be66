using System.Text.Json.Serialization;

namespace CareerLsp.Workspace;

/// <summary><c>careerLsp/report</c>'s parameters: the workspace (<c>uri</c>) and the filters of <c>careerlsp report</c>.</summary>
public sealed record ReportRequest(string? Uri = null, string? Since = null, string? Until = null, string? Author = null);

/// <summary>
/// <c>careerLsp/report</c>'s answer: the report as the self-contained page <c>careerlsp report
/// --format html</c> writes (no script, no remote resource), with its size for a title.
/// </summary>
public sealed record ReportView(string Html, int Commits, int Weeks, string Repository);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReportRequest))]
[JsonSerializable(typeof(ReportView))]
public sealed partial class ReportJsonContext : JsonSerializerContext;
