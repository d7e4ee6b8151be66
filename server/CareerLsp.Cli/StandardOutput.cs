using System.Runtime.InteropServices;

namespace CareerLsp.Cli;

/// <summary>
/// Writes the report to stdout. On Linux with write(2) on descriptor 1: it advances the file offset
/// the shell shares with whatever writes next to the same redirection (a FileStream would pwrite at
/// its own offset and be overwritten), and it skips Console's terminal set-up on first write
/// (terminfo, signal handlers), which the commit-msg hook would pay on every commit.
/// </summary>
internal static unsafe partial class StandardOutput
{
    private const int Interrupted = 4, BrokenPipe = 32;

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteSystemCall(int descriptor, byte* buffer, nint count);

    public static void Write(byte[] bytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            using var console = Console.OpenStandardOutput();
            console.Write(bytes, 0, bytes.Length);
            return;
        }
        fixed (byte* start = bytes)
        {
            int written = 0;
            while (written < bytes.Length)
            {
                nint n = WriteSystemCall(1, start + written, bytes.Length - written);
                if (n > 0) { written += (int)n; continue; }
                if (n < 0 && Marshal.GetLastPInvokeError() == Interrupted) continue;
                if (n < 0 && Marshal.GetLastPInvokeError() == BrokenPipe) return; // The reader went away (| head): nothing to tell.
                throw new IOException($"cannot write to standard output (errno {Marshal.GetLastPInvokeError()})");
            }
        }
    }
}
