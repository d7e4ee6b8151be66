using System.Text.RegularExpressions;

namespace CareerLsp.Core.Domain.Library.Code;

/// <summary>Go services, Node APIs, data pipelines: the constructs their lessons keep naming.</summary>
internal static partial class CodeFacts
{
    // ---- Go ------------------------------------------------------------------------------------

    [GeneratedRegex(@"\b\w*[Cc]lient\.[A-Z]\w*\(\s*ctx\b")]
    private static partial Regex GrpcCall();

    [GeneratedRegex(@"fmt\.Errorf\(""[^""]*%v[^""]*"",[^)]*\berr\b")]
    private static partial Regex WrappedWithV();

    [GeneratedRegex(@"^\s*(\w+)\[[^\]]+\]\s*(=|\+=|-=|\+\+)")]
    private static partial Regex MapWrite();

    [GeneratedRegex(@"\b(\w+)\s*,\s*(err|_)\s*:?=\s*\w+(\.\w+)*\.(Query|QueryContext)\(")]
    private static partial Regex GoQuery();

    [GeneratedRegex(@"\b(\w+)\s*,\s*(err|_)\s*:?=\s*\w+(\.\w+)*\.(Begin|BeginTx)\(")]
    private static partial Regex GoBegin();

    private static void GoService(Found found)
    {
        var file = found.File;
        var lines = found.Lines;
        bool test = file.Path.EndsWith("_test.go", StringComparison.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.IsNew) continue;
            string text = line.Text;
            string trimmed = text.TrimStart();
            if (trimmed.StartsWith("//", StringComparison.Ordinal)) continue;

            if (line.IsAdded && text.Contains("%v", StringComparison.Ordinal) && WrappedWithV().IsMatch(text))
                found.Add("error wrapped with %v instead of %w, so errors.Is and errors.As stop matching", "", line);

            if (line.IsAdded && text.Contains("Decode(", StringComparison.Ordinal) && text.Contains("r.Body", StringComparison.Ordinal) && !file.NewContains("MaxBytesReader") && !file.NewContains("LimitReader"))
                found.Add("request body decoded", "size limit MaxBytesReader", line);

            if (line.IsAdded && text.Contains("err.Error()", StringComparison.Ordinal) && (text.Contains("http.Error(", StringComparison.Ordinal) || text.Contains("JSON(", StringComparison.Ordinal) || text.Contains("status.Error", StringComparison.Ordinal)))
                found.Add("internal error text returned to the caller", "", line);

            // A goroutine: what it does with shared state.
            if (trimmed.StartsWith("go func", StringComparison.Ordinal))
            {
                string body = file.Balanced(i, text.IndexOf('{', StringComparison.Ordinal) < 0 ? 0 : text.IndexOf('{', StringComparison.Ordinal), '{', '}', limit: 60);
                var start = line.IsAdded ? line : lines.Skip(i).FirstOrDefault(l => l.IsAdded);
                if (start is null) continue;
                if (body.Contains(".Add(1)", StringComparison.Ordinal) || body.Contains("wg.Add(", StringComparison.Ordinal))
                    found.Add("WaitGroup.Add called inside the goroutine", "", start);
                bool locked = body.Contains(".Lock()", StringComparison.Ordinal) || body.Contains("sync.Map", StringComparison.Ordinal) || body.Contains("<-", StringComparison.Ordinal);
                if (!locked && body.Split('\n').Any(l => MapWrite().Match(l) is { Success: true } m && IsMapVariable(file, m.Groups[1].Value)))
                    found.Add("map shared between goroutines written without a lock, concurrent map writes", "lock mutex", start);
            }

            if (!line.IsAdded || test) continue;
            // A client call on a context made from nothing (a request's own context has the caller's deadline).
            if (GrpcCall().IsMatch(text) && (file.NewContains("context.Background()") || file.NewContains("context.TODO()")) && !file.NewContains("WithTimeout") && !file.NewContains("WithDeadline"))
                found.Add("gRPC client call", "deadline timeout", line);
            if (GoQuery().Match(text) is { Success: true } query && !RowsClosed(lines, i, query.Groups[1].Value))
                found.Add("rows not closed after Query, the pool runs out of connections", "defer rows.Close()", line);
            if (GoBegin().Match(text) is { Success: true } begin && !RowsClosed(lines, i, begin.Groups[1].Value, "Rollback"))
                found.Add("transaction begun, an early return leaves it open", "deferred Rollback", line);
            if ((text.Contains("http.Client{", StringComparison.Ordinal) || text.Contains("http.Server{", StringComparison.Ordinal)) && file.Balanced(i, text.IndexOf('{', StringComparison.Ordinal), '{', '}', limit: 20).Contains("Timeout", StringComparison.Ordinal))
                found.Remedy("explicit timeouts set", line);
        }
    }

    // "counts[k] = v" is a map write when counts was made as a map in view.
    private static bool IsMapVariable(DiffFile file, string name) =>
        file.Lines.Exists(l => l.IsNew && (l.Text.Contains($"{name} := make(map", StringComparison.Ordinal) || l.Text.Contains($"{name} = make(map", StringComparison.Ordinal) || l.Text.Contains($"{name} := map[", StringComparison.Ordinal) || l.Text.Contains($"{name} map[", StringComparison.Ordinal)));

    private static bool RowsClosed(List<DiffLine> lines, int from, string variable, string method = "Close")
    {
        for (int k = from; k < Math.Min(lines.Count, from + 12); k++)
            if (lines[k].IsNew && lines[k].Text.Contains($"{variable}.{method}()", StringComparison.Ordinal)) return true;
        return false;
    }

    private static void GoMod(Found found)
    {
        foreach (var line in found.Lines)
            if (line.IsAdded && line.Text.Contains("=>", StringComparison.Ordinal) && (line.Text.Contains("=> ../", StringComparison.Ordinal) || line.Text.Contains("=> ./", StringComparison.Ordinal) || line.Text.Contains("=> /", StringComparison.Ordinal)))
                found.Add("replace directive pointing at a local path committed in go.mod", "", line);
    }

    [GeneratedRegex(@"^\s*(repeated\s+|optional\s+)?([\w.]+)\s+(\w+)\s*=\s*(\d+)\s*[;\[]")]
    private static partial Regex ProtoField();

    private static void Proto(Found found)
    {
        var removed = new List<(string Type, string Name, string Number)>();
        foreach (var line in found.Lines)
            if (line.IsRemoved && ProtoField().Match(line.Text) is { Success: true } r) removed.Add((r.Groups[2].Value, r.Groups[3].Value, r.Groups[4].Value));
        if (removed.Count == 0) return;
        foreach (var line in found.Lines)
        {
            if (!line.IsAdded || ProtoField().Match(line.Text) is not { Success: true } added) continue;
            foreach (var (type, name, number) in removed)
            {
                bool sameNumber = number == added.Groups[4].Value;
                if (sameNumber && (type != added.Groups[2].Value || name != added.Groups[3].Value) || !sameNumber && name == added.Groups[3].Value)
                {
                    found.Add("proto field number reused or changed for a field", "", line);
                    return;
                }
            }
        }
    }

    // ---- Node APIs -----------------------------------------------------------------------------

    private static void NodeService(Found found)
    {
        var file = found.File;
        var lines = found.Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.IsAdded || IsComment(line.Text)) continue;
            string text = line.Text;
            if (text.Contains(".forEach(async", StringComparison.Ordinal)) found.Add("Array.forEach with an async callback does not wait", "", line);
            if (text.Contains("$queryRawUnsafe(", StringComparison.Ordinal) || text.Contains("$executeRawUnsafe(", StringComparison.Ordinal))
            {
                // Anything but a constant string: built from values, here or in a variable.
                string call = file.Balanced(i, text.IndexOf("Unsafe(", StringComparison.Ordinal), limit: 20);
                string argument = call[(call.IndexOf('(', StringComparison.Ordinal) + 1)..].TrimStart();
                bool constant = argument.Length > 0 && argument[0] is '\'' or '"' or '`' && !call.Contains("${", StringComparison.Ordinal) && !call.Contains('+', StringComparison.Ordinal);
                if (!constant) found.Add("$queryRawUnsafe called with interpolated values", "", line);
            }
            if (text.Contains("prisma.", StringComparison.Ordinal) && (text.Contains(".findUnique(", StringComparison.Ordinal) || text.Contains(".findFirst(", StringComparison.Ordinal) || text.Contains(".findMany(", StringComparison.Ordinal) || text.Contains(".findUniqueOrThrow(", StringComparison.Ordinal))
                && (text.Contains("return", StringComparison.Ordinal) || file.Path.Contains("controller", StringComparison.OrdinalIgnoreCase)))
            {
                string call = file.Balanced(i, text.IndexOf(".find", StringComparison.Ordinal), limit: 20);
                if (!call.Contains("select", StringComparison.Ordinal)) found.Add("whole Prisma entity returned from a controller", "select", line);
            }
            if (text.Contains("new PrismaClient(", StringComparison.Ordinal) && !file.Path.Contains("prisma.", StringComparison.OrdinalIgnoreCase) && !file.Path.Contains("/db.", StringComparison.Ordinal) && !file.Path.Contains("prisma.service", StringComparison.OrdinalIgnoreCase))
                found.Add("new PrismaClient created per request or module", "", line);
            // BullMQ: jobs added without retries; queues that keep every job.
            if (text.Contains(".add(", StringComparison.Ordinal) && (file.NewContains("bullmq") || file.NewContains("Queue")) && text.Contains("Queue", StringComparison.OrdinalIgnoreCase))
            {
                string call = file.Balanced(i, text.IndexOf(".add(", StringComparison.Ordinal), limit: 20);
                if (!call.Contains("attempts", StringComparison.Ordinal) && !file.NewContains("defaultJobOptions")) found.Add("BullMQ job added", "attempts backoff", line);
            }
            if (text.Contains("new Queue(", StringComparison.Ordinal) || text.Contains("registerQueue(", StringComparison.Ordinal))
            {
                string call = file.Balanced(i, text.IndexOf("Queue(", StringComparison.Ordinal), limit: 20);
                if (!call.Contains("removeOnComplete", StringComparison.Ordinal) && !call.Contains("removeOnFail", StringComparison.Ordinal))
                    found.Add("queue keeps completed and failed jobs forever", "removeOnComplete removeOnFail", line);
            }
        }
    }

    /// <summary>package.json changes: majors bumped, and the lockfile, from the paths.</summary>
    [GeneratedRegex(@"^\s*""([@\w./-]+)""\s*:\s*""[\^~]?(\d+)\.")]
    private static partial Regex PackageLine();

    private static void PackageMajors(Found found)
    {
        var before = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in found.Lines)
            if (line.IsRemoved && PackageLine().Match(line.Text) is { Success: true } r) before[r.Groups[1].Value] = r.Groups[2].Value;
        foreach (var line in found.Lines)
            if (line.IsAdded && PackageLine().Match(line.Text) is { Success: true } a && before.TryGetValue(a.Groups[1].Value, out var major) && major != a.Groups[2].Value)
                found.Add("dependency bumped across a major version", "reading the changelog or upgrade notes", line);
    }

    // ---- Data pipelines ------------------------------------------------------------------------

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
