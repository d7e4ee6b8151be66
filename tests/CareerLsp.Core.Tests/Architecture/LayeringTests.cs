using System.Text.RegularExpressions;

namespace CareerLsp.Core.Tests.Architecture;

/// <summary>
/// Core's namespaces import one way: Text, Syntax, Domain, Rules, Engine, each only from those
/// before it; Domain's parts import each other without a cycle. Read from the source, so a new
/// using or a fully qualified name going the wrong way fails here.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly string[] Layers = ["Text", "Syntax", "Domain", "Rules", "Engine"];

    [GeneratedRegex(@"^namespace CareerLsp\.Core\.([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"\bCareerLsp\.Core\.((?:Text|Syntax|Domain|Rules|Engine)(?:\.\w+)?)\b")]
    private static partial Regex Reference();

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex Comment();

    /// <summary>The wrong-way imports among the given files (path and source), as "path: A imports B".</summary>
    public static List<string> Violations(IEnumerable<(string Path, string Source)> files)
    {
        var violations = new List<string>();
        var domain = new Dictionary<string, HashSet<string>>();
        foreach (var (path, source) in files)
        {
            var ns = Namespace().Match(source);
            if (!ns.Success) continue;
            string from = ns.Groups[1].Value;
            string code = Comment().Replace(source.Remove(ns.Index, ns.Length), "");
            foreach (Match reference in Reference().Matches(code))
            {
                string to = reference.Groups[1].Value;
                if (Layer(to) > Layer(from)) violations.Add($"{path}: {from} imports {to}");
                if (Part(from) is { } a && Part(to) is { } b && a != b)
                {
                    if (!domain.TryGetValue(a, out var targets)) domain[a] = targets = [];
                    targets.Add(b);
                }
            }
        }
        foreach (string cycle in Cycles(domain)) violations.Add($"Domain parts import each other: {cycle}");
        return violations;
    }

    private static int Layer(string ns) => Array.IndexOf(Layers, ns.Split('.')[0]);

    private static string? Part(string ns) => ns.StartsWith("Domain.", StringComparison.Ordinal) ? ns.Split('.')[1] : null;

    /// <summary>Each cycle of the graph once, as "A → B → A", found from its alphabetically first part.</summary>
    private static IEnumerable<string> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var found = new List<string>();
        foreach (string start in graph.Keys.Order(StringComparer.Ordinal))
        {
            var path = new List<string> { start };
            Walk(start);

            void Walk(string node)
            {
                foreach (string next in graph.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
                {
                    if (next == start) found.Add(string.Join(" → ", path.Append(start)));
                    else if (string.CompareOrdinal(next, start) > 0 && !path.Contains(next))
                    {
                        path.Add(next);
                        Walk(next);
                        path.RemoveAt(path.Count - 1);
                    }
                }
            }
        }
        return found;
    }

    private static string CoreSource() => Path.Combine(RulesTableTests.Root(), "server", "CareerLsp.Core");

    [Fact]
    public void Core_imports_only_downwards_and_its_domain_parts_have_no_cycle()
    {
        string root = CoreSource();
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => (Path.GetRelativePath(root, p), File.ReadAllText(p)))
            .ToList();
        Assert.True(files.Count > 50, $"only {files.Count} source files found under {root}");
        Assert.Empty(Violations(files));
    }

    [Fact]
    public void Every_folder_of_Core_is_a_known_layer()
    {
        string root = CoreSource();
        var folders = Directory.EnumerateDirectories(root).Select(Path.GetFileName).Where(n => n is not ("bin" or "obj")).Order(StringComparer.Ordinal);
        Assert.Equal(Layers.Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void An_upward_using_a_qualified_name_and_a_domain_cycle_are_each_reported()
    {
        var files = new[]
        {
            ("Syntax/A.cs", "using CareerLsp.Core.Text;\nusing CareerLsp.Core.Rules;\nnamespace CareerLsp.Core.Syntax;\n"),
            ("Domain/B.cs", "namespace CareerLsp.Core.Domain.History;\nclass B { CareerLsp.Core.Engine.Checker? c; }\n"),
            ("Domain/C.cs", "using CareerLsp.Core.Domain.History;\nnamespace CareerLsp.Core.Domain.Habits;\n"),
            ("Domain/D.cs", "using CareerLsp.Core.Domain.Habits;\nnamespace CareerLsp.Core.Domain.History;\n"),
            ("Rules/E.cs", "using CareerLsp.Core.Domain.Habits;\n// Engine calls this: CareerLsp.Core.Engine\nnamespace CareerLsp.Core.Rules;\n"),
        };
        Assert.Equal(
            [
                "Syntax/A.cs: Syntax imports Rules",
                "Domain/B.cs: Domain.History imports Engine.Checker",
                "Domain parts import each other: Habits → History → Habits",
            ],
            Violations(files));
    }
}
