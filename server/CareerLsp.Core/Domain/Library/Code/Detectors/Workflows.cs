using System.Text.RegularExpressions;

namespace CareerLsp.Core.Domain.Library.Code;

/// <summary>CI workflows (GitHub Actions, GitLab CI): action pins, deploy triggers, cache keys.</summary>
internal static partial class CodeFacts
{
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
}
