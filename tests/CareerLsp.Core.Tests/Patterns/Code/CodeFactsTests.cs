using CareerLsp.Core.Domain.Library;

namespace CareerLsp.Core.Tests.Patterns;

/// <summary>
/// Each fact detector on a change that has the problem and on a near miss that does not: the
/// near misses are where a word matcher went wrong (a timeout passed, a SHA-pinned action, an
/// ActionResult's <c>.Result</c>, a downgrade that drops what the upgrade added). The detectors'
/// tests are in Code/, one file per ecosystem, as the detectors are; the helpers are here.
/// </summary>
public sealed partial class CodeFactsTests
{
    /// <summary>A file's diff: lines starting with '+' are added, '-' removed, anything else context.</summary>
    private static string Diff(string path, string body, bool isNew = false)
    {
        var lines = body.Replace("\r", "").Split('\n');
        int oldCount = lines.Count(l => !l.StartsWith('+')), newCount = lines.Count(l => !l.StartsWith('-'));
        var text = new System.Text.StringBuilder($"diff --git a/{path} b/{path}\n");
        if (isNew) text.Append("new file mode 100644\n--- /dev/null\n");
        else text.Append($"--- a/{path}\n");
        text.Append($"+++ b/{path}\n@@ -1,{oldCount} +1,{newCount} @@\n");
        foreach (var line in lines) text.Append(line.StartsWith('+') || line.StartsWith('-') ? line : " " + line).Append('\n');
        return text.ToString();
    }

    private static List<string> Facts(string diff, bool remedies = false) =>
        [.. ChangeEvidence.FromDiff(diff).Facts.Where(f => f.IsRemedy == remedies).Select(f => f.Display)];

    private static void Has(string diff, string fact) => Assert.Contains(Facts(diff), f => f.Contains(fact, StringComparison.Ordinal));

    private static void HasNot(string diff, string fact) => Assert.DoesNotContain(Facts(diff), f => f.Contains(fact, StringComparison.Ordinal));

    [Fact]
    public void Facts_have_the_path_and_new_side_line()
    {
        string diff = "diff --git a/app/s.py b/app/s.py\n--- a/app/s.py\n+++ b/app/s.py\n@@ -10,2 +20,3 @@ def f():\n     x = 1\n-    y = 2\n+    r = requests.get(url)\n+    z = 3\n";
        var fact = Assert.Single(ChangeEvidence.FromDiff(diff).Facts);
        Assert.Equal(("app/s.py", 21), (fact.Path, fact.Line));
    }
}
