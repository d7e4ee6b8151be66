using System.Diagnostics;

namespace CareerLsp.Cli;

/// <summary>
/// Phase timings on stderr when <c>CAREERLSP_TIMING=1</c>: how start-up time was measured and is
/// watched (the commit-msg hook runs on every commit, so every millisecond is paid often).
/// </summary>
internal static class Timing
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("CAREERLSP_TIMING") == "1";
    private static readonly long Start = Stopwatch.GetTimestamp();
    private static readonly List<string> Marks = [];

    /// <summary>Records a phase; printing waits until the end so the trace does not slow what it measures.</summary>
    public static void Mark(string phase)
    {
        if (!Enabled) return;
        string line = $"timing: {Stopwatch.GetElapsedTime(Start).TotalMilliseconds,7:0.0} ms after main  {phase}";
        lock (Marks) Marks.Add(line); // The pattern library loads on a thread of its own.
    }

    public static void Report()
    {
        if (!Enabled) return;
        foreach (var line in Marks) Console.Error.WriteLine(line);
    }
}
