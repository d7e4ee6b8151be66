using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace CareerLsp.Workspace;

/// <summary>A problem reading input, with a one-line message for the user.</summary>
public sealed class InputException(string message) : Exception(message);

/// <summary>Text read from a file or stdin, and where it stopped being valid UTF-8, if it did.</summary>
public sealed record DocumentText(string Text, int? InvalidUtf8Offset);

/// <summary>
/// Reads documents at the edge: size limit, directories, binary files and invalid UTF-8 are told
/// apart and explained, so the engine only ever sees text.
/// </summary>
public static class DocumentReader
{
    /// <summary>Far above any real commit message or PR description (GitHub caps a PR body at 64 KiB).</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    public static DocumentText ReadFile(string path)
    {
        if (Directory.Exists(path)) throw new InputException($"{path} is a directory, not a file");
        if (!File.Exists(path)) throw new InputException($"{path}: no such file");
        long length;
        try { length = new FileInfo(path).Length; }
        catch (IOException e) { throw new InputException($"{path}: {e.Message}"); }
        if (length > MaxBytes) throw new InputException($"{path} is {length / (1024.0 * 1024.0):0.0} MiB; CareerLsp reads documents up to {MaxBytes / (1024 * 1024)} MiB");
        try
        {
            return Decode(File.ReadAllBytes(path), path);
        }
        catch (UnauthorizedAccessException) { throw new InputException($"{path}: permission denied"); }
        catch (IOException e) { throw new InputException($"{path}: {e.Message}"); }
    }

    /// <summary>
    /// Whether the process was started with standard input closed (<c>&lt;&amp;-</c>). The runtime then
    /// reuses descriptor 0 for one of its own pipes, and reading it would block forever. A descriptor
    /// inherited across exec can never carry FD_CLOEXEC, so a flagged or invalid descriptor 0 was not
    /// given to us by the parent.
    /// </summary>
    public static bool StandardInputIsClosed()
    {
        if (OperatingSystem.IsWindows()) return false;
        const int GetDescriptorFlags = 1, CloseOnExec = 1;
        int flags = Fcntl(0, GetDescriptorFlags);
        return flags == -1 || (flags & CloseOnExec) != 0;
    }

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int descriptor, int command);

    public static DocumentText ReadStdin()
    {
        if (StandardInputIsClosed()) throw new InputException("standard input is closed: pipe the message in, or pass a file instead of -");
        Stream stream;
        try { stream = Console.OpenStandardInput(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new InputException($"cannot read standard input: {e.Message}"); }
        return ReadStream(stream, "standard input");
    }

    public static DocumentText ReadStream(Stream stream, string name)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBytes) throw new InputException($"{name} is over {MaxBytes / (1024 * 1024)} MiB; CareerLsp reads documents up to that size");
            }
        }
        catch (IOException e) { throw new InputException($"cannot read {name}: {e.Message}"); }
        catch (ObjectDisposedException) { throw new InputException($"cannot read {name}: it is closed"); }
        catch (NotSupportedException) { throw new InputException($"cannot read {name}: it is closed"); }
        finally { ArrayPool<byte>.Shared.Return(chunk); }
        return Decode(buffer.ToArray(), name);
    }

    /// <summary>Decodes UTF-8 (dropping a BOM); a NUL byte in the first 8000 bytes means binary, as git decides.</summary>
    public static DocumentText Decode(byte[] bytes, string name)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        if (span[..Math.Min(span.Length, 8000)].IndexOf((byte)0) >= 0) throw new InputException($"{name} is a binary file, not text");

        var chars = new char[span.Length];
        var status = Utf8.ToUtf16(span, chars, out _, out int written, replaceInvalidSequences: false);
        if (status == System.Buffers.OperationStatus.Done) return new DocumentText(new string(chars, 0, written), null);
        return new DocumentText(Encoding.UTF8.GetString(span), written);
    }
}
