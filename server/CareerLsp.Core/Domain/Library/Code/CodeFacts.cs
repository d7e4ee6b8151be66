using System.Text.RegularExpressions;

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
        return ext is ".yaml" or ".yml" or ".tpl" or ".tf" or ".json" or ".env" or ".properties" or ".ini" or ".toml" or ".py" or ".ts" or ".tsx" or ".js" or ".jsx" or ".mjs" or ".cjs"
                   or ".cs" or ".go" or ".csproj" or ".props" or ".targets" or ".fsproj" or ".sql" or ".proto" or ".mod"
               || name.StartsWith(".env", StringComparison.Ordinal);
    }

    /// <summary>Facts about one file's part of a diff.</summary>
    public static void Inspect(DiffFile file, List<CodeFact> facts)
    {
        if (!file.AnyAdded) return;
        var found = new Found(file, facts);
        string ext = file.Extension;
        bool yaml = ext is ".yaml" or ".yml" or ".tpl";
        if (yaml || ext is ".tf" or ".json" or ".env" or ".properties" or ".ini" or ".toml" or ".py" or ".ts" or ".js" or ".cs" or ".go" || file.FileName.StartsWith(".env", StringComparison.Ordinal))
            Secrets(found);
        if (yaml) Kubernetes(found);
        if (yaml && (file.Path.Contains(".github/workflows/", StringComparison.Ordinal) || file.FileName is ".gitlab-ci.yml")) Workflows(found);
        if (ext is ".tf" or ".json") Terraform(found);
        switch (ext)
        {
            case ".py":
                Python(found);
                break;
            case ".ts" or ".tsx" or ".js" or ".jsx" or ".mjs" or ".cjs":
                JavaScript(found);
                NodeService(found);
                break;
            case ".cs":
                CSharp(found);
                break;
            case ".go":
                Go(found);
                GoService(found);
                break;
            case ".proto":
                Proto(found);
                break;
        }
        if (ext == ".py") DataPython(found);
        if (ext == ".sql" && (file.Path.StartsWith("models/", StringComparison.Ordinal) || file.Path.Contains("/models/", StringComparison.Ordinal))) Dbt(found);
        if (file.FileName == "go.mod") GoMod(found);
        if (file.FileName == "package.json")
        {
            PackageJson(found);
            PackageMajors(found);
        }
        if (ext is ".csproj" or ".props" or ".targets" or ".fsproj") MsBuild(found);
        if (ext == ".sql" || ext is ".py" or ".cs" or ".go" or ".ts" or ".js" && IsMigration(file.Path)) Migrations(found);
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
            if (at >= 0 && (path.StartsWith("charts/", StringComparison.Ordinal) || path.Contains("/charts/", StringComparison.Ordinal) || path.Contains("chart", StringComparison.OrdinalIgnoreCase)))
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

    // ---- Secrets ---------------------------------------------------------------------------------

    [GeneratedRegex(@"(?i)(secret|token|passw(or)?d|\bpwd\b|private|api_?key|apikey|credential|access_?key|_key\b|\bkey\b)")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"[""']([^""'\s]{16,})[""']|[:=]\s*([A-Za-z0-9+/_\-]{20,})\s*$")]
    private static partial Regex Literal();

    private static void Secrets(Found found)
    {
        var lines = found.Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.IsAdded) continue;
            if (!MayHoldLiteral(line.Text)) continue;
            var match = Literal().Match(line.Text);
            if (!match.Success) continue;
            string value = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
            if (!LooksSecret(value)) continue;
            // The name is on the line ("API_KEY=…", "password: …") or, in a list of name/value
            // pairs, on the line before ("- name: PAYMENTS_PRIVATE_KEY" / "value: …").
            string name = line.Text[..match.Index];
            if (i > 0 && lines[i - 1].IsNew && line.Text.TrimStart().StartsWith("value", StringComparison.Ordinal)) name += " " + lines[i - 1].Text;
            if (!SecretName().IsMatch(name)) continue;
            found.Add("secret credential key value committed in plain text", "", line);
        }
    }

    // A cheap test before the regular expression, in one pass: a quoted run of 16 characters with
    // no space, or a line ending in ":" or "=" and 20 key-like characters.
    private static bool MayHoldLiteral(string text)
    {
        int quote = -1, run = 0;
        for (int k = 0; k < text.Length; k++)
        {
            char c = text[k];
            if (c is '"' or '\'')
            {
                if (quote >= 0 && text[quote] == c && run >= 16) return true;
                quote = k;
                run = 0;
            }
            else if (char.IsWhiteSpace(c)) run = int.MinValue;
            else run++;
        }
        int end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        int begin = end;
        while (begin > 0 && (char.IsAsciiLetterOrDigit(text[begin - 1]) || text[begin - 1] is '+' or '/' or '_' or '-')) begin--;
        if (end - begin < 20) return false;
        while (begin > 0 && char.IsWhiteSpace(text[begin - 1])) begin--;
        return begin > 0 && text[begin - 1] is ':' or '=';
    }

    // Random-looking: letters and digits mixed, no spaces or URL, not a template or placeholder.
    private static bool LooksSecret(string value)
    {
        if (value.Contains("://", StringComparison.Ordinal) || value.Contains("{{", StringComparison.Ordinal) || value.Contains("${", StringComparison.Ordinal) || value.Contains("$(", StringComparison.Ordinal)) return false;
        if (value.Contains('/') && value.Contains('.')) return false; // a path
        int upper = 0, lower = 0, digit = 0;
        foreach (char c in value)
        {
            if (char.IsAsciiLetterUpper(c)) upper++;
            else if (char.IsAsciiLetterLower(c)) lower++;
            else if (char.IsAsciiDigit(c)) digit++;
        }
        if (digit == 0 || upper + lower == 0) return false;
        // Entropy per character: English-ish identifiers stay under 3.5 bits, keys above.
        var counts = new Dictionary<char, int>();
        foreach (char c in value) counts[c] = counts.GetValueOrDefault(c) + 1;
        double entropy = 0;
        foreach (var n in counts.Values)
        {
            double p = (double)n / value.Length;
            entropy -= p * Math.Log2(p);
        }
        return entropy >= 3.5;
    }

    // ---- Kubernetes, Helm ------------------------------------------------------------------------

    [GeneratedRegex(@"^\s*-?\s*image:\s*[""']?([^\s""'{]+)[""']?\s*(#.*)?$")]
    private static partial Regex Image();

    private static void Kubernetes(Found found)
    {
        var file = found.File;
        var lines = found.Lines;
        bool addedKind(string kind) => lines.Exists(l => l.IsAdded && l.Text.Trim() == "kind: " + kind);
        foreach (var line in lines)
        {
            if (!line.IsAdded) continue;
            string text = line.Text;
            OpenToTheInternet(found, line);
            var image = text.Contains("image:", StringComparison.Ordinal) ? Image().Match(text) : Match.Empty;
            if (image.Success)
            {
                string reference = image.Groups[1].Value;
                int slash = reference.LastIndexOf('/');
                string last = reference[(slash + 1)..];
                if (reference.Contains('@', StringComparison.Ordinal)) found.Remedy("image pinned to a digest", line);
                else if (last.EndsWith(":latest", StringComparison.Ordinal) || !last.Contains(':', StringComparison.Ordinal))
                    found.Add("container image uses the latest tag", "", line);
            }
            else if (text.Trim() is "tag: latest" or "tag: \"latest\"" or "tag: 'latest'") found.Add("container image uses the latest tag", "", line);
        }

        // A default-deny NetworkPolicy (empty podSelector, Egress) with no rule for port 53.
        if (addedKind("NetworkPolicy") && found.File.AddedContains("podSelector: {}") && found.File.AddedContains("Egress")
            && !lines.Exists(l => l.IsAdded && (l.Text.Contains("53", StringComparison.Ordinal) || l.Text.Contains("dns", StringComparison.OrdinalIgnoreCase))))
            found.Add("default-deny NetworkPolicy blocks egress", "allowing DNS egress port 53", lines.Find(l => l.IsAdded && l.Text.Contains("NetworkPolicy", StringComparison.Ordinal))!);

        // Pods that read a ConfigMap and nothing that restarts them when it changes.
        var configMapUse = lines.Find(l => l.IsAdded && (l.Text.Contains("configMapRef", StringComparison.Ordinal) || l.Text.Trim() == "configMap:" || l.Text.Contains("configMapKeyRef", StringComparison.Ordinal)));
        if (configMapUse is not null && !file.NewContains("checksum/"))
            found.Add("pods read a ConfigMap", "restart on change checksum annotation", configMapUse);

        // A CronJob introduced without saying what happens when runs overlap.
        if (addedKind("CronJob") && !file.NewContains("concurrencyPolicy"))
            found.Add("CronJob", "concurrencyPolicy", lines.Find(l => l.IsAdded && l.Text.Contains("CronJob", StringComparison.Ordinal))!);

        // A container introduced without resources.
        if (file.IsNew && lines.Exists(l => l.IsAdded && l.Text.TrimStart().StartsWith("containers:", StringComparison.Ordinal)) && !file.NewContains("limits:"))
            found.Add("container", "memory limit resources", lines.Find(l => l.IsAdded && l.Text.TrimStart().StartsWith("containers:", StringComparison.Ordinal))!);

        // An Ingress host changed, and no TLS host with it.
        if (file.NewContains("kind: Ingress"))
        {
            var host = lines.Find(l => l.IsAdded && l.Text.TrimStart().StartsWith("- host:", StringComparison.Ordinal) || l.IsAdded && l.Text.TrimStart().StartsWith("host:", StringComparison.Ordinal));
            if (host is not null && lines.Exists(l => l.IsRemoved && l.Text.Contains("host:", StringComparison.Ordinal))
                && !lines.Exists(l => l.IsAdded && l != host && l.Text.TrimStart().StartsWith("- ", StringComparison.Ordinal) && l.Text.Contains('.', StringComparison.Ordinal) && !l.Text.Contains("host:", StringComparison.Ordinal)))
                found.Add("Ingress host changed", "DNS record TLS certificate", host);
        }
    }

    // A CIDR that admits everyone, in a manifest, values file or Terraform.
    private static void OpenToTheInternet(Found found, DiffLine line)
    {
        if (line.Text.Contains("0.0.0.0/0", StringComparison.Ordinal) || line.Text.Contains("::/0", StringComparison.Ordinal))
            found.Add("access opened to 0.0.0.0/0, the whole internet", "", line);
    }

    // ---- CI workflows ----------------------------------------------------------------------------

    [GeneratedRegex(@"^\s*-?\s*uses:\s*[""']?([\w.-]+)/([\w./-]+)@([\w./-]+)")]
    private static partial Regex Uses();

    private static void Workflows(Found found)
    {
        var lines = found.Lines;
        foreach (var line in lines)
        {
            if (!line.IsAdded) continue;
            if (!line.Text.Contains("uses:", StringComparison.Ordinal)) continue;
            var uses = Uses().Match(line.Text);
            if (!uses.Success) continue;
            string owner = uses.Groups[1].Value, reference = uses.Groups[3].Value;
            if (reference.Length == 40 && reference.All(char.IsAsciiHexDigit)) found.Remedy("action pinned to a full commit SHA", line);
            else if (owner is not ("actions" or "github")) found.Add("workflow uses a third-party action by a mutable tag or branch", "", line);
        }
        // A deploy that runs on every push: the branch filter under push removed, or a push
        // trigger without one, in the file that gains the deploy.
        var deploy = lines.Find(l => l.IsAdded && l.Text.Contains("deploy", StringComparison.OrdinalIgnoreCase));
        if (deploy is not null)
        {
            bool filterRemoved = lines.Exists(l => l.IsRemoved && l.Text.TrimStart().StartsWith("branches", StringComparison.Ordinal));
            bool filterLeft = lines.Exists(l => l.IsNew && l.Text.TrimStart().StartsWith("branches", StringComparison.Ordinal));
            bool pushTrigger = lines.Exists(l => l.IsNew && l.Text.Trim() is "push:" or "on: push" or "on: [push]" or "- push");
            if (pushTrigger && (filterRemoved || found.File.IsNew) && !filterLeft)
                found.Add("deploy job runs on every branch push", "", deploy);
        }
        // A cache step keyed without the lockfile's hash.
        foreach (var line in lines)
        {
            string text = line.Text.Trim();
            if (line.IsAdded && text.StartsWith("key:", StringComparison.Ordinal) && !text.Contains("hashFiles", StringComparison.Ordinal))
                found.Add("CI cache key", "lockfile hash", line);
        }
    }

    // ---- Terraform -------------------------------------------------------------------------------

    [GeneratedRegex(@"^\s*resource\s+""([\w-]+)""\s+""([\w-]+)""")]
    private static partial Regex Resource();

    [GeneratedRegex(@"(?i)^\s*""?(actions?|resources?|notactions?)""?\s*[=:]\s*\[?.*""(\*|[\w-]+:\*)""")]
    private static partial Regex Wildcard();

    private static void Terraform(Found found)
    {
        var lines = found.Lines;
        foreach (var line in lines)
        {
            if (!line.IsAdded) continue;
            OpenToTheInternet(found, line);
            if (line.Text.Contains('*', StringComparison.Ordinal) && Wildcard().IsMatch(line.Text)) found.Add("IAM policy grants wildcard actions or resources", "", line);
        }
        if (found.File.Extension != ".tf") return;
        // A resource whose address changed (same type, new name) with no moved block.
        var removed = new List<(string Type, string Name)>();
        foreach (var line in lines)
            if (line.IsRemoved && line.Text.Contains("resource", StringComparison.Ordinal) && Resource().Match(line.Text) is { Success: true } r) removed.Add((r.Groups[1].Value, r.Groups[2].Value));
        if (removed.Count == 0 || found.File.NewContains("moved {") || found.File.NewContains("moved{")) return;
        foreach (var line in lines)
        {
            if (!line.IsAdded || !line.Text.Contains("resource", StringComparison.Ordinal) || Resource().Match(line.Text) is not { Success: true } added) continue;
            foreach (var (type, name) in removed)
                if (type == added.Groups[1].Value && name != added.Groups[2].Value)
                {
                    found.Add("Terraform resource renamed, destroyed and recreated", "moved block", line);
                    return;
                }
        }
    }

    // ---- Python ----------------------------------------------------------------------------------

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

    // ---- JavaScript, TypeScript ------------------------------------------------------------------

    [GeneratedRegex(@"\bkey=\{\s*(index|idx|i|\w+Index)\s*\}|\bkey=\{`[^`]*\$\{(index|idx|i)\}")]
    private static partial Regex KeyIndex();

    [GeneratedRegex(@"<(div|span|li|td|tr|img|p|section|article)\b[^>]*\bonClick=")]
    private static partial Regex ClickableElement();

    [GeneratedRegex(@"\bas\s+(any\b|unknown\s+as\b|[A-Z]\w*(<[^>]*>)?(\[\])?)")]
    private static partial Regex AsCast();

    [GeneratedRegex(@"^\s*import\s+(\*\s+as\s+\w+|\w+)\s+from\s+['""](lodash|underscore|moment|ramda|rxjs|d3|jquery|aws-sdk|antd|@mui/material|@mui/icons-material|react-icons|date-fns|date-fns/locale|@fortawesome/[\w-]+)['""]")]
    private static partial Regex WholeImport();

    [GeneratedRegex(@"\b(fetch|axios(\.\w+)?|http\.(get|post|put|delete))\s*\(")]
    private static partial Regex JsHttpCall();

    [GeneratedRegex(@"\b(router|app)\.(get|post|put|patch|delete)\s*\(\s*['""`]([^'""`]*)")]
    private static partial Regex ExpressRoute();

    [GeneratedRegex(@"[A-Za-z_$][\w$]*")]
    private static partial Regex Identifier();

    private static void JavaScript(Found found)
    {
        var file = found.File;
        var lines = found.Lines;
        bool test = file.Path.Contains(".test.", StringComparison.Ordinal) || file.Path.Contains(".spec.", StringComparison.Ordinal) || file.Path.Contains("__tests__", StringComparison.Ordinal);
        bool fakeTimers = file.NewContains("useFakeTimers") || file.NewContains("jest.useFakeTimers");
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.IsNew || IsComment(line.Text)) continue;
            string text = line.Text;
            if (line.IsAdded)
            {
                if (text.Contains("key={", StringComparison.Ordinal) && KeyIndex().IsMatch(text)) found.Add("list items keyed by array index", "", line);
                if (text.Contains("onClick=", StringComparison.Ordinal) && ClickableElement().IsMatch(text) || IsOpenTag(text) && OnClickBeforeClose(file, i))
                    found.Add("clickable div or span element with an onClick handler", "", line);
                if (!test && text.Contains(" as ", StringComparison.Ordinal) && AsCast().Match(text) is { Success: true } && !text.Contains("as const", StringComparison.Ordinal) && !text.TrimStart().StartsWith("import", StringComparison.Ordinal) && !text.TrimStart().StartsWith("export", StringComparison.Ordinal)
                    && (text.Contains("data", StringComparison.OrdinalIgnoreCase) || text.Contains("json", StringComparison.OrdinalIgnoreCase) || text.Contains("res", StringComparison.Ordinal) || text.Contains("response", StringComparison.OrdinalIgnoreCase) || text.Contains("body", StringComparison.Ordinal) || text.Contains("payload", StringComparison.Ordinal)))
                    found.Add("API response data cast with an as type assertion", "validated schema", line);
                if (text.Contains("import", StringComparison.Ordinal) && WholeImport().IsMatch(text)) found.Add("whole library imported for one helper, bloating the bundle", "", line);
                if (!test && (text.Contains("setTimeout", StringComparison.Ordinal) || text.Contains("sleep(", StringComparison.Ordinal)) && (text.Contains("await", StringComparison.Ordinal) || text.Contains("new Promise", StringComparison.Ordinal)))
                    found.Add("code waits with a fixed sleep or setTimeout", "", line);
                if (test && !fakeTimers && (text.Contains("waitForTimeout", StringComparison.Ordinal) || (text.Contains("setTimeout", StringComparison.Ordinal) || text.Contains("sleep(", StringComparison.Ordinal)) && (text.Contains("await", StringComparison.Ordinal) || text.Contains("new Promise", StringComparison.Ordinal))))
                    found.Add("test waits with a fixed sleep or setTimeout", "", line);
                if (text.Contains("webhook", StringComparison.OrdinalIgnoreCase) && ExpressRoute().Match(text) is { Success: true } route && route.Groups[3].Value.Contains("webhook", StringComparison.OrdinalIgnoreCase))
                {
                    string handler = file.Balanced(i, route.Index, limit: 60);
                    if (!handler.Contains("signature", StringComparison.OrdinalIgnoreCase) && !handler.Contains("hmac", StringComparison.OrdinalIgnoreCase) && !handler.Contains("verify", StringComparison.OrdinalIgnoreCase))
                        found.Add("incoming webhook request accepted", "verifying signature", line);
                }
            }

            // Effects: what they start, and whether they stop it.
            if (text.Contains("useEffect(", StringComparison.Ordinal))
            {
                string effect = file.Balanced(i, text.IndexOf("useEffect(", StringComparison.Ordinal), limit: 80);
                bool cleanup = effect.Contains("return () =>", StringComparison.Ordinal) || effect.Contains("return function", StringComparison.Ordinal) || effect.Contains("return unsubscribe", StringComparison.Ordinal) || effect.Contains("return cleanup", StringComparison.Ordinal);
                var start = EffectStart(file, i, effect);
                if (start is null) continue;
                if (MissingDependency(file, effect) is { } missing)
                    found.Add($"useEffect reads a prop or state value ({missing})", "dependency array", start);
                bool cancelled = effect.Contains("AbortController", StringComparison.Ordinal) || effect.Contains("signal", StringComparison.Ordinal) || effect.Contains("ignore", StringComparison.Ordinal) || effect.Contains("cancelled", StringComparison.Ordinal) || effect.Contains("canceled", StringComparison.Ordinal) || effect.Contains("isMounted", StringComparison.Ordinal) || effect.Contains("active = false", StringComparison.Ordinal);
                if (JsHttpCall().IsMatch(effect) && !cancelled) found.Add("fetch request started in an effect", "cancellation abort", start);
                if ((effect.Contains("addEventListener", StringComparison.Ordinal) || effect.Contains("setInterval", StringComparison.Ordinal) || effect.Contains(".subscribe(", StringComparison.Ordinal)) && !cleanup)
                    found.Add("event listener, interval or subscription set up in an effect", "cleanup function", start);
            }

            // A query whose function uses a variable its key leaves out.
            if (text.Contains("queryKey:", StringComparison.Ordinal))
            {
                int fn = lines.FindIndex(i, Math.Min(8, lines.Count - i), l => l.IsNew && l.Text.Contains("queryFn:", StringComparison.Ordinal));
                if (fn < 0 || !(line.IsAdded || lines[fn].IsAdded)) continue;
                string key = file.Balanced(i, text.IndexOf("queryKey:", StringComparison.Ordinal), '[', ']', limit: 6);
                string function = lines[fn].Text[(lines[fn].Text.IndexOf("queryFn:", StringComparison.Ordinal) + 8)..];
                int arrow = function.IndexOf("=>", StringComparison.Ordinal);
                if (arrow >= 0) function = function[(arrow + 2)..];
                var keyNames = Identifier().Matches(key).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
                foreach (Match name in Identifier().Matches(function))
                {
                    int end = name.Index + name.Length;
                    bool property = name.Index > 0 && function[name.Index - 1] == '.';
                    bool called = end < function.Length && function[end] is '(' or '.';
                    bool labelled = end < function.Length && function[end] == ':';
                    if (property || called || labelled || JsKeywords.Contains(name.Value) || keyNames.Contains(name.Value)) continue;
                    found.Add("queryKey, the queryFn uses a variable", "include it in the queryKey", lines[fn]);
                    break;
                }
            }
        }
    }

    private static bool IsComment(string text)
    {
        string trimmed = text.TrimStart();
        return trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("/*", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal) || trimmed.StartsWith("#", StringComparison.Ordinal) && !trimmed.StartsWith("#{", StringComparison.Ordinal);
    }

    private static readonly HashSet<string> JsKeywords = new(["await", "async", "new", "true", "false", "null", "undefined", "this", "return", "typeof", "void", "signal", "pageParam", "queryKey", "meta"], StringComparer.Ordinal);

    private static bool IsOpenTag(string text)
    {
        string trimmed = text.TrimStart();
        return (trimmed.StartsWith("<div", StringComparison.Ordinal) || trimmed.StartsWith("<span", StringComparison.Ordinal) || trimmed.StartsWith("<li", StringComparison.Ordinal)) && !trimmed.Contains('>', StringComparison.Ordinal);
    }

    private static bool OnClickBeforeClose(DiffFile file, int index)
    {
        for (int k = index + 1; k < Math.Min(file.Lines.Count, index + 8); k++)
        {
            var line = file.Lines[k];
            if (!line.IsNew) continue;
            if (line.Text.Contains("onClick=", StringComparison.Ordinal)) return true;
            if (line.Text.Contains('>', StringComparison.Ordinal)) return false;
        }
        return false;
    }

    [GeneratedRegex(@"\]\s*\)\s*;?\s*$")]
    private static partial Regex DependencyArrayEnd();

    [GeneratedRegex(@"const\s*\[\s*(\w+)\s*,\s*set\w*\s*\]\s*=\s*(React\.)?useState")]
    private static partial Regex StateHook();

    [GeneratedRegex(@"(function\s+[A-Z]\w*\s*\(\s*\{|const\s+[A-Z]\w*\s*=\s*\(\s*\{)([^}]*)\}")]
    private static partial Regex ComponentProps();

    /// <summary>
    /// A prop or state value the effect reads that its dependency array leaves out (the component's
    /// destructured props and useState values, as far as the diff shows them); null when none, or
    /// when the effect has no array (it runs on every render then).
    /// </summary>
    private static string? MissingDependency(DiffFile file, string effect)
    {
        int open = effect.LastIndexOf('[');
        if (open < 0 || !DependencyArrayEnd().IsMatch(effect)) return null;
        string body = effect[..open], deps = effect[open..];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in file.Lines)
        {
            if (!line.IsNew) continue;
            foreach (Match state in StateHook().Matches(line.Text)) names.Add(state.Groups[1].Value);
            foreach (Match props in ComponentProps().Matches(line.Text))
                foreach (var part in props.Groups[2].Value.Split(','))
                {
                    string name = part.Split([':', '='], 2)[0].Trim();
                    if (name.Length > 0 && Identifier().Match(name) is { Success: true } id && id.Value == name) names.Add(name);
                }
        }
        if (names.Count == 0) return null;
        var listed = Identifier().Matches(deps).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        foreach (Match name in Identifier().Matches(body))
        {
            bool property = name.Index > 0 && body[name.Index - 1] == '.';
            if (!property && names.Contains(name.Value) && !listed.Contains(name.Value)) return name.Value;
        }
        return null;
    }

    private static DiffLine? EffectStart(DiffFile file, int index, string effect)
    {
        // The effect counts when it was added or its body was.
        int lineCount = effect.Count(c => c == '\n') + 1;
        for (int k = index, seen = 0; k < file.Lines.Count && seen < lineCount; k++)
        {
            if (!file.Lines[k].IsNew) continue;
            seen++;
            if (file.Lines[k].IsAdded) return file.Lines[k];
        }
        return null;
    }

    // ---- package.json ----------------------------------------------------------------------------

    [GeneratedRegex(@"^\s*""(@testing-library/[\w-]+|vitest|jest|@jest/[\w-]+|ts-jest|@types/[\w.-]+|eslint[\w-]*|@typescript-eslint/[\w-]+|prettier|typescript|vite|@vitejs/[\w-]+|webpack[\w-]*|esbuild|rollup|ts-node|tsx|nodemon|mocha|chai|sinon|cypress|playwright|@playwright/test|husky|lint-staged|msw|storybook|@storybook/[\w-]+|babel-[\w-]+|@babel/[\w-]+|supertest|nock|@faker-js/faker|faker|ts-jest|@nestjs/testing|@nestjs/cli)""\s*:")]
    private static partial Regex ToolingPackage();

    private static void PackageJson(Found found)
    {
        var lines = found.Lines;
        string section = "";
        foreach (var line in lines)
        {
            if (!line.IsNew) continue;
            string trimmed = line.Text.TrimStart();
            if (trimmed.StartsWith("\"dependencies\"", StringComparison.Ordinal)) section = "dependencies";
            else if (trimmed.StartsWith("\"devDependencies\"", StringComparison.Ordinal) || trimmed.StartsWith("\"peerDependencies\"", StringComparison.Ordinal) || trimmed.StartsWith("\"optionalDependencies\"", StringComparison.Ordinal)) section = "other";
            else if (trimmed.StartsWith('}')) section = "";
            if (line.IsAdded && section == "dependencies" && ToolingPackage().IsMatch(line.Text))
                found.Add("test or build tooling package added to dependencies", "devDependencies", line);
        }
    }

    // ---- C# --------------------------------------------------------------------------------------

    [GeneratedRegex(@"^\s*(public|internal|protected)\s+(?:(?:virtual|override|required|init|static)\s+)*([\w<>?,\[\]. ]+?)\s+(\w+)\s*\{\s*get")]
    private static partial Regex CSharpProperty();

    // A task's result: after a call ("GetAsync(id).Result") or a variable named for a task. An
    // ActionResult's .Result property ("response.Result") is not blocking.
    [GeneratedRegex(@"(\)|\w*[Tt]ask)\.Result\b")]
    private static partial Regex TaskResult();

    [GeneratedRegex(@"\bLog(Trace|Debug|Information|Warning|Error|Critical)\s*\(\s*(\w+\s*,\s*)?\$""")]
    private static partial Regex InterpolatedLog();

    // Every C# detector's line has one of these: one vectorised search per line decides whether to look.
    private static readonly System.Buffers.SearchValues<string> CSharpTriggers =
        System.Buffers.SearchValues.Create(["HttpClient", ".Result", ".Wait()", "GetAwaiter", "Log", "DbContext", "{ get", "{get"], StringComparison.Ordinal);

    private static void CSharp(Found found)
    {
        var file = found.File;
        var lines = found.Lines;
        bool? hosted = null; // Looked up once a line names a DbContext.
        var removedProperties = new List<(string Type, string Name, DiffLine Line)>();
        foreach (var line in lines)
            if (line.IsRemoved && line.Text.Contains("get", StringComparison.Ordinal) && CSharpProperty().Match(line.Text) is { Success: true } p && p.Groups[1].Value == "public")
                removedProperties.Add((p.Groups[2].Value, p.Groups[3].Value, line));
        foreach (var line in lines)
        {
            if (!line.IsAdded || !line.Text.AsSpan().ContainsAny(CSharpTriggers)) continue;
            string text = line.Text;
            if (text.Contains("new HttpClient(", StringComparison.Ordinal) && !text.Contains("static", StringComparison.Ordinal))
                found.Add("new HttpClient created for each call", "", line);
            if (text.Contains("IHttpClientFactory", StringComparison.Ordinal) || text.Contains("AddHttpClient", StringComparison.Ordinal)) found.Remedy("IHttpClientFactory typed client", line);
            if (text.Contains(".Result", StringComparison.Ordinal) && TaskResult().IsMatch(text) || text.Contains(".Wait()", StringComparison.Ordinal) || text.Contains("GetAwaiter().GetResult()", StringComparison.Ordinal))
                found.Add("blocking on async code with .Result, .Wait() or GetAwaiter().GetResult()", "", line);
            if (text.Contains("Log", StringComparison.Ordinal) && text.Contains("$\"", StringComparison.Ordinal) && InterpolatedLog().IsMatch(text)) found.Add("string interpolation in a log call", "", line);
            if (text.Contains("DbContext", StringComparison.Ordinal) && (hosted ??= file.NewContains(": BackgroundService") || file.NewContains("IHostedService")) && !text.Contains("IDbContextFactory", StringComparison.Ordinal) && !text.Contains("AddDbContext", StringComparison.Ordinal)
                && (text.Contains("private readonly", StringComparison.Ordinal) || text.Contains('(', StringComparison.Ordinal) && text.Contains("public", StringComparison.Ordinal)))
                found.Add("scoped DbContext injected into a hosted BackgroundService, captured for its lifetime", "", line);
            if (text.Contains("get", StringComparison.Ordinal) && CSharpProperty().Match(text) is { Success: true } property && property.Groups[1].Value == "public")
            {
                foreach (var (type, name, _) in removedProperties)
                    if (type == property.Groups[2].Value && name != property.Groups[3].Value && !removedProperties.Exists(r => r.Name == property.Groups[3].Value))
                    {
                        int at = lines.IndexOf(line);
                        bool wireName = at > 0 && lines[at - 1].Text.Contains("JsonPropertyName", StringComparison.Ordinal) || text.Contains("JsonPropertyName", StringComparison.Ordinal);
                        // An entity's or a service's property is renamed by a refactoring; a contract's goes over the wire.
                        if (!wireName && IsContract(found.File)) found.Add("public DTO property renamed, its JSON name changes", "JsonPropertyName wire name", line);
                        break;
                    }
            }
        }
    }

    // A type that goes over the wire: named or placed as a DTO, request, response or contract.
    private static bool IsContract(DiffFile file)
    {
        string name = file.FileName;
        return name.Contains("Dto", StringComparison.Ordinal) || name.Contains("DTO", StringComparison.Ordinal) || name.Contains("Request", StringComparison.Ordinal) || name.Contains("Response", StringComparison.Ordinal)
               || name.Contains("Contract", StringComparison.Ordinal) || name.Contains("ViewModel", StringComparison.Ordinal) || name.Contains("Payload", StringComparison.Ordinal)
               || file.Path.Contains("/Contracts/", StringComparison.Ordinal) || file.Path.Contains("/Dtos/", StringComparison.Ordinal) || file.Path.Contains("/Models/Api", StringComparison.Ordinal)
               || file.NewContains("Dto ") || file.NewContains("Dto(") || file.Lines.Exists(l => l.IsNew && l.Text.Contains("class ", StringComparison.Ordinal) && l.Text.Contains("Dto", StringComparison.Ordinal));
    }

    // ---- Go --------------------------------------------------------------------------------------

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

    // ---- MSBuild ---------------------------------------------------------------------------------

    [GeneratedRegex(@"\bVersion=""([^""]*)""")]
    private static partial Regex PackageVersion();

    private static void MsBuild(Found found)
    {
        foreach (var line in found.Lines)
        {
            if (!line.IsAdded || !line.Text.Contains("Package", StringComparison.Ordinal)) continue;
            var version = PackageVersion().Match(line.Text);
            if (!version.Success) continue;
            string value = version.Groups[1].Value;
            if (value.Contains('*', StringComparison.Ordinal) || value.StartsWith('[') || value.StartsWith('(')) found.Add("NuGet package referenced with a floating or wildcard version", "", line);
            else found.Remedy("exact pinned version", line);
        }
    }

    // ---- Migrations ------------------------------------------------------------------------------

    // Where migrations live: "Migrations/", "alembic/versions/", "db/migrate/", "migrations.py".
    private static bool IsMigration(string path) =>
        path.Contains("migrat", StringComparison.OrdinalIgnoreCase) || path.Contains("alembic", StringComparison.Ordinal) || path.Contains("/versions/", StringComparison.Ordinal);

    // The added lines a migration runs forward. What it undoes when rolled back is not what it does:
    // Alembic writes downgrade() after upgrade(), EF Core Down() after Up().
    private static List<DiffLine> UpgradeLines(List<DiffLine> lines)
    {
        var upgrade = new List<DiffLine>();
        bool down = false;
        foreach (var line in lines)
        {
            if (line.IsNew && (line.Text.Contains("def downgrade", StringComparison.Ordinal) || line.Text.Contains(" Down(MigrationBuilder", StringComparison.Ordinal))) down = true;
            else if (line.IsNew && (line.Text.Contains("def upgrade", StringComparison.Ordinal) || line.Text.Contains(" Up(MigrationBuilder", StringComparison.Ordinal))) down = false;
            if (line.IsAdded && !down) upgrade.Add(line);
        }
        return upgrade;
    }

    private static void Migrations(Found found)
    {
        var file = found.File;
        var upgrade = UpgradeLines(found.Lines);
        bool adds = upgrade.Exists(l => l.Text.Contains("AddColumn", StringComparison.Ordinal) || l.Text.Contains("add_column(", StringComparison.Ordinal));
        foreach (var line in upgrade)
        {
            string text = line.Text;
            if (text.Contains("create_index(", StringComparison.Ordinal) || text.Contains("CREATE INDEX", StringComparison.OrdinalIgnoreCase) || text.Contains("CreateIndex(", StringComparison.Ordinal))
            {
                string around = file.Balanced(found.Lines.IndexOf(line), 0, limit: 10);
                if (!around.Contains("concurrently", StringComparison.OrdinalIgnoreCase)) found.Add("index created on a table", "CONCURRENTLY", line);
            }
            bool dropped = text.Contains("drop_column(", StringComparison.Ordinal) || text.Contains("DropColumn(", StringComparison.Ordinal) || text.Contains("DROP COLUMN", StringComparison.OrdinalIgnoreCase);
            bool renamed = text.Contains("alter_column(", StringComparison.Ordinal) && text.Contains("new_column_name", StringComparison.Ordinal) || text.Contains("RenameColumn(", StringComparison.Ordinal) || text.Contains("RENAME COLUMN", StringComparison.OrdinalIgnoreCase);
            if (dropped) found.Add("migration drops a column", "", line);
            if (renamed) found.Add("migration renames a column", "", line);
            if (dropped && adds)
                found.Add("migration drops a column and re-adds a column", "RenameColumn", line);
        }
    }
}
