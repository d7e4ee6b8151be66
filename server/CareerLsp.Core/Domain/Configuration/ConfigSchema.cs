using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Domain.Configuration;

/// <summary>
/// Checks a configuration tree against <c>careerlsp.schema.json</c>, the one schema the editor's
/// completion also reads (it is embedded in this assembly). Every value of the wrong type, out of
/// range, not in its enumeration or not matching its pattern is an issue at that value; every key the
/// schema does not allow is an issue at the key. The loader then reads only what passed.
/// <para>
/// The schema keywords it knows are the ones the file uses (draft-07): <c>type</c>, <c>enum</c>,
/// <c>minimum</c>, <c>maximum</c>, <c>pattern</c>, <c>format: regex</c>, <c>properties</c>,
/// <c>additionalProperties: false</c>, <c>required</c>, <c>items</c>, <c>oneOf</c> and local
/// <c>$ref</c>s. A test walks the schema and proves every property rejects a wrong value.
/// </para>
/// </summary>
public static partial class ConfigSchema
{
    [GeneratedRegex(@"^CL\d{3}$")]
    private static partial Regex RuleId();

    private static readonly Lazy<JsonDocument> Document = new(() =>
    {
        using var stream = typeof(ConfigSchema).Assembly.GetManifestResourceStream("careerlsp.schema.json")
            ?? throw new InvalidOperationException("careerlsp.schema.json is not embedded");
        return JsonDocument.Parse(stream);
    });

    /// <summary>The schema's root.</summary>
    public static JsonElement Root => Document.Value.RootElement;

    /// <summary>Checks <paramref name="root"/>; returns the issues and the nodes that failed (the loader skips those).</summary>
    public static (List<ConfigIssue> Issues, HashSet<JsoncNode> Rejected) Validate(JsoncNode root)
    {
        var validation = new Validation();
        validation.Check(Root, root, "");
        return (validation.Issues, validation.Rejected);
    }

    /// <summary>Follows a local <c>$ref</c> (<c>#/definitions/name</c>); other schemas are returned as they are.</summary>
    public static JsonElement Resolve(JsonElement schema)
    {
        for (int depth = 0; depth < 8 && schema.TryGetProperty("$ref", out var reference); depth++)
        {
            var target = Root;
            foreach (var part in reference.GetString()!.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
                target = target.GetProperty(part);
            schema = target;
        }
        return schema;
    }

    /// <summary>The JSON types a schema allows, after <c>$ref</c> and across <c>oneOf</c>.</summary>
    public static IEnumerable<string> Types(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("oneOf", out var branches))
            return branches.EnumerateArray().SelectMany(Types).Distinct();
        return schema.TryGetProperty("type", out var type) ? [type.GetString()!] : [];
    }

    private sealed class Validation
    {
        public List<ConfigIssue> Issues { get; } = [];

        public HashSet<JsoncNode> Rejected { get; } = new(ReferenceEqualityComparer.Instance);

        public void Check(JsonElement schema, JsoncNode node, string path)
        {
            schema = Resolve(schema);
            if (schema.TryGetProperty("oneOf", out var branches))
            {
                // The branches of this schema differ by type (a severity, or an object with options):
                // the value's type picks the branch, and that branch's problems are the ones to tell.
                var branch = branches.EnumerateArray().FirstOrDefault(b => Types(b).Any(t => IsType(node, t)));
                if (branch.ValueKind == JsonValueKind.Undefined) Reject(node, path, schema);
                else Check(branch, node, path);
                return;
            }
            if (schema.TryGetProperty("type", out var type) && !IsType(node, type.GetString()!))
            {
                Reject(node, path, schema);
                return;
            }
            switch (node)
            {
                case JsoncObject obj:
                    CheckObject(schema, obj, path);
                    break;
                case JsoncArray array when schema.TryGetProperty("items", out var items):
                    for (int i = 0; i < array.Items.Count; i++)
                        Check(items, array.Items[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"));
                    break;
                case JsoncValue value when !Allowed(schema, value):
                    Reject(node, path, schema);
                    break;
            }
        }

        private void CheckObject(JsonElement schema, JsoncObject obj, string path)
        {
            bool closed = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
            schema.TryGetProperty("properties", out var properties);
            foreach (var property in obj.Properties)
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                    Check(propertySchema, property.Value, Join(path, property.Name));
                else if (closed)
                    Issues.Add(new ConfigIssue(ConfigIssueKind.UnknownKey, property.NameStart, property.NameEnd, UnknownMessage(path, property.Name, properties)));
            }
            if (!schema.TryGetProperty("required", out var required)) return;
            var missing = required.EnumerateArray().Select(r => r.GetString()!).Where(r => obj.Find(r) is null).ToList();
            if (missing.Count == 0) return;
            Rejected.Add(obj);
            Issues.Add(new ConfigIssue(ConfigIssueKind.Invalid, obj.Start, obj.End,
                $"{Name(path)} is missing {string.Join(" and ", missing.Select(m => $"\"{m}\""))}: expected {Expected(schema)}"));
        }

        private void Reject(JsoncNode node, string path, JsonElement schema)
        {
            Rejected.Add(node);
            Issues.Add(new ConfigIssue(ConfigIssueKind.Invalid, node.Start, node.End, $"{Name(path)} must be {Expected(schema)}; it is {Actual(node)}"));
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Name(string path) => path.Length == 0 ? "The configuration" : $"\"{path}\"";

    private static string UnknownMessage(string path, string name, JsonElement properties)
    {
        var known = properties.ValueKind == JsonValueKind.Object ? properties.EnumerateObject().Select(p => p.Name).ToList() : [];
        // A rule has two keys (CL041 and subject-max-length): list the names, which say what they do.
        if (path == "rules") known = known.Where(k => !RuleId().IsMatch(k)).ToList();
        string where = path switch
        {
            "" => "the top level",
            "rules" => "rules",
            _ => $"\"{path}\"",
        };
        string what = path == "rules" ? $"Unknown rule \"{name}\"" : $"Unknown key \"{name}\" in {where}";
        return what + Suggestion(name, known);
    }

    private static bool IsType(JsoncNode node, string type) => (type, node) switch
    {
        ("object", JsoncObject) => true,
        ("array", JsoncArray) => true,
        ("string", JsoncValue { Kind: JsonValueKind.String }) => true,
        ("number", JsoncValue { Kind: JsonValueKind.Number }) => true,
        ("integer", JsoncValue { Kind: JsonValueKind.Number } v) => v.Number == Math.Floor(v.Number) && Math.Abs(v.Number) < 1e15,
        ("boolean", JsoncValue { Kind: JsonValueKind.True or JsonValueKind.False }) => true,
        ("null", JsoncValue { Kind: JsonValueKind.Null }) => true,
        _ => false,
    };

    /// <summary>Enumeration, range, pattern and format of a value already of the right type.</summary>
    private static bool Allowed(JsonElement schema, JsoncValue value)
    {
        if (schema.TryGetProperty("enum", out var values) &&
            !values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String ? v.GetString() == value.String : v.ValueKind == JsonValueKind.Number && v.GetDouble() == value.Number))
            return false;
        if (value.Kind == JsonValueKind.Number)
        {
            if (schema.TryGetProperty("minimum", out var minimum) && value.Number < minimum.GetDouble()) return false;
            if (schema.TryGetProperty("maximum", out var maximum) && value.Number > maximum.GetDouble()) return false;
        }
        if (value.String is { } text)
        {
            if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1))) return false;
            if (schema.TryGetProperty("format", out var format) && format.GetString() == "regex" && !IsRegex(text)) return false;
        }
        return true;
    }

    private static bool IsRegex(string text)
    {
        try
        {
            _ = new Regex(text, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>What a schema asks for, in words: "a whole number from 0 to 100", "one of off, hint, …".</summary>
    public static string Expected(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("oneOf", out var branches))
            return string.Join(" or ", branches.EnumerateArray().Select(Expected));
        string type = schema.TryGetProperty("type", out var t) ? t.GetString()! : "";
        if (schema.TryGetProperty("enum", out var values))
            return "one of " + string.Join(", ", values.EnumerateArray().Select(v => v.ToString()));
        string range = Range(schema);
        switch (type)
        {
            case "integer": return "a whole number" + range;
            case "number": return "a number" + range;
            case "boolean": return "true or false";
            case "string":
                if (schema.TryGetProperty("format", out var format) && format.GetString() == "regex") return "a regular expression (.NET syntax)";
                return schema.TryGetProperty("pattern", out var pattern) ? $"a string matching {pattern.GetString()}" : "a string";
            case "array":
                return schema.TryGetProperty("items", out var items) ? $"an array of {Plural(Expected(items))}" : "an array";
            case "object":
                if (schema.TryGetProperty("required", out var required))
                {
                    schema.TryGetProperty("properties", out var properties);
                    return "{" + string.Join(", ", required.EnumerateArray().Select(r =>
                        $"\"{r.GetString()}\": {Expected(properties.GetProperty(r.GetString()!))}")) + "}";
                }
                return "an object";
            default: return "a value";
        }
    }

    private static string Range(JsonElement schema)
    {
        bool hasMin = schema.TryGetProperty("minimum", out var min), hasMax = schema.TryGetProperty("maximum", out var max);
        return (hasMin, hasMax) switch
        {
            (true, true) => string.Create(CultureInfo.InvariantCulture, $" from {min.GetDouble()} to {max.GetDouble()}"),
            (true, false) => string.Create(CultureInfo.InvariantCulture, $" ≥ {min.GetDouble()}"),
            (false, true) => string.Create(CultureInfo.InvariantCulture, $" ≤ {max.GetDouble()}"),
            _ => "",
        };
    }

    private static string Plural(string expected) => expected switch
    {
        "a string" => "strings",
        "a regular expression (.NET syntax)" => "regular expressions (.NET syntax)",
        _ => expected,
    };

    private static string Actual(JsoncNode node) => node switch
    {
        JsoncObject => "an object",
        JsoncArray => "an array",
        JsoncValue { Kind: JsonValueKind.String } v => $"\"{Shorten(v.String!)}\"",
        JsoncValue { Kind: JsonValueKind.Number } v => v.Number.ToString(CultureInfo.InvariantCulture),
        JsoncValue { Kind: JsonValueKind.True } => "true",
        JsoncValue { Kind: JsonValueKind.False } => "false",
        _ => "null",
    };

    private static string Shorten(string text)
    {
        var builder = new StringBuilder();
        foreach (char c in text.Length > 40 ? text[..40] : text) builder.Append(char.IsControl(c) ? ' ' : c);
        return text.Length > 40 ? builder + "…" : builder.ToString();
    }

    /// <summary>"; did you mean …?" for the closest known name, when one is close; else the known names.</summary>
    internal static string Suggestion(string name, IReadOnlyList<string> known)
    {
        var best = known.Select(k => (k, d: Distance(name.ToLowerInvariant(), k.ToLowerInvariant()))).OrderBy(x => x.d).FirstOrDefault();
        if (best.k is not null && best.d <= Math.Max(2, name.Length / 3)) return $"; did you mean \"{best.k}\"?";
        return known.Count == 0 ? "" : $" (known: {string.Join(", ", known)})";
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int previous = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }
}
