using System.Collections;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;

namespace CareerLsp.Workspace;

/// <summary>Receives a child's standard output as it arrives, a chunk at a time (valid only during the call).</summary>
public delegate void OutputSink(ReadOnlySpan<byte> chunk);

/// <summary>
/// Runs a program with <c>posix_spawnp</c>, reading its output with <c>poll</c>, on Linux.
/// <see cref="System.Diagnostics.Process"/> loads pipes, sockets, the thread pool and tracing on
/// first use, which cost more start-up time than the git call itself; the commit-msg hook pays
/// that on every commit. Stdin is <c>/dev/null</c>; the working directory is set by the caller
/// through the program's own arguments (<c>git -C</c>).
/// </summary>
[SupportedOSPlatform("linux")]
internal static unsafe partial class NativeProcess
{
    private const int CloseOnExec = 0x80000;
    private const int ReadOnly = 0;
    private const short PollIn = 0x1, PollError = 0x8, PollHangUp = 0x10;
    private const int Interrupted = 4, NoSuchFile = 2, Kill = 9;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    private static partial int Pipe2(int* descriptors, int flags);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    private static partial int ActionsInit(void* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    private static partial int ActionsDestroy(void* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_adddup2")]
    private static partial int ActionsDup2(void* actions, int descriptor, int target);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addopen")]
    private static partial int ActionsOpen(void* actions, int descriptor, byte* path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "posix_spawnp")]
    private static partial int SpawnP(int* pid, byte* file, void* actions, void* attributes, byte** argv, byte** envp);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(PollDescriptor* descriptors, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int descriptor, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint Write(int descriptor, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    private static partial int WaitPid(int pid, int* status, int options);

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SendSignal(int pid, int signal);

    /// <summary>A started child: its id and the read ends of its stdout and stderr.</summary>
    internal sealed class Child
    {
        public required int Pid { get; init; }

        public required int Output { get; init; }

        public required int Error { get; init; }

        /// <summary>The write end of its standard input, or -1 when it reads <c>/dev/null</c>.</summary>
        public int Input { get; set; } = -1;
    }

    /// <summary>Runs <paramref name="file"/> (searched on PATH) and returns its exit code and output.</summary>
    /// <exception cref="FileNotFoundException">The program is not on PATH.</exception>
    /// <exception cref="TimeoutException">It ran longer than <paramref name="timeout"/> and was killed.</exception>
    public static GitResult Run(string file, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout) =>
        Wait(Start(file, arguments, environment), timeout);

    /// <summary>Starts <paramref name="file"/> without waiting, so several children can run at once.</summary>
    /// <exception cref="FileNotFoundException">The program is not on PATH.</exception>
    public static Child Start(string file, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, bool withInput = false)
    {
        var strings = new List<object>(); // Unmanaged UTF-8 copies; object, not nint, to stay on precompiled generic code.
        byte* actions = stackalloc byte[256]; // glibc's posix_spawn_file_actions_t is 80 bytes.
        int* output = stackalloc int[2];
        int* error = stackalloc int[2];
        int* input = stackalloc int[2];
        output[0] = output[1] = error[0] = error[1] = input[0] = input[1] = -1;
        bool actionsReady = false, started = false;
        try
        {
            if (Pipe2(output, CloseOnExec) != 0 || Pipe2(error, CloseOnExec) != 0 || (withInput && Pipe2(input, CloseOnExec) != 0))
                throw new IOException($"pipe2 failed (errno {Marshal.GetLastPInvokeError()})");
            ActionsInit(actions);
            actionsReady = true;
            if (withInput) ActionsDup2(actions, input[0], 0);
            else ActionsOpen(actions, 0, Utf8(strings, "/dev/null"), ReadOnly, 0);
            ActionsDup2(actions, output[1], 1);
            ActionsDup2(actions, error[1], 2);

            var argv = new IntPtr[arguments.Count + 2];
            argv[0] = (IntPtr)Utf8(strings, file);
            for (int i = 0; i < arguments.Count; i++) argv[i + 1] = (IntPtr)Utf8(strings, arguments[i]);
            var envp = BuildEnvironment(strings, environment);

            int pid;
            int spawned;
            fixed (IntPtr* argvPointer = argv)
            fixed (IntPtr* envpPointer = envp)
            {
                spawned = SpawnP(&pid, (byte*)argv[0], actions, null, (byte**)argvPointer, (byte**)envpPointer);
            }
            if (spawned == NoSuchFile) throw new FileNotFoundException($"{file} is not on PATH");
            if (spawned != 0) throw new IOException($"posix_spawnp {file} failed (errno {spawned})");
            started = true;
            return new Child { Pid = pid, Output = output[0], Error = error[0], Input = input[1] };
        }
        finally
        {
            // The child has its own copies of the write ends (and the parent never needs them).
            if (output[1] >= 0) Close(output[1]);
            if (error[1] >= 0) Close(error[1]);
            if (input[0] >= 0) Close(input[0]);
            if (!started)
            {
                if (output[0] >= 0) Close(output[0]);
                if (error[0] >= 0) Close(error[0]);
                if (input[1] >= 0) Close(input[1]);
            }
            if (actionsReady) ActionsDestroy(actions);
            foreach (var s in strings) Marshal.FreeCoTaskMem((IntPtr)s);
        }
    }

    /// <summary>
    /// Collects a started child's output and exit code; kills it after <paramref name="timeout"/> or
    /// when <paramref name="cancellation"/> fires. With a <paramref name="sink"/>, standard output goes
    /// to it as it arrives (and the result's output is empty) instead of being kept.
    /// </summary>
    /// <exception cref="TimeoutException">It ran longer than <paramref name="timeout"/> and was killed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the child was killed.</exception>
    public static GitResult Wait(Child child, TimeSpan timeout, OutputSink? sink = null, CancellationToken cancellation = default)
    {
        try
        {
            (string, string, bool) drained;
            try
            {
                drained = Drain(child.Output, child.Error, timeout, sink, cancellation);
            }
            catch
            {
                // The sink failed (a parse error, say): the child must not outlive the read.
                SendSignal(child.Pid, Kill);
                Reap(child.Pid);
                throw;
            }
            var (stdout, stderr, finished) = drained;
            if (!finished)
            {
                SendSignal(child.Pid, Kill);
                Reap(child.Pid);
                cancellation.ThrowIfCancellationRequested();
                throw new TimeoutException();
            }
            int status = Reap(child.Pid);
            int exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
            return new GitResult(exitCode, stdout, stderr);
        }
        finally
        {
            Close(child.Output);
            Close(child.Error);
            // The input's owner closes it (GitInput): closing it here could race a write on another thread.
        }
    }

    /// <summary>Writes to a child's standard input (blocking while its pipe is full).</summary>
    /// <exception cref="IOException">The child no longer reads (it exited), or input was closed.</exception>
    public static void WriteInput(Child child, ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (child.Input < 0) throw new IOException("the program's input is closed");
            nint written;
            fixed (byte* b = bytes) written = Write(child.Input, b, bytes.Length);
            if (written < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno == Interrupted) continue;
                throw new IOException($"writing to the program failed (errno {errno})");
            }
            bytes = bytes[(int)written..];
        }
    }

    /// <summary>Closes a child's standard input: it sees the end of its input.</summary>
    public static void CloseInput(Child child)
    {
        if (child.Input < 0) return;
        Close(child.Input);
        child.Input = -1;
    }

    /// <summary>Reads both pipes until both are closed, or until the timeout passes or the token fires.</summary>
    private static (string Output, string Error, bool Finished) Drain(int output, int error, TimeSpan timeout, OutputSink? sink, CancellationToken cancellation)
    {
        // A cancellable wait polls in slices so that a cancelled token is seen within 50 ms.
        int slice = cancellation.CanBeCanceled ? 50 : int.MaxValue;
        var outputBytes = new MemoryStream();
        var errorBytes = new MemoryStream();
        var buffer = new byte[65536];
        var polls = stackalloc PollDescriptor[2];
        polls[0] = new PollDescriptor { Descriptor = output, Events = PollIn };
        polls[1] = new PollDescriptor { Descriptor = error, Events = PollIn };
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        int open = 2;
        while (open > 0)
        {
            int remaining = (int)Math.Max(0, deadline - Environment.TickCount64);
            if (remaining == 0 || cancellation.IsCancellationRequested) return ("", "", false);
            int ready = Poll(polls, 2, Math.Min(remaining, slice));
            if (ready < 0)
            {
                if (Marshal.GetLastPInvokeError() == Interrupted) continue;
                throw new IOException($"poll failed (errno {Marshal.GetLastPInvokeError()})");
            }
            for (int i = 0; i < 2; i++)
            {
                if (polls[i].Descriptor < 0 || (polls[i].ReturnedEvents & (PollIn | PollHangUp | PollError)) == 0) continue;
                nint read;
                fixed (byte* b = buffer) read = Read(polls[i].Descriptor, b, buffer.Length);
                if (read > 0)
                {
                    if (i == 0 && sink is not null) sink(new ReadOnlySpan<byte>(buffer, 0, (int)read));
                    else (i == 0 ? outputBytes : errorBytes).Write(buffer, 0, (int)read);
                }
                else if (read == 0 || Marshal.GetLastPInvokeError() != Interrupted)
                {
                    polls[i].Descriptor = -1; // poll ignores negative descriptors; the caller closes them.
                    open--;
                }
            }
        }
        return (Encoding.UTF8.GetString(outputBytes.GetBuffer(), 0, (int)outputBytes.Length),
                Encoding.UTF8.GetString(errorBytes.GetBuffer(), 0, (int)errorBytes.Length), true);
    }

    private static int Reap(int pid)
    {
        int status;
        while (WaitPid(pid, &status, 0) < 0)
        {
            if (Marshal.GetLastPInvokeError() != Interrupted) return 0;
        }
        return status;
    }

    private static IntPtr[] BuildEnvironment(List<object> strings, IReadOnlyDictionary<string, string?> changes)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            variables[(string)entry.Key] = (string?)entry.Value ?? "";
        foreach (var (name, value) in changes)
        {
            if (value is null) variables.Remove(name);
            else variables[name] = value;
        }
        var envp = new IntPtr[variables.Count + 1];
        int i = 0;
        foreach (var (name, value) in variables) envp[i++] = (IntPtr)Utf8(strings, name + "=" + value);
        return envp;
    }

    private static byte* Utf8(List<object> strings, string value)
    {
        var pointer = Marshal.StringToCoTaskMemUTF8(value);
        strings.Add(pointer);
        return (byte*)pointer;
    }
}
