using System.Text.RegularExpressions;

namespace CareerLsp.Core.Domain.Library.Code;

/// <summary>JavaScript and TypeScript: React keys, clickable divs, effects, fetches, casts, package.json, Node APIs.</summary>
internal static partial class CodeFacts
{
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
}
