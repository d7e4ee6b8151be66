using System.Text.RegularExpressions;

namespace CareerLsp.Core.Domain.Library.Code;

/// <summary>.NET: HttpClient, blocking on tasks, logging, DbContext lifetimes, DTO renames, floating NuGet versions.</summary>
internal static partial class CodeFacts
{
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
}
