namespace CareerLsp.Protocol;

/// <summary>
/// Reads a blocking stream (stdin) on a thread of its own. A console or pipe stream's ReadAsync
/// blocks the calling thread in read(2), so the server's read loop held a thread-pool worker for
/// its whole life; with one worker blocked, the pool did not add another, and diagnostics and
/// replies waited (seen under load: only "TP Worker" in read(2), the gate thread asleep).
/// One read is outstanding at a time, as the message reader asks for them.
/// </summary>
public sealed class DedicatedReadStream : Stream
{
    private readonly Stream _inner;
    private readonly SemaphoreSlim _requested = new(0);
    private Memory<byte> _buffer;
    private TaskCompletionSource<int>? _pending;

    public DedicatedReadStream(Stream inner)
    {
        _inner = inner;
        new Thread(ReadLoop) { IsBackground = true, Name = "careerlsp stdin" }.Start();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var pending = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _buffer = buffer;
        Volatile.Write(ref _pending, pending);
        _requested.Release();
        return new ValueTask<int>(pending.Task.WaitAsync(cancellationToken));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    private void ReadLoop()
    {
        while (true)
        {
            _requested.Wait();
            var pending = Volatile.Read(ref _pending)!;
            try
            {
                int read = _inner.Read(_buffer.Span);
                pending.TrySetResult(read);
                if (read == 0) return;
            }
            catch (Exception e)
            {
                pending.TrySetException(e);
                return;
            }
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
