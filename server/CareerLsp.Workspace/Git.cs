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
        // Fully buffered output: into a pipe git otherwise flushes after every commit of a log,
        // a write (and a wake-up of the reader) per commit.
        ["GIT_FLUSH"] = "0",
    };

    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs git in <paramref name="directory"/>. <paramref name="keepHooksPath"/> leaves
    /// <c>core.hooksPath</c> alone: only for asking where the hooks are, never for running them.
    /// </summary>
    public static GitResult Run(string directory, IReadOnlyList<string> arguments, TimeSpan? timeout = null, bool keepHooksPath = false) =>
        Start(directory, arguments, keepHooksPath).Result(timeout);

    /// <summary>
    /// Runs git and hands its standard output to <paramref name="sink"/> as it arrives, so a long
    /// history is parsed while git is still writing it and never held whole. The result's output
    /// is empty; its error and exit code are git's.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled: git was killed.</exception>
    public static GitResult Stream(string directory, IReadOnlyList<string> arguments, OutputSink sink, TimeSpan? timeout = null, CancellationToken cancellation = default) =>
        Start(directory, arguments).Stream(sink, timeout, cancellation);

    /// <summary>Starts git without waiting for it, so independent queries run at the same time.</summary>
    public static PendingGit Start(string directory, IReadOnlyList<string> arguments, bool keepHooksPath = false)
    {
        if (!OperatingSystem.IsLinux())
            return new PendingGit(arguments, (limit, sink, cancellation) => RunWithProcess(directory, arguments, limit, keepHooksPath, sink, cancellation));

        NativeProcess.Child child;
        try
        {
            child = NativeProcess.Start("git", WithHardening(directory, arguments, keepHooksPath), Environment);
        }
        catch (FileNotFoundException)
        {
            throw new GitException(NotInstalled) { GitMissing = true };
        }
        return new PendingGit(arguments, (limit, sink, cancellation) =>
            OperatingSystem.IsLinux() ? NativeProcess.Wait(child, limit, sink, cancellation) : throw new PlatformNotSupportedException());
    }

    /// <summary>
    /// Starts git with a pipe to its standard input (for <c>--stdin</c> commands that take their
    /// work while it runs). Write on one thread, wait for the output on another; closing the
    /// input ends git's work.
    /// </summary>
    public static GitInput StartWithInput(string directory, IReadOnlyList<string> arguments)
    {
        if (!OperatingSystem.IsLinux())
        {
            var process = StartProcess(directory, arguments, keepHooksPath: false);
            return new GitInput(process.StandardInput.BaseStream, new PendingGit(arguments, (limit, sink, cancellation) => Collect(process, arguments, limit, sink, cancellation)));
        }
        NativeProcess.Child child;
        try
        {
            child = NativeProcess.Start("git", WithHardening(directory, arguments, keepHooksPath: false), Environment, withInput: true);
        }
        catch (FileNotFoundException)
        {
            throw new GitException(NotInstalled) { GitMissing = true };
        }
        return new GitInput(child, new PendingGit(arguments, (limit, sink, cancellation) =>
            OperatingSystem.IsLinux() ? NativeProcess.Wait(child, limit, sink, cancellation) : throw new PlatformNotSupportedException()));
    }

    private const string NotInstalled = "git is not installed or not on PATH; install git (https://git-scm.com/downloads) and try again";

    private static List<string> WithHardening(string directory, IReadOnlyList<string> arguments, bool keepHooksPath)
    {
        var all = new List<string>(HardeningArguments.Length + arguments.Count + 2) { "-C", directory };
        for (int i = 0; i < HardeningArguments.Length; i++)
        {
            if (keepHooksPath && HardeningArguments[i] == "-c" && HardeningArguments[i + 1].StartsWith("core.hooksPath", StringComparison.Ordinal)) { i++; continue; }
            all.Add(HardeningArguments[i]);
        }
        all.AddRange(arguments);
        return all;
    }

    /// <summary>The portable path, for systems other than Linux.</summary>
    private static GitResult RunWithProcess(string directory, IReadOnlyList<string> arguments, TimeSpan limit, bool keepHooksPath, OutputSink? sink, CancellationToken cancellation)
    {
        var process = StartProcess(directory, arguments, keepHooksPath);
        process.StandardInput.Close();
        return Collect(process, arguments, limit, sink, cancellation);
    }

    private static Process StartProcess(string directory, IReadOnlyList<string> arguments, bool keepHooksPath)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in WithHardening(directory, arguments, keepHooksPath)) start.ArgumentList.Add(argument);
        foreach (var (name, value) in Environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        try
        {
            return Process.Start(start) ?? throw new GitException("git could not be started");
        }
        catch (Win32Exception)
        {
            throw new GitException(NotInstalled) { GitMissing = true };
        }
    }

    /// <summary>Reads a started process's output (to the sink, or whole) and waits for it.</summary>
    private static GitResult Collect(Process process, IReadOnlyList<string> arguments, TimeSpan limit, OutputSink? sink, CancellationToken cancellation)
    {
        using (process)
        {
            // Plain threads and blocking reads: the async pipe machinery (thread pool, socket engine)
            // costs more start-up time than a whole git call, and the hook pays it on every commit.
            string error = "";
            var errorReader = new Thread(() => error = process.StandardError.ReadToEnd()) { IsBackground = true };
            errorReader.Start();
            var output = new MemoryStream();
            Exception? failed = null;
            var outputReader = new Thread(() =>
            {
                try
                {
                    var buffer = new byte[65536];
                    int read;
                    while ((read = process.StandardOutput.BaseStream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        if (sink is null) output.Write(buffer, 0, read);
                        else sink(new ReadOnlySpan<byte>(buffer, 0, read));
                    }
                }
                catch (Exception e)
                {
                    failed = e;
                }
            }) { IsBackground = true };
            outputReader.Start();
            using var kill = cancellation.Register(() => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } });
            if (!outputReader.Join(limit) || !process.WaitForExit(limit))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                cancellation.ThrowIfCancellationRequested();
                throw new GitException($"git {string.Join(' ', arguments)} did not finish within {limit.TotalSeconds:0} s");
            }
            cancellation.ThrowIfCancellationRequested();
            if (failed is not null)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed);
            }
            errorReader.Join(limit);
            return new GitResult(process.ExitCode, Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length), error);
        }
    }
}

/// <summary>A git call that reads its standard input while it runs (see <see cref="Git.StartWithInput"/>).</summary>
public sealed class GitInput : IDisposable
{
    private readonly object _gate = new();
    private readonly NativeProcess.Child? _child;
    private Stream? _stream;

    internal GitInput(NativeProcess.Child child, PendingGit pending)
    {
        _child = child;
        Pending = pending;
    }

    internal GitInput(Stream stream, PendingGit pending)
    {
        _stream = stream;
        Pending = pending;
    }

    /// <summary>The call's output and exit: wait on it from another thread than the one writing.</summary>
    public PendingGit Pending { get; }

    /// <summary>Writes to git's input; blocks while git is behind.</summary>
    /// <exception cref="IOException">git no longer reads (it exited) or the input was closed.</exception>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            if (_child is not null)
            {
                if (OperatingSystem.IsLinux()) NativeProcess.WriteInput(_child, bytes);
            }
            else
            {
                (_stream ?? throw new IOException("git's input is closed")).Write(bytes);
            }
        }
    }

    /// <summary>Ends git's input: it finishes its work and exits.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_child is not null)
            {
                if (OperatingSystem.IsLinux()) NativeProcess.CloseInput(_child);
            }
            else
            {
                try { _stream?.Dispose(); } catch (IOException) { }
                _stream = null;
            }
        }
    }
}

/// <summary>A git call under way; <see cref="Result"/> or <see cref="Stream"/> waits for it (once).</summary>
public sealed class PendingGit
{
    private readonly IReadOnlyList<string> _arguments;
    private readonly Func<TimeSpan, OutputSink?, CancellationToken, GitResult> _wait;
    private GitResult? _result;

    internal PendingGit(IReadOnlyList<string> arguments, Func<TimeSpan, OutputSink?, CancellationToken, GitResult> wait)
    {
        _arguments = arguments;
        _wait = wait;
    }

    public GitResult Result(TimeSpan? timeout = null, CancellationToken cancellation = default) => _result ??= Wait(null, timeout, cancellation);

    /// <summary>Waits for git, handing its output to <paramref name="sink"/> as it arrives (see <see cref="Git.Stream"/>).</summary>
    public GitResult Stream(OutputSink sink, TimeSpan? timeout = null, CancellationToken cancellation = default) =>
        _result ??= Wait(sink, timeout, cancellation);

    private GitResult Wait(OutputSink? sink, TimeSpan? timeout, CancellationToken cancellation)
    {
        var limit = timeout ?? Git.DefaultTimeout;
        try
        {
            return _wait(limit, sink, cancellation);
        }
        catch (TimeoutException)
        {
            throw new GitException($"git {string.Join(' ', _arguments)} did not finish within {limit.TotalSeconds:0} s");
        }
    }
}
