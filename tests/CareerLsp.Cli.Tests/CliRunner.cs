using System.Diagnostics;

namespace CareerLsp.Cli.Tests;

/// <summary>What a process printed and how it ended.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Runs the real <c>careerlsp</c> executable: the published one in <c>dist/server</c> when it is
/// there (what <c>npm test</c> builds), otherwise the build beside the tests.
/// </summary>
public static class CliRunner
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static (string File, string[] Prefix) Executable()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("CAREERLSP_BIN");
        if (!string.IsNullOrEmpty(fromEnvironment)) return (fromEnvironment, []);
        string published = Path.Combine(RepositoryRoot, "dist", "server", "careerlsp");
        if (File.Exists(published)) return (published, []);
        return ("dotnet", [Path.Combine(AppContext.BaseDirectory, "careerlsp.dll")]);
    }

    public static ProcessResult Run(string workingDirectory, params string[] arguments) => RunWithInput(workingDirectory, null, arguments);

    public static ProcessResult RunWithInput(string workingDirectory, string? stdin, params string[] arguments)
    {
        var (file, prefix) = Executable();
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var p in prefix) start.ArgumentList.Add(p);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        return Exec(start, stdin);
    }

    /// <summary>Runs a shell command line (for hooks, redirections and git itself).</summary>
    public static ProcessResult Shell(string workingDirectory, string script, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        var (file, prefix) = Executable();
        start.Environment["CAREERLSP"] = string.Join(' ', new[] { file }.Concat(prefix).Select(a => "'" + a + "'"));
        // Scripts run it as: eval "$CAREERLSP check …".
        if (environment is not null)
            foreach (var (k, v) in environment) start.Environment[k] = v;
        return Exec(start, null);
    }

    private static ProcessResult Exec(ProcessStartInfo start, string? stdin)
    {
        start.Environment.Remove("CAREERLSP_HOOK");
        using var process = Process.Start(start)!;
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish in 60 s");
        }
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CareerLsp.sln"))) return dir.FullName;
        throw new InvalidOperationException("CareerLsp.sln not found above the test binaries");
    }
}
