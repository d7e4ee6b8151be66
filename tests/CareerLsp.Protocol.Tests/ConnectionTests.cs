using System.IO.Pipes;
using System.Text;
using System.Text.Json;

namespace CareerLsp.Protocol.Tests;

/// <summary>A client end over OS pipes, talking raw frames to a <see cref="Connection"/> under test.</summary>
internal sealed class Harness : IAsyncDisposable
{
    private readonly AnonymousPipeServerStream _toServer = new(PipeDirection.Out);
    private readonly AnonymousPipeServerStream _fromServer = new(PipeDirection.In);
    private readonly MessageReader _reader;

    public Harness(Action<Connection>? setup = null)
    {
        var serverIn = new AnonymousPipeClientStream(PipeDirection.In, _toServer.ClientSafePipeHandle);
        var serverOut = new AnonymousPipeClientStream(PipeDirection.Out, _fromServer.ClientSafePipeHandle);
        Log = new StringWriter();
        Connection = new Connection(serverIn, serverOut, Log);
        setup?.Invoke(Connection);
        Run = Task.Run(() => Connection.RunAsync());
        _reader = new MessageReader(_fromServer);
    }

    public Connection Connection { get; }

    public StringWriter Log { get; }

    public Task<int> Run { get; }

    public async Task SendRaw(byte[] bytes)
    {
        await _toServer.WriteAsync(bytes);
        await _toServer.FlushAsync();
    }

    public Task Send(string json) => SendRaw(Encoding.UTF8.GetBytes($"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}"));

    public async Task<JsonElement> Receive()
    {
        var read = _reader.ReadAsync().AsTask();
        if (await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(10))) != read) throw new TimeoutException("no message from the server");
        var frame = Assert.IsType<Frame.Payload>(await read);
        return JsonDocument.Parse(frame.Bytes).RootElement.Clone();
    }

    public async Task<JsonElement> Request(object id, string method, string parameters = "{}")
    {
        string idJson = id is string s ? $"\"{s}\"" : id.ToString()!;
        await Send($"{{\"jsonrpc\":\"2.0\",\"id\":{idJson},\"method\":\"{method}\",\"params\":{parameters}}}");
        return await Receive();
    }

    public async Task Initialize() => Assert.True((await Request(1, "initialize")).TryGetProperty("result", out _));

    public async ValueTask DisposeAsync()
    {
        try { await Send("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"); } catch (IOException) { }
        await Task.WhenAny(Run, Task.Delay(2000));
        _toServer.Dispose();
        _fromServer.Dispose();
    }
}

public sealed class ConnectionTests
{
    private static void Setup(Connection c)
    {
        c.OnRequest("initialize", LspJsonContext.Default.InitializeParams, LspJsonContext.Default.InitializeResult,
            (_, _) => Task.FromResult(new InitializeResult(new ServerCapabilities(), null)));
        c.OnRequest("test/echo", LspJsonContext.Default.SetTraceParams, LspJsonContext.Default.SetTraceParams,
            (p, _) => Task.FromResult(p));
        c.OnRequest("test/block", LspJsonContext.Default.Empty, LspJsonContext.Default.Empty, async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new Empty();
        });
        c.OnRequest("test/throw", LspJsonContext.Default.Empty, LspJsonContext.Default.Empty,
            (_, _) => throw new InvalidOperationException("boom"));
        c.OnRequest("test/ask", LspJsonContext.Default.Empty, LspJsonContext.Default.JsonElement, async (_, token) =>
            (await c.SendRequestAsync("client/question", new SetTraceParams("q"), LspJsonContext.Default.SetTraceParams,
                LspJsonContext.Default.JsonElement, token)));
    }

    private static int ErrorCode(JsonElement response) => response.GetProperty("error").GetProperty("code").GetInt32();

    [Fact]
    public async Task Lifecycle_errors_and_exit_codes()
    {
        await using var h = new Harness(Setup);
        Assert.Equal(-32002, ErrorCode(await h.Request(7, "test/echo", "{\"value\":\"x\"}")));
        await h.Initialize();
        Assert.Equal(-32600, ErrorCode(await h.Request(2, "initialize")));
        var echo = await h.Request("abc", "test/echo", "{\"value\":\"x\"}");
        Assert.Equal("abc", echo.GetProperty("id").GetString());
        Assert.Equal("x", echo.GetProperty("result").GetProperty("value").GetString());
        Assert.Equal(-32601, ErrorCode(await h.Request(3, "no/such")));
        Assert.Equal(-32601, ErrorCode(await h.Request(4, "$/unknownRequest")));
        Assert.Equal(-32602, ErrorCode(await h.Request(5, "test/echo", "{\"value\":3}")));
        Assert.Equal(-32603, ErrorCode(await h.Request(6, "test/throw")));
        var shutdown = await h.Request(8, "shutdown");
        Assert.Equal(JsonValueKind.Null, shutdown.GetProperty("result").ValueKind);
        Assert.Equal(-32600, ErrorCode(await h.Request(9, "test/echo", "{\"value\":\"x\"}")));
        await h.Send("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
        Assert.Equal(0, await h.Run);
    }

    [Fact]
    public async Task Exit_without_shutdown_is_code_one()
    {
        await using var h = new Harness(Setup);
        await h.Initialize();
        await h.Send("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
        Assert.Equal(1, await h.Run);
    }

    [Fact]
    public async Task Parse_errors_and_invalid_messages_get_answers_and_the_next_request_works()
    {
        await using var h = new Harness(Setup);
        await h.Initialize();
        await h.Send("{not json");
        var parse = await h.Receive();
        Assert.Equal(-32700, ErrorCode(parse));
        Assert.Equal(JsonValueKind.Null, parse.GetProperty("id").ValueKind);
        await h.Send("[1,2]");
        Assert.Equal(-32600, ErrorCode(await h.Receive()));
        await h.Send("{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"test/echo\"}");
        Assert.Equal(-32600, ErrorCode(await h.Receive()));
        await h.SendRaw(Encoding.ASCII.GetBytes("Content-Length: nope\r\n\r\n"));
        await h.Send("{\"jsonrpc\":\"2.0\",\"method\":\"$/someNotification\",\"params\":{}}");
        await h.Send("{\"jsonrpc\":\"2.0\",\"method\":\"unknown/notification\",\"params\":{}}");
        var echo = await h.Request(10, "test/echo", "{\"value\":\"still here\"}");
        Assert.Equal("still here", echo.GetProperty("result").GetProperty("value").GetString());
        Assert.Contains("Content-Length is not a number", h.Log.ToString());
        Assert.Contains("no handler for notification unknown/notification", h.Log.ToString());
        Assert.DoesNotContain("$/someNotification", h.Log.ToString());
    }

    [Fact]
    public async Task Cancelled_requests_are_answered_with_request_cancelled()
    {
        await using var h = new Harness(Setup);
        await h.Initialize();
        await h.Send("{\"jsonrpc\":\"2.0\",\"id\":20,\"method\":\"test/block\",\"params\":{}}");
        await h.Send("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":20}}");
        var response = await h.Receive();
        Assert.Equal(20, response.GetProperty("id").GetInt32());
        Assert.Equal(-32800, ErrorCode(response));
    }

    [Fact]
    public async Task Server_to_client_requests_have_their_own_ids()
    {
        await using var h = new Harness(Setup);
        await h.Initialize();
        await h.Send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test/ask\",\"params\":{}}");
        var question = await h.Receive();
        Assert.Equal("client/question", question.GetProperty("method").GetString());
        int id = question.GetProperty("id").GetInt32();
        await h.Send($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":{{\"answer\":42}}}}");
        var answer = await h.Receive();
        Assert.Equal(1, answer.GetProperty("id").GetInt32());
        Assert.Equal(42, answer.GetProperty("result").GetProperty("answer").GetInt32());
    }

    [Fact]
    public async Task Trace_is_set_and_log_trace_is_sent_only_when_on()
    {
        await using var h = new Harness(Setup);
        await h.Initialize();
        await h.Connection.LogTraceAsync("quiet");
        await h.Send("{\"jsonrpc\":\"2.0\",\"method\":\"$/setTrace\",\"params\":{\"value\":\"verbose\"}}");
        await h.Request(2, "test/echo", "{\"value\":\"sync\"}");
        Assert.Equal("verbose", h.Connection.Trace);
        await h.Connection.LogTraceAsync("loud", "details");
        var trace = await h.Receive();
        Assert.Equal("$/logTrace", trace.GetProperty("method").GetString());
        Assert.Equal("loud", trace.GetProperty("params").GetProperty("message").GetString());
        Assert.Equal("details", trace.GetProperty("params").GetProperty("verbose").GetString());
    }
}
