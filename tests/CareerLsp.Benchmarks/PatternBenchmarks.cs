using BenchmarkDotNet.Attributes;
using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Domain.Library;
using CareerLsp.Core.Engine;
using CareerLsp.Core.Rules;
using CareerLsp.Core.Syntax;
using CareerLsp.Core.Text;

namespace CareerLsp.Benchmarks;

/// <summary>Issue 4's targets: a 10,000-entry library parsed and diagnosed under 50 ms, matched against a 5 MB diff under 100 ms.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class PatternBenchmarks
{
    private string _library = "";
    private string _diff = "";
    private PatternMatcher _matcher = null!;
    private ChangeEvidence _evidence = null!;

    [GlobalSetup]
    public void Setup()
    {
        _library = Generated.Library(10_000);
        _diff = Generated.Diff(5 * 1024 * 1024);
        _matcher = new PatternMatcher(PatternLibrary.Parse(new SourceText(_library)));
        _evidence = ChangeEvidence.FromDiff(_diff);
    }

    /// <summary>What the server does on every edit of the library, and <c>check patterns</c> once.</summary>
    [Benchmark]
    public int ParseAndDiagnose10kLibrary() => Checker.CheckPatternLibrary(_library).Findings.Count;

    /// <summary>Indexing the library's entries, once per library version.</summary>
    [Benchmark]
    public PatternMatcher BuildMatcher10k() => new(_matcher.Library);

    /// <summary>Reading a 5 MB diff into words, pairs and paths.</summary>
    [Benchmark]
    public int ReadDiff5MB() => ChangeEvidence.FromDiff(_diff).AddedLines;

    /// <summary>Matching 10,000 entries against the read diff.</summary>
    [Benchmark]
    public int Match10kAgainst5MB() => _matcher.Match(_evidence).Count;

    /// <summary>The whole of matching, from the diff's text to the best entries.</summary>
    [Benchmark]
    public int ReadAndMatch5MB() => _matcher.Match(ChangeEvidence.FromDiff(_diff), 3).Count;
}
