using System.Collections;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;

namespace CareerLsp.Workspace;

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
    }

    /// <summary>Runs <paramref name="file"/> (searched on PATH) and returns its exit code and output.</summary>
    /// <exception cref="FileNotFoundException">The program is not on PATH.</exception>
    /// <exception cref="TimeoutException">It ran longer than <paramref name="timeout"/> and was killed.</exception>
    public static GitResult Run(string file, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout) =>
        Wait(Start(file, arguments, environment), timeout);

    /// <summary>Starts <paramref name="file"/> without waiting, so several children can run at once.</summary>
    /// <exception cref="FileNotFoundException">The program is not on PATH.</exception>
    public static Child Start(string file, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var strings = new List<object>(); // Unmanaged UTF-8 copies; object, not nint, to stay on precompiled generic code.
        byte* actions = stackalloc byte[256]; // glibc's posix_spawn_file_actions_t is 80 bytes.
        int* output = stackalloc int[2];
        int* error = stackalloc int[2];
        output[0] = output[1] = error[0] = error[1] = -1;
        bool actionsReady = false, started = false;
        try
        {
            if (Pipe2(output, CloseOnExec) != 0 || Pipe2(error, CloseOnExec) != 0)
                throw new IOException($"pipe2 failed (errno {Marshal.GetLastPInvokeError()})");
            ActionsInit(actions);
            actionsReady = true;
            ActionsOpen(actions, 0, Utf8(strings, "/dev/null"), ReadOnly, 0);
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
            return new Child { Pid = pid, Output = output[0], Error = error[0] };
        }
        finally
        {
            // The child has its own copies of the write ends (and the parent never needs them).
            if (output[1] >= 0) Close(output[1]);
            if (error[1] >= 0) Close(error[1]);
            if (!started)
            {
                if (output[0] >= 0) Close(output[0]);
                if (error[0] >= 0) Close(error[0]);
            }
            if (actionsReady) ActionsDestroy(actions);
            foreach (var s in strings) Marshal.FreeCoTaskMem((IntPtr)s);
        }
    }

    /// <summary>Collects a started child's output and exit code; kills it after <paramref name="timeout"/>.</summary>
    /// <exception cref="TimeoutException">It ran longer than <paramref name="timeout"/> and was killed.</exception>
    public static GitResult Wait(Child child, TimeSpan timeout)
    {
        try
        {
            var (stdout, stderr, finished) = Drain(child.Output, child.Error, timeout);
            if (!finished)
            {
                SendSignal(child.Pid, Kill);
                Reap(child.Pid);
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
        }
    }

    /// <summary>Reads both pipes until both are closed, or until the timeout passes.</summary>
    private static (string Output, string Error, bool Finished) Drain(int output, int error, TimeSpan timeout)
    {
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
            if (remaining == 0) return ("", "", false);
            int ready = Poll(polls, 2, remaining);
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
                    (i == 0 ? outputBytes : errorBytes).Write(buffer, 0, (int)read);
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
