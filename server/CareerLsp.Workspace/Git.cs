using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace CareerLsp.Workspace;

/// <summary>A git failure with a message a user can act on (git missing, not a repository, a timeout).</summary>
public sealed class GitException(string message) : Exception(message)
{
    /// <summary>Whether git itself could not be started (not installed, not on PATH).</summary>
    public bool GitMissing { get; init; }
}

/// <summary>The output of one git invocation.</summary>
public sealed record GitResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// Runs the <c>git</c> CLI, as VS Code's Git extension does, hardened so that opening an untrusted
/// repository never runs anything it configures: no fsmonitor, hooks, external diff or textconv
/// drivers, pagers, signature verification or credential prompts; a fixed locale; no optional
/// locks (so a concurrent <c>git</c> in the editor is never blocked); a timeout.
/// </summary>
public static class Git
{
    /// <summary>Configuration that would otherwise let the repository choose a program to run.</summary>
    private static readonly string[] HardeningArguments =
    [
        "-c", "core.fsmonitor=false",
        "-c", "core.hooksPath=/dev/null",
        "-c", "core.pager=cat",
        "-c", "core.sshCommand=false",
        "-c", "diff.external=",
        "-c", "log.showSignature=false",
        "-c", "protocol.allow=never",
        "-c", "credential.helper=",
        "--no-pager",
    ];

    /// <summary>Environment that would otherwise prompt, page, translate or run an external program.</summary>
    private static readonly Dictionary<string, string?> Environment = new()
    {
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_OPTIONAL_LOCKS"] = "0",
        ["GIT_PAGER"] = "cat",
        ["PAGER"] = "cat",
        ["LC_ALL"] = "C",
        ["LANGUAGE"] = null,
        ["GIT_ASKPASS"] = null,
        ["SSH_ASKPASS"] = null,
        ["GIT_EXTERNAL_DIFF"] = null,
        ["GIT_EDITOR"] = "false",
        ["GIT_SEQUENCE_EDITOR"] = "false",
    };

    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs git in <paramref name="directory"/>. <paramref name="keepHooksPath"/> leaves
    /// <c>core.hooksPath</c> alone: only for asking where the hooks are, never for running them.
    /// </summary>
    public static GitResult Run(string directory, IReadOnlyList<string> arguments, TimeSpan? timeout = null, bool keepHooksPath = false) =>
        Start(directory, arguments, keepHooksPath).Result(timeout);

    /// <summary>Starts git without waiting for it, so independent queries run at the same time.</summary>
    public static PendingGit Start(string directory, IReadOnlyList<string> arguments, bool keepHooksPath = false)
    {
        if (!OperatingSystem.IsLinux())
            return new PendingGit(arguments, limit => RunWithProcess(directory, arguments, limit, keepHooksPath));

        var all = new List<string>(HardeningArguments.Length + arguments.Count + 2) { "-C", directory };
        for (int i = 0; i < HardeningArguments.Length; i++)
        {
            if (keepHooksPath && HardeningArguments[i] == "-c" && HardeningArguments[i + 1].StartsWith("core.hooksPath", StringComparison.Ordinal)) { i++; continue; }
            all.Add(HardeningArguments[i]);
        }
        all.AddRange(arguments);
        NativeProcess.Child child;
        try
        {
            child = NativeProcess.Start("git", all, Environment);
        }
        catch (FileNotFoundException)
        {
            throw new GitException(NotInstalled) { GitMissing = true };
        }
        return new PendingGit(arguments, limit => OperatingSystem.IsLinux() ? NativeProcess.Wait(child, limit) : throw new PlatformNotSupportedException());
    }

    private const string NotInstalled = "git is not installed or not on PATH; install git (https://git-scm.com/downloads) and try again";

    /// <summary>The portable path, for systems other than Linux.</summary>
    private static GitResult RunWithProcess(string directory, IReadOnlyList<string> arguments, TimeSpan limit, bool keepHooksPath)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        for (int i = 0; i < HardeningArguments.Length; i++)
        {
            if (keepHooksPath && HardeningArguments[i] == "-c" && HardeningArguments[i + 1].StartsWith("core.hooksPath", StringComparison.Ordinal)) { i++; continue; }
            start.ArgumentList.Add(HardeningArguments[i]);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in Environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new GitException("git could not be started");
        }
        catch (Win32Exception)
        {
            throw new GitException(NotInstalled) { GitMissing = true };
        }
        using (process)
        {
            process.StandardInput.Close();
            // Plain threads and blocking reads: the async pipe machinery (thread pool, socket engine)
            // costs more start-up time than a whole git call, and the hook pays it on every commit.
            string error = "";
            var errorReader = new Thread(() => error = process.StandardError.ReadToEnd()) { IsBackground = true };
            errorReader.Start();
            string output = "";
            var outputReader = new Thread(() => output = process.StandardOutput.ReadToEnd()) { IsBackground = true };
            outputReader.Start();
            if (!outputReader.Join(limit) || !process.WaitForExit(limit))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw new GitException($"git {string.Join(' ', arguments)} did not finish within {limit.TotalSeconds:0} s");
            }
            errorReader.Join(limit);
            return new GitResult(process.ExitCode, output, error);
        }
    }
}

/// <summary>A git call under way; <see cref="Result"/> waits for it (once).</summary>
public sealed class PendingGit
{
    private readonly IReadOnlyList<string> _arguments;
    private readonly Func<TimeSpan, GitResult> _wait;
    private GitResult? _result;

    internal PendingGit(IReadOnlyList<string> arguments, Func<TimeSpan, GitResult> wait)
    {
        _arguments = arguments;
        _wait = wait;
    }

    public GitResult Result(TimeSpan? timeout = null)
    {
        if (_result is not null) return _result;
        var limit = timeout ?? Git.DefaultTimeout;
        try
        {
            return _result = _wait(limit);
        }
        catch (TimeoutException)
        {
            throw new GitException($"git {string.Join(' ', _arguments)} did not finish within {limit.TotalSeconds:0} s");
        }
    }
}
