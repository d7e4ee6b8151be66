using System.Text;

namespace CareerLsp.Protocol.Tests;

public sealed class MessageReaderTests
{
    /// <summary>A stream that returns at most one byte per read: every partial read path runs.</summary>
    private sealed class Trickle(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }

    private static byte[] Frame(string json) => Encoding.UTF8.GetBytes($"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}");

    private static async Task<List<Frame>> ReadAll(Stream stream)
    {
        var reader = new MessageReader(stream);
        var frames = new List<Frame>();
        while (true)
        {
            var frame = await reader.ReadAsync();
            if (frame is Frame.End) return frames;
            frames.Add(frame);
        }
    }

    private static string Text(Frame frame) => Encoding.UTF8.GetString(Assert.IsType<Frame.Payload>(frame).Bytes);

    [Fact]
    public async Task Several_frames_in_one_read_and_utf8_lengths()
    {
        var bytes = Frame("{\"a\":\"é😀\"}").Concat(Frame("{\"b\":2}")).ToArray();
        var frames = await ReadAll(new MemoryStream(bytes));
        Assert.Equal(["{\"a\":\"é😀\"}", "{\"b\":2}"], frames.Select(Text));
    }

    [Fact]
    public async Task One_byte_at_a_time()
    {
        var bytes = Frame("{\"a\":1}").Concat(Encoding.ASCII.GetBytes("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n")).Concat(Frame("{\"b\":2}")).ToArray();
        var frames = await ReadAll(new Trickle(bytes));
        Assert.Equal(["{\"a\":1}", "{\"b\":2}"], frames.Select(Text));
    }

    [Fact]
    public async Task Bad_header_blocks_are_reported_and_the_next_frame_is_read()
    {
        var bytes = Encoding.ASCII.GetBytes("garbage\r\n\r\nContent-Length: x1\r\n\r\nContent-Lenght: 3\r\n\r\n").Concat(Frame("{}")).ToArray();
        var frames = await ReadAll(new MemoryStream(bytes));
        Assert.Equal(4, frames.Count);
        Assert.Contains("not a header", Assert.IsType<Frame.Invalid>(frames[0]).Problem);
        Assert.Contains("not a number", Assert.IsType<Frame.Invalid>(frames[1]).Problem);
        Assert.Contains("unknown header", Assert.IsType<Frame.Invalid>(frames[2]).Problem);
        Assert.Equal("{}", Text(frames[3]));
    }

    [Fact]
    public async Task Garbage_glued_to_a_header_still_resynchronises()
    {
        var bytes = Encoding.ASCII.GetBytes("\u0001\u0002binary junk\r\n").Concat(Frame("{\"ok\":true}")).ToArray();
        var frames = await ReadAll(new MemoryStream(bytes));
        Assert.Equal("{\"ok\":true}", Text(Assert.Single(frames)));
    }

    [Fact]
    public async Task Oversized_body_is_skipped()
    {
        int size = MessageReader.MaxBodyBytes + 10;
        var bytes = Encoding.ASCII.GetBytes($"Content-Length: {size}\r\n\r\n").Concat(new byte[size]).Concat(Frame("{}")).ToArray();
        var frames = await ReadAll(new MemoryStream(bytes));
        Assert.Contains("over the", Assert.IsType<Frame.Invalid>(frames[0]).Problem);
        Assert.Equal("{}", Text(frames[1]));
    }

    [Fact]
    public async Task Truncated_body_is_the_end()
    {
        var frames = await ReadAll(new MemoryStream(Encoding.ASCII.GetBytes("Content-Length: 10\r\n\r\n{\"a\"")));
        Assert.Empty(frames);
    }
}
