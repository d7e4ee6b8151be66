
namespace CareerLsp.Core.Domain.Library.Code;

/// <summary>
/// Reads a change's code for the handful of things that lessons-learned libraries keep writing
/// about — an HTTP call with no timeout, a secret in a manifest, a list keyed by index — and says
/// each in words (<see cref="CodeFact"/>). The detectors know languages and file formats, not any
/// library: a fact only helps an entry whose own words say the same thing.
/// <para>
/// Rules every detector keeps: the line that makes the fact is an added line (a change is not
/// blamed for what it did not touch); an absence ("without a timeout") is only claimed when the
/// whole construct is in view (the call and its arguments, the new file, the block); each detector
/// looks at a file's lines only after a cheap test of its path or text, so a 5 MB diff costs a
/// scan, not a parse.
/// </para>
/// <para>
/// A detector may also report that a remedy is present (<c>remedy: true</c>): an action pinned to
/// a commit SHA, SQL with bound parameters. Those count against an entry, as its remedy's words do.
/// </para>
/// </summary>
internal static partial class CodeFacts
{
    /// <summary>Whether any detector reads files at <paramref name="path"/>: the others' lines are not kept.</summary>
    public static bool Reads(string path)
    {
        string name = path[(path.LastIndexOf('/') + 1)..];
        int dot = name.LastIndexOf('.');
        string ext = dot < 0 ? "" : name[dot..].ToLowerInvariant();
        return ext is ".yaml" or ".yml" or ".tpl" or ".tf" or ".json" or ".env" or ".properties" or ".ini" or ".toml"
                   or ".py" or ".ts" or ".tsx" or ".js" or ".jsx" or ".mjs" or ".cjs"
                   or ".cs" or ".go" or ".csproj" or ".props" or ".targets" or ".fsproj" or ".sql" or ".proto" or ".mod"
               || name.StartsWith(".env", StringComparison.Ordinal);
    }

    /// <summary>A detector: the files it reads (a cheap test of the path and name) and what it looks for in them.</summary>
    private sealed record Detector(Func<DiffFile, bool> Reads, Action<Found> Inspect);

    private static bool IsYaml(DiffFile file) => file.Extension is ".yaml" or ".yml" or ".tpl";

    private static bool IsJavaScript(DiffFile file) => file.Extension is ".ts" or ".tsx" or ".js" or ".jsx" or ".mjs" or ".cjs";

    /// <summary>
    /// Every detector, one file per ecosystem under <c>Detectors/</c>, in the order their facts are
    /// reported. A new detector goes here and in its ecosystem's file, with its tests beside the
    /// others of its kind (tests/CareerLsp.Core.Tests/Patterns/Code/).
    /// </summary>
    private static readonly Detector[] Detectors =
    [
        new(f => IsYaml(f) || f.Extension is ".tf" or ".json" or ".env" or ".properties" or ".ini" or ".toml"
                 or ".py" or ".ts" or ".js" or ".cs" or ".go"
                 || f.FileName.StartsWith(".env", StringComparison.Ordinal), Secrets),
        new(IsYaml, Kubernetes),
        new(f => IsYaml(f) && (f.Path.Contains(".github/workflows/", StringComparison.Ordinal) || f.FileName is ".gitlab-ci.yml"), Workflows),
        new(f => f.Extension is ".tf" or ".json", Terraform),
        new(f => f.Extension == ".py", Python),
        new(IsJavaScript, JavaScript),
        new(IsJavaScript, NodeService),
        new(f => f.Extension == ".cs", CSharp),
        new(f => f.Extension == ".go", Go),
        new(f => f.Extension == ".go", GoService),
        new(f => f.Extension == ".proto", Proto),
        new(f => f.Extension == ".py", DataPython),
        new(f => f.Extension == ".sql" && (f.Path.StartsWith("models/", StringComparison.Ordinal) || f.Path.Contains("/models/", StringComparison.Ordinal)),
            Dbt),
        new(f => f.FileName == "go.mod", GoMod),
        new(f => f.FileName == "package.json", PackageJson),
        new(f => f.FileName == "package.json", PackageMajors),
        new(f => f.Extension is ".csproj" or ".props" or ".targets" or ".fsproj", MsBuild),
        new(f => f.Extension == ".sql" || f.Extension is ".py" or ".cs" or ".go" or ".ts" or ".js" && IsMigration(f.Path), Migrations),
    ];

    /// <summary>Facts about one file's part of a diff.</summary>
    public static void Inspect(DiffFile file, List<CodeFact> facts)
    {
        if (!file.AnyAdded) return;
        var found = new Found(file, facts);
        foreach (var detector in Detectors)
        {
            if (detector.Reads(file)) detector.Inspect(found);
        }
    }

    /// <summary>Facts about the change as a whole: files changed together, or not.</summary>
    public static void InspectPaths(IReadOnlyList<string> paths, List<CodeFact> facts)
    {
        ProjectPaths(paths, facts);
        // A Helm chart's templates changed and its Chart.yaml did not: its version was not bumped.
        var charts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            int at = path.IndexOf("/templates/", StringComparison.Ordinal);
            if (at >= 0 && (path.StartsWith("charts/", StringComparison.Ordinal) || path.Contains("/charts/", StringComparison.Ordinal)
                            || path.Contains("chart", StringComparison.OrdinalIgnoreCase)))
                charts.Add(path[..at]);
        }
        foreach (var chart in charts)
        {
            bool bumped = false;
            foreach (var path in paths) if (path == chart + "/Chart.yaml") bumped = true;
            if (!bumped) facts.Add(new CodeFact("Helm chart templates changed", "chart version increment bump in Chart.yaml", chart + "/templates/", 0));
        }
    }

    /// <summary>Collects a file's facts.</summary>
    private sealed class Found(DiffFile file, List<CodeFact> facts)
    {
        public DiffFile File { get; } = file;

        public List<DiffLine> Lines => File.Lines;

        public void Add(string present, string absent, DiffLine line) => facts.Add(new CodeFact(present, absent, File.Path, line.Number));

        public void Remedy(string present, DiffLine line) => facts.Add(new CodeFact(present, "", File.Path, line.Number) { IsRemedy = true });
    }
}
