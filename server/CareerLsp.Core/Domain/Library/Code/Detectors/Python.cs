using System.Text.RegularExpressions;

namespace CareerLsp.Core.Domain.Library.Code;

/// <summary>Python services: HTTP calls without timeouts, N+1 loops, unbounded routes, webhooks, Redis, SQL, Celery.</summary>
internal static partial class CodeFacts
{
    [GeneratedRegex(@"\b(requests|httpx|aiohttp|urllib3?)\.(get|post|put|patch|delete|head|request|urlopen)\s*\(")]
    private static partial Regex PythonHttpCall();

    [GeneratedRegex(@"\b\w*(client|session|http|api)\w*\.(get|post|put|patch|delete|request|send)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex ClientCall();

    [GeneratedRegex(@"^\s*(async\s+)?for\s+(\w+)\s+in\s+")]
    private static partial Regex PythonFor();

    [GeneratedRegex(@"^\s*@\w+\.(get|post|put|patch|delete|api_route|route)\s*\(\s*[""']([^""']*)[""']")]
    private static partial Regex PythonRoute();

    [GeneratedRegex(@"\.(set|hset|hmset|mset|lpush|rpush|sadd|zadd)\s*\(")]
    private static partial Regex RedisWrite();

    [GeneratedRegex(@"(?i)\b(select|insert|update|delete)\b.*\b(from|into|set|where)\b")]
    private static partial Regex SqlText();

    [GeneratedRegex(@"^\s*@(\w+\.)?(task|shared_task)\b")]
    private static partial Regex CeleryTask();

    private static void Python(Found found)
    {
        var file = found.File;
        var lines = found.Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.IsNew) continue;
            string text = line.Text;

            // An HTTP call and its arguments, with no timeout.
            if (line.IsAdded && MayCallHttp(text) && PythonHttpCall().Match(text) is { Success: true } call)
            {
                string arguments = file.Balanced(i, call.Index);
                if (!arguments.Contains("timeout", StringComparison.Ordinal)) found.Add("outbound HTTP request call to an external API", "timeout", line);
            }

            // A transaction block with an HTTP call inside.
            if (IsTransactionStart(text))
            {
                var block = file.Block(i);
                var http = block.Find(l => l.IsAdded && (PythonHttpCall().IsMatch(l.Text) || ClientCall().IsMatch(l.Text) && !l.Text.Contains("session.", StringComparison.Ordinal) && !l.Text.Contains("db.", StringComparison.Ordinal)));
                if (http is not null) found.Add("external HTTP call made inside an open database transaction, holding row locks", "", http);
            }

            // A loop over query results whose body iterates a relationship of the loop variable.
            if (text.Contains("for ", StringComparison.Ordinal) && PythonFor().Match(text) is { Success: true } loop)
            {
                string variable = loop.Groups[2].Value;
                var block = file.Block(i);
                var inner = block.Find(l => l.IsAdded && (l.Text.Contains($" in {variable}.", StringComparison.Ordinal)));
                if (inner is not null && !EagerLoading(file))
                    found.Add("relationship lazy-loaded inside a loop, one query per row (N+1)", "selectinload joinedload eager loading", inner);
            }

            if (text.Contains(" = :", StringComparison.Ordinal) || text.Contains("%(", StringComparison.Ordinal) && text.Contains(")s", StringComparison.Ordinal))
                found.Remedy("SQL with bound parameters", line); // Context counts: the query the change edits has them.

            if (!line.IsAdded) continue;

            // A list endpoint: a GET route whose function returns a whole query.
            bool decorator = text.TrimStart().StartsWith('@');
            if (decorator && PythonRoute().Match(text) is { Success: true } route)
            {
                int def = lines.FindIndex(i + 1, l => l.IsNew && l.Text.TrimStart().StartsWith("def ", StringComparison.Ordinal) || l.IsNew && l.Text.TrimStart().StartsWith("async def ", StringComparison.Ordinal));
                if (def < 0 || def > i + 3) continue;
                var body = PythonFunction(file, def);
                string all = string.Join('\n', body.Select(l => l.Text));
                string path = route.Groups[2].Value;
                if (route.Groups[1].Value == "get" && (all.Contains(".all()", StringComparison.Ordinal) || all.Contains(".fetchall()", StringComparison.Ordinal) || all.Contains("scalars(", StringComparison.Ordinal))
                    && !all.Contains("limit", StringComparison.OrdinalIgnoreCase) && !all.Contains("page", StringComparison.OrdinalIgnoreCase) && !all.Contains("offset", StringComparison.OrdinalIgnoreCase) && !all.Contains(".first()", StringComparison.Ordinal))
                    found.Add("list endpoint returns every row of a query", "limit pagination page size", line);
                if (path.Contains("webhook", StringComparison.OrdinalIgnoreCase) || body[0].Text.Contains("webhook", StringComparison.OrdinalIgnoreCase) || file.Path.Contains("webhook", StringComparison.OrdinalIgnoreCase))
                    Webhook(found, line, body, all);
            }

            // A Redis write with no expiry.
            if (text.Contains("set(", StringComparison.Ordinal) | text.Contains("push(", StringComparison.Ordinal) | text.Contains("add(", StringComparison.Ordinal) && RedisWrite().Match(text) is { Success: true } write && file.NewContains("redis") && !text.Contains("setex", StringComparison.Ordinal))
            {
                string arguments = file.Balanced(i, write.Index);
                bool expiry = arguments.Contains("ex=", StringComparison.Ordinal) || arguments.Contains("px=", StringComparison.Ordinal) || arguments.Contains("ttl", StringComparison.OrdinalIgnoreCase) || arguments.Contains("expire", StringComparison.OrdinalIgnoreCase) || arguments.Contains("timedelta", StringComparison.Ordinal);
                for (int k = i + 1; k < Math.Min(lines.Count, i + 5) && !expiry; k++) expiry = lines[k].IsNew && lines[k].Text.Contains("expire", StringComparison.OrdinalIgnoreCase);
                if (!expiry) found.Add("Redis key written", "TTL expiry", line);
            }

            // SQL text: formatted from values, or with bound parameters.
            if (MaySql(text) && SqlText().IsMatch(text) || text.Contains("execute(", StringComparison.Ordinal))
            {
                bool formatted = (text.Contains("f\"", StringComparison.Ordinal) || text.Contains("f'", StringComparison.Ordinal) || text.Contains("f\"\"\"", StringComparison.Ordinal)) && text.Contains('{', StringComparison.Ordinal)
                                 || text.Contains(".format(", StringComparison.Ordinal) || text.Contains("\" + ", StringComparison.Ordinal) || text.Contains("' + ", StringComparison.Ordinal) || text.Contains("\" %", StringComparison.Ordinal);
                if (formatted && SqlText().IsMatch(text)) found.Add("SQL query built with an f-string, string concatenation or formatting", "bound parameters", line);
            }

            // A Celery task: retried, and how.
            if (decorator && CeleryTask().IsMatch(text))
            {
                string arguments = file.Balanced(i, 0);
                if ((arguments.Contains("autoretry_for", StringComparison.Ordinal) || arguments.Contains("max_retries", StringComparison.Ordinal)) && !arguments.Contains("retry_backoff", StringComparison.Ordinal))
                    found.Add("failing task retried immediately", "backoff", line);
                if (!arguments.Contains("time_limit", StringComparison.Ordinal)) found.Add("Celery task", "time limit", line);
            }
        }
    }

    // A def and its body: a signature may run over several lines ("def f(\n  a: int,\n):").
    private static List<DiffLine> PythonFunction(DiffFile file, int def)
    {
        var lines = file.Lines;
        int indent = lines[def].Indent;
        var function = new List<DiffLine>();
        bool signature = true;
        for (int k = def; k < lines.Count && function.Count < 300; k++)
        {
            var line = lines[k];
            if (!line.IsNew) continue;
            if (!signature && !line.IsBlank && line.Indent <= indent) break;
            function.Add(line);
            if (signature && line.Text.TrimEnd().EndsWith(':')) signature = false;
        }
        return function;
    }

    private static bool MayCallHttp(string text) =>
        text.Contains("requests.", StringComparison.Ordinal) || text.Contains("httpx.", StringComparison.Ordinal) || text.Contains("aiohttp.", StringComparison.Ordinal) || text.Contains("urllib", StringComparison.Ordinal);

    private static bool MaySql(string text) =>
        text.Contains("select", StringComparison.OrdinalIgnoreCase) || text.Contains("insert", StringComparison.OrdinalIgnoreCase) || text.Contains("update", StringComparison.OrdinalIgnoreCase) || text.Contains("delete", StringComparison.OrdinalIgnoreCase);

    private static bool IsTransactionStart(string text)
    {
        string trimmed = text.TrimStart();
        if (!trimmed.StartsWith("with ", StringComparison.Ordinal) && !trimmed.StartsWith("async with ", StringComparison.Ordinal)) return false;
        return trimmed.Contains(".begin(", StringComparison.Ordinal) || trimmed.Contains("atomic", StringComparison.Ordinal) || trimmed.Contains("transaction", StringComparison.OrdinalIgnoreCase);
    }

    private static bool EagerLoading(DiffFile file) =>
        file.NewContains("selectinload") || file.NewContains("joinedload") || file.NewContains("subqueryload") || file.NewContains("contains_eager")
        || file.NewContains("prefetch_related") || file.NewContains("select_related");

    // A webhook route: does it check a signature, and does it do the work before answering?
    private static void Webhook(Found found, DiffLine route, List<DiffLine> body, string all)
    {
        bool verified = all.Contains("signature", StringComparison.OrdinalIgnoreCase) || all.Contains("hmac", StringComparison.OrdinalIgnoreCase) || all.Contains("verify", StringComparison.OrdinalIgnoreCase) || all.Contains("construct_event", StringComparison.Ordinal);
        if (!verified) found.Add("incoming webhook request accepted", "verifying signature", route);
        bool deferred = all.Contains("background", StringComparison.OrdinalIgnoreCase) || all.Contains(".delay(", StringComparison.Ordinal) || all.Contains("apply_async", StringComparison.Ordinal) || all.Contains("enqueue", StringComparison.OrdinalIgnoreCase) || all.Contains("publish", StringComparison.OrdinalIgnoreCase) || all.Contains("queue", StringComparison.OrdinalIgnoreCase);
        int work = 0;
        foreach (var line in body)
        {
            string text = line.Text;
            if (text.Contains("commit(", StringComparison.Ordinal) || text.Contains("send", StringComparison.OrdinalIgnoreCase) || text.Contains("sync", StringComparison.OrdinalIgnoreCase) || text.Contains("notify", StringComparison.OrdinalIgnoreCase) || text.Contains("email", StringComparison.OrdinalIgnoreCase) || text.Contains("charge", StringComparison.OrdinalIgnoreCase) || MayCallHttp(text) && PythonHttpCall().IsMatch(text))
                work++;
        }
        if (!deferred && work >= 2) found.Add("webhook handler does the work synchronously before it responds", "background task", route);
    }
}
