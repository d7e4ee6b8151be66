using System.Text.RegularExpressions;

namespace CareerLsp.Core.Domain.Library.Code;

/// <summary>Go services: contexts, gRPC calls, maps shared between goroutines, rows left open, go.mod, protobuf fields.</summary>
internal static partial class CodeFacts
{
    private static void Go(Found found)
    {
        var file = found.File;
        foreach (var line in found.Lines)
        {
            if (!line.IsAdded) continue;
            string text = line.Text;
            if (text.Contains("http.Get(", StringComparison.Ordinal) || text.Contains("http.Post(", StringComparison.Ordinal) || text.Contains("http.DefaultClient", StringComparison.Ordinal) || text.Contains("http.PostForm(", StringComparison.Ordinal))
                found.Add("outbound HTTP request call to an external API with the default client", "timeout", line);
            if ((text.Contains("&http.Client{}", StringComparison.Ordinal) || text.Contains("http.Client{", StringComparison.Ordinal)) && !file.AddedContains("Timeout"))
                found.Add("outbound HTTP client", "timeout", line);
            if (text.Contains("context.Background()", StringComparison.Ordinal) && !file.Path.EndsWith("main.go", StringComparison.Ordinal) && !file.Path.EndsWith("_test.go", StringComparison.Ordinal))
                found.Add("context.Background() used inside a request path", "request context propagation", line);
        }
    }

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
}
