using System.Text;

namespace CareerLsp.Benchmarks;

/// <summary>
/// Deterministic inputs at the sizes the targets name: a pattern library of N entries in categories
/// of 50, a third with a Matches: item, and a unified diff of about N bytes of code-like added lines,
/// both drawn from one vocabulary so that matching does real work.
/// </summary>
public static class Generated
{
    private static readonly string[] Words =
    [
        "cache", "redis", "timeout", "retry", "queue", "worker", "deploy", "helm", "chart", "migration",
        "index", "table", "lock", "transaction", "webhook", "signature", "token", "secret", "probe", "memory",
        "limit", "cronjob", "terraform", "bucket", "policy", "ingress", "dns", "certificate", "rollout", "replica",
        "session", "cookie", "header", "request", "response", "client", "pool", "connection", "socket", "thread",
        "async", "await", "stream", "buffer", "encoding", "locale", "timezone", "schema", "enum", "serializer",
    ];

    public static string Library(int entries)
    {
        var random = new Random(4);
        var text = new StringBuilder("# Common Patterns\n\nWhat the team learned: problem → remedy.\n");
        for (int i = 0; i < entries; i++)
        {
            if (i % 50 == 0) text.Append($"\n# Category {i / 50}\n\n");
            string a = Pick(random), b = Pick(random), c = Pick(random);
            text.Append($"- The {a} {b} fails when {c} is slow (case {i}) → check the {a} before the {c} ({i})\n");
            if (i % 3 == 0) text.Append($"  - Matches: {a}_{b}, `src/{c}/*.cs`\n");
        }
        return text.ToString();
    }

    public static string Diff(int bytes)
    {
        var random = new Random(5);
        var text = new StringBuilder(bytes + 4096);
        for (int file = 0; text.Length < bytes; file++)
        {
            string path = $"src/{Pick(random)}/File{file}.cs";
            text.Append($"diff --git a/{path} b/{path}\nindex 1111111..2222222 100644\n--- a/{path}\n+++ b/{path}\n@@ -1,0 +1,200 @@\n");
            for (int line = 0; line < 200; line++)
                text.Append($"+    var {Pick(random)}{line} = await {Pick(random)}Client.{Pick(random)}Async({Pick(random)}, {Pick(random)}_{Pick(random)}, ct);\n");
        }
        return text.ToString();
    }

    private static string Pick(Random random) => Words[random.Next(Words.Length)];
}
