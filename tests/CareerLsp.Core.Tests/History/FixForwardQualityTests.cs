using System.Text;
using System.Text.Json;
using CareerLsp.Core.Domain.History;
using Xunit.Abstractions;

namespace CareerLsp.Core.Tests.History;

/// <summary>
/// Fix-forward detection measured on the labelled sequences in <c>Fixtures/FixForward</c>: each case
/// is an author's recent history, a commit being made and whether (and of which commit) it is a
/// fix-forward. The labels were written before, and apart from, the detector.
/// </summary>
public sealed class FixForwardQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void Precision_at_least_0_9_and_recall_at_least_0_7_on_the_labelled_sequences()
    {
        var cases = Load(Folder("FixForward"));
        Assert.True(cases.Count >= 40, $"the labelled set has {cases.Count} cases; at least 40 are needed");
        var (summary, report, precision, recall) = Evaluate("labelled sequences", cases);
        // Written later by someone who saw neither the detector nor the set above; the rules were not
        // revised after it was first run. Printed, not asserted: it says how far the figure above carries.
        string heldOut = Directory.Exists(Folder("FixForwardHeldOut", mustExist: false)) ? Evaluate("held-out sequences", Load(Folder("FixForwardHeldOut"))).Summary : "";
        output.WriteLine(summary);
        output.WriteLine(heldOut);
        output.WriteLine(report);
        Console.Error.WriteLine(summary);
        if (heldOut.Length > 0) Console.Error.WriteLine(heldOut);
        Assert.True(precision >= 0.9 && recall >= 0.7, summary + "\n" + report);
    }

    private static (string Summary, string Report, double Precision, double Recall) Evaluate(string what, List<(string Name, PendingCommit Candidate, List<PastCommit> History, string? ExpectedOf)> cases)
    {
        int tp = 0, fp = 0, fn = 0;
        var report = new StringBuilder();
        foreach (var (name, candidate, history, expectedOf) in cases)
        {
            var verdict = FixForward.Detect(candidate, history);
            string? found = verdict?.Of.Id;
            if (found == expectedOf)
            {
                if (found is not null) tp++;
                continue;
            }
            // A verdict naming the wrong commit is both a wrong hint and a miss.
            if (found is not null) fp++;
            if (expectedOf is not null) fn++;
            report.AppendLine($"  {name}: expected {expectedOf ?? "none"}, found {found ?? "none"}{(verdict is null ? "" : $" ({verdict.Reason})")}");
        }
        double precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp), recall = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
        return ($"fix-forward detection on {cases.Count} {what}: precision {precision:0.000}, recall {recall:0.000} ({tp} right, {fp} wrong, {fn} missed)",
            report.ToString(), precision, recall);
    }

    private static List<(string Name, PendingCommit Candidate, List<PastCommit> History, string? ExpectedOf)> Load(string folder)
    {
        var cases = new List<(string, PendingCommit, List<PastCommit>, string?)>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            string author = root.GetProperty("author").GetString()!;
            var history = root.GetProperty("history").EnumerateArray().Select(c => new PastCommit(
                c.GetProperty("id").GetString()!, c.GetProperty("author").GetString()!, DateTimeOffset.Parse(c.GetProperty("time").GetString()!),
                c.GetProperty("subject").GetString()!, Files(c.GetProperty("files")))).ToList();
            var candidate = root.GetProperty("candidate");
            var pending = new PendingCommit(author, DateTimeOffset.Parse(candidate.GetProperty("time").GetString()!),
                candidate.GetProperty("subject").GetString()!, Files(candidate.GetProperty("files")));
            var expect = root.GetProperty("expect");
            string? of = expect.GetProperty("fixForward").GetBoolean() ? expect.GetProperty("of").GetString() : null;
            cases.Add((Path.GetFileNameWithoutExtension(file), pending, history, of));
        }
        return cases;
    }

    private static List<ChangedFile> Files(JsonElement files) =>
        files.EnumerateObject().Select(f => new ChangedFile(f.Name, f.Value[0].GetInt32(), f.Value[1].GetInt32())).ToList();

    private static string Folder(string name, bool mustExist = true)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "CareerLsp.Core.Tests", "Fixtures", name);
            if (Directory.Exists(candidate)) return candidate;
        }
        return mustExist ? throw new DirectoryNotFoundException($"tests/CareerLsp.Core.Tests/Fixtures/{name}") : "";
    }
}
