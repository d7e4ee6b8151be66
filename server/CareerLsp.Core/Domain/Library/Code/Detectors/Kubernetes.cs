using System.Text.RegularExpressions;

namespace CareerLsp.Core.Domain.Library.Code;

/// <summary>Kubernetes and Helm manifests: images, probes, limits, network policies, CronJobs, open CIDRs.</summary>
internal static partial class CodeFacts
{
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
}
