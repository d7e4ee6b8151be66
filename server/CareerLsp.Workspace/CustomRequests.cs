using System.Text.Json.Serialization;

namespace CareerLsp.Workspace;

// The wire types of the custom requests the language server answers, in one place. The extension
// mirrors them in vscode-extension/src/protocol.ts; docs/dev/lsp-extensions.md documents them.

/// <summary>The methods of the custom requests.</summary>
public static class CustomRequests
{
    /// <summary>The workspace's training plan, today's units and the routines: answers a <see cref="PlanRequest"/> with a <see cref="PlanView"/>.</summary>
    public const string Plan = "careerLsp/plan";

    /// <summary>The habit report as one self-contained page: answers a <see cref="ReportRequest"/> with a <see cref="ReportView"/>.</summary>
    public const string Report = "careerLsp/report";
}

/// <summary>
/// A plan as the CLI prints it (<c>careerlsp plan --format json</c>) and the language server answers
/// <c>careerLsp/plan</c>: one shape, written once. Dates are <c>YYYY-MM-DD</c>; lines are zero-based.
/// </summary>
public sealed partial record PlanView(
    string Title, string? File, string Start, string StartFrom, string Today,
    IReadOnlyList<PlanUnitView> Units, IReadOnlyList<PlanUnitView> Current, IReadOnlyList<PlanPromptView> Prompts)
{
    /// <summary>Where the weekly goals and review files go, relative to the workspace (<c>plan.reviews</c>).</summary>
    public string? ReviewFolder { get; init; }
}

/// <summary>
/// A unit: <c>kind</c> is day, week, month, year, phase, row or section; <c>from</c>/<c>to</c> are null
/// when it names no time. <c>children</c> is left out of <c>current</c>, whose items include those of
/// the sections under the unit.
/// </summary>
public sealed record PlanUnitView(string Kind, string Title, string? From, string? To, int Line, IReadOnlyList<PlanItemView> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PlanUnitView>? Children)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Goal { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Metric { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Priority { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Done { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PlanCellView? Hours { get; init; }
}

/// <summary>An item: <c>checked</c> is null for an exercise; <c>line</c>/<c>column</c> locate the checkbox's mark in the plan file.</summary>
public sealed record PlanItemView(string Text, bool? Checked,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Line,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Column);

/// <summary>A routine: kind is morning, before-commit, evening, weekly-goals, weekly-review or self-assessment.</summary>
public sealed record PlanPromptView(string Kind, string Title, bool BuiltIn, int? Line, IReadOnlyList<PlanItemView> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Template);

/// <summary>A cell to fill: the span between its pipes on <c>line</c>, and its text.</summary>
public sealed record PlanCellView(string Text, int Line, int Start, int End);

/// <summary>
/// <c>careerLsp/plan</c>'s parameters: <c>uri</c> picks the workspace (a folder or a file in it; default
/// the first folder); <c>today</c> and <c>start</c> (YYYY-MM-DD) override the clock and the plan's start.
/// </summary>
public sealed record PlanRequest(string? Uri = null, string? Today = null, string? Start = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PlanView))]
[JsonSerializable(typeof(PlanRequest))]
public sealed partial class PlanJsonContext : JsonSerializerContext;

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
