using System.Text.RegularExpressions;

namespace CareerLsp.Core.Domain.Library.Code;

/// <summary>Data pipelines: pandas and Spark jobs, literal S3 paths, dbt models; facts from changed paths.</summary>
internal static partial class CodeFacts
{
    [GeneratedRegex(@"[""']s3a?://[^""'{}]*[""']")]
    private static partial Regex LiteralS3Path();

    private static void DataPython(Found found)
    {
        var file = found.File;
        var lines = found.Lines;
        bool dag = file.Path.Contains("dags/", StringComparison.Ordinal) || file.NewContains("from airflow");
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.IsAdded || line.Text.TrimStart().StartsWith('#')) continue;
            string text = line.Text;
            if ((text.Contains(".collect()", StringComparison.Ordinal) || text.Contains(".toPandas()", StringComparison.Ordinal)) && !Reduced(lines, i))
                found.Add("whole dataset pulled to the driver with collect() or toPandas()", "", line);
            if (text.Contains("read_csv(", StringComparison.Ordinal) && !file.Balanced(i, text.IndexOf("read_csv(", StringComparison.Ordinal), limit: 15).Contains("dtype", StringComparison.Ordinal))
                found.Add("pandas read_csv", "explicit dtypes", line);
            if (LiteralS3Path().Match(text) is { Success: true } s3)
            {
                if (s3.Value.Contains("prod", StringComparison.OrdinalIgnoreCase)) found.Add("bucket hard-coded to production in job code", "", line);
                if (s3.Value.EndsWith(".csv\"", StringComparison.Ordinal) || s3.Value.EndsWith(".parquet\"", StringComparison.Ordinal) || s3.Value.EndsWith(".json\"", StringComparison.Ordinal) || s3.Value.EndsWith(".csv'", StringComparison.Ordinal) || s3.Value.EndsWith(".parquet'", StringComparison.Ordinal))
                    found.Add("S3 path built", "partition date", line);
            }
            if (text.Contains("os.environ", StringComparison.Ordinal) || text.Contains("Variable.get(", StringComparison.Ordinal) && text.Contains("bucket", StringComparison.OrdinalIgnoreCase))
                found.Remedy("bucket or prefix from configuration per environment", line);
            if (dag)
            {
                bool topLevel = line.Indent == 0 && !text.StartsWith("import", StringComparison.Ordinal) && !text.StartsWith("from", StringComparison.Ordinal) && !text.StartsWith("def ", StringComparison.Ordinal) && !text.StartsWith("with ", StringComparison.Ordinal) && !text.StartsWith('@') && !text.StartsWith(')');
                if (topLevel && (text.Contains("Variable.get(", StringComparison.Ordinal) || text.Contains("requests.", StringComparison.Ordinal) || text.Contains(".execute(", StringComparison.Ordinal) || text.Contains("read_sql", StringComparison.Ordinal) || text.Contains("get_records(", StringComparison.Ordinal)))
                    found.Add("top-level code in a DAG file runs on every scheduler parse", "", line);
                if ((text.Contains("DAG(", StringComparison.Ordinal) || text.Contains("@dag(", StringComparison.Ordinal)) && !file.Balanced(i, text.IndexOf('(', StringComparison.Ordinal), limit: 30).Contains("catchup", StringComparison.Ordinal))
                    found.Add("new DAG with catchup enabled by default and a start_date", "", line);
            }
        }
    }

    // The chain ending in collect() aggregates or limits first (a chain may run over lines).
    private static bool Reduced(List<DiffLine> lines, int index)
    {
        for (int k = index; k >= Math.Max(0, index - 6); k--)
        {
            if (!lines[k].IsNew) continue;
            string text = lines[k].Text;
            if (text.Contains(".agg(", StringComparison.Ordinal) || text.Contains(".limit(", StringComparison.Ordinal) || text.Contains(".count()", StringComparison.Ordinal) || text.Contains("groupBy", StringComparison.Ordinal) || text.Contains(".distinct()", StringComparison.Ordinal)) return true;
            if (k < index && !text.TrimStart().StartsWith('.') && !lines[k + 1].Text.TrimStart().StartsWith('.')) break;
        }
        return false;
    }

    private static void Dbt(Found found)
    {
        var file = found.File;
        var lines = found.Lines;
        if (file.IsNew) found.Add(NewModel, "tests on its primary key in schema.yml", lines.Find(l => l.IsAdded)!);
        var incremental = lines.Find(l => l.IsAdded && l.Text.Contains("incremental", StringComparison.Ordinal) && l.Text.Contains("materialized", StringComparison.Ordinal));
        if (incremental is not null && !file.NewContains("unique_key"))
            found.Add("incremental model", "unique_key", incremental);
        // A column renamed or removed: "as x" removed, and not added back.
        var removedNames = new List<string>();
        foreach (var line in lines)
            if (line.IsRemoved && AliasName(line.Text) is { } name) removedNames.Add(name);
        foreach (var name in removedNames)
            if (!lines.Exists(l => l.IsAdded && AliasName(l.Text) == name))
            {
                found.Add("column renamed or removed in a dbt model", "", lines.Find(l => l.IsAdded) ?? lines[0]);
                break;
            }
    }

    private const string NewModel = "new model";

    private static string? AliasName(string text)
    {
        int at = text.LastIndexOf(" as ", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        string name = text[(at + 4)..].Trim().TrimEnd(',').Trim();
        return name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c == '_') ? name : null;
    }

    /// <summary>Facts from the changed paths of Node and dbt projects.</summary>
    private static void ProjectPaths(IReadOnlyList<string> paths, List<CodeFact> facts)
    {
        bool manifest = false, lockfile = false;
        foreach (var path in paths)
        {
            string name = path[(path.LastIndexOf('/') + 1)..];
            manifest |= name == "package.json";
            lockfile |= name is "package-lock.json" or "yarn.lock" or "pnpm-lock.yaml" or "npm-shrinkwrap.json";
        }
        if (manifest && !lockfile) facts.Add(new CodeFact("package.json changed", "package-lock.json lockfile updated", "package.json", 0));
        if (manifest && lockfile) facts.Add(new CodeFact("lockfile updated together", "", "package-lock.json", 0) { IsRemedy = true });

        // A new dbt model with no schema file changed beside it: no tests on it.
        if (paths.Any(p => p.EndsWith(".yml", StringComparison.Ordinal) || p.EndsWith(".yaml", StringComparison.Ordinal)))
            facts.RemoveAll(f => f.Present == NewModel);
    }
}
