using BenchmarkDotNet.Running;
using CareerLsp.Benchmarks;

// "write DIR" writes the generated library and diff for the CLI and LSP benchmarks; anything else
// goes to BenchmarkDotNet.
if (args is ["write", var directory])
{
    Directory.CreateDirectory(directory);
    File.WriteAllText(Path.Combine(directory, "COMMON_PATTERNS.md"), Generated.Library(10_000));
    File.WriteAllText(Path.Combine(directory, "change.diff"), Generated.Diff(5 * 1024 * 1024));
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(PatternBenchmarks).Assembly).Run(args);
return 0;
