using System.Text;

namespace CareerLsp.Protocol;

/// <summary>
/// Writes base-protocol frames. One writer owns stdout: only frames go there (logs go to stderr).
/// Writes from several threads are serialised so frames never interleave.
/// </summary>
public sealed class MessageWriter
{
    private readonly Stream _output;
    private readonly SemaphoreSlim _lock = new(1, 1);

    public MessageWriter(Stream output) => _output = output;

    public async Task WriteAsync(byte[] json, CancellationToken cancellationToken = default)
    {
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {json.Length}\r\n\r\n");
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            await _output.WriteAsync(json, cancellationToken).ConfigureAwait(false);
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }
}
