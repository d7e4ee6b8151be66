using System.Text;

namespace CareerLsp.Protocol;

/// <summary>What reading one frame gave: a payload, a framing problem to log, or the end of input.</summary>
public abstract record Frame
{
    private Frame() { }

    /// <summary>A complete message body (UTF-8 JSON, not yet parsed).</summary>
    public sealed record Payload(byte[] Bytes) : Frame;

    /// <summary>A header block that could not be used; the reader has resynchronised after it.</summary>
    public sealed record Invalid(string Problem) : Frame;

    /// <summary>The input ended (the client went away).</summary>
    public sealed record End : Frame;
}

/// <summary>
/// Reads base-protocol frames: header lines ending in <c>\r\n</c>, an empty line, then exactly
/// <c>Content-Length</c> bytes. Handles partial reads and several frames per read. A header block
/// without a usable <c>Content-Length</c> (garbage, a typo, a negative or absurd number) is reported
/// and skipped; a body over <see cref="MaxBodyBytes"/> is read past and reported, so the stream
/// stays in sync and the server keeps serving.
/// </summary>
public sealed class MessageReader
{
    /// <summary>Far above any real message (a whole large document is a few MB).</summary>
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    private const int MaxHeaderBytes = 64 * 1024;
    private readonly Stream _input;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public MessageReader(Stream input) => _input = input;

    public async ValueTask<Frame> ReadAsync(CancellationToken cancellationToken = default)
    {
        // Headers: lines until an empty line.
        int? length = null;
        var problems = new List<string>();
        int headerBytes = 0;
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null) return new Frame.End();
            headerBytes += line.Length + 2;
            if (line.Length == 0)
            {
                if (length is not null) break;
                if (problems.Count == 0 && headerBytes == 2) continue; // Stray blank line between frames.
                return new Frame.Invalid(problems.Count > 0 ? string.Join("; ", problems) : "a header block without Content-Length");
            }
            if (headerBytes > MaxHeaderBytes)
            {
                return new Frame.Invalid($"more than {MaxHeaderBytes} bytes of headers");
            }
            int colon = line.IndexOf(':');
            if (colon <= 0)
            {
                problems.Add($"not a header: \"{Shorten(line)}\"");
                continue;
            }
            string name = line[..colon].Trim();
            string value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n)) length = n;
                else problems.Add($"Content-Length is not a number: \"{Shorten(value)}\"");
            }
            else if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"unknown header \"{Shorten(name)}\"");
            }
        }

        if (length > MaxBodyBytes)
        {
            await SkipAsync(length.Value, cancellationToken).ConfigureAwait(false);
            return new Frame.Invalid($"a {length} byte message is over the {MaxBodyBytes} byte limit; skipped");
        }
        var body = new byte[length!.Value];
        int filled = 0;
        while (filled < body.Length)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false)) return new Frame.End();
            int take = Math.Min(_end - _start, body.Length - filled);
            Buffer.BlockCopy(_buffer, _start, body, filled, take);
            _start += take;
            filled += take;
        }
        return new Frame.Payload(body);
    }

    /// <summary>Reads a header line (ASCII), without its <c>\r\n</c> (a bare <c>\n</c> is accepted too).</summary>
    private async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
                return line.Length > 0 ? line.ToString() : null;
            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            int stop = newline < 0 ? _end : newline;
            line.Append(Encoding.Latin1.GetString(_buffer, _start, stop - _start));
            _start = newline < 0 ? _end : newline + 1;
            if (newline >= 0)
            {
                if (line.Length > 0 && line[^1] == '\r') line.Length--;
                return line.ToString();
            }
            if (line.Length > MaxHeaderBytes) return line.ToString(0, MaxHeaderBytes);
        }
    }

    private async ValueTask SkipAsync(int count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false)) return;
            int take = Math.Min(_end - _start, count);
            _start += take;
            count -= take;
        }
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await _input.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        return _end > 0;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
