using System.Text.RegularExpressions;

namespace CareerLsp.Core.Domain.Library.Code;

/// <summary>Terraform: open CIDRs, wildcard IAM actions, renamed resources without moved blocks.</summary>
internal static partial class CodeFacts
{
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
}
