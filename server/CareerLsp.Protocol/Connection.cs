using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CareerLsp.Protocol;

/// <summary>Where a connection is in the LSP lifecycle.</summary>
public enum LifecycleState
{
    /// <summary>Before <c>initialize</c>: requests get -32002, notifications are dropped (but <c>exit</c>).</summary>
    Uninitialized,

    /// <summary>Between <c>initialize</c> and <c>shutdown</c>.</summary>
    Running,

    /// <summary>After <c>shutdown</c>: requests get -32600; only <c>exit</c> is acted on.</summary>
    ShutDown,
}

/// <summary>
/// A JSON-RPC 2.0 connection speaking the LSP 3.17 lifecycle over the base protocol.
/// <list type="bullet">
/// <item>Notifications are handled on the read loop, strictly in arrival order, so document changes
/// apply in order. A request handler is started on the read loop too: whatever it reads before its
/// first <c>await</c> sees exactly the state the preceding messages left; it then completes in the
/// background and is answered when done.</item>
/// <item><c>$/cancelRequest</c> cancels the handler's token; a cancelled request is still answered
/// (-32800). Unknown <c>$/</c> notifications are ignored, unknown methods get -32601.</item>
/// <item>Requests to the client have their own id table; responses complete them.</item>
/// <item><c>exit</c> ends <see cref="RunAsync"/> with 0 after <c>shutdown</c> and 1 otherwise.</item>
/// </list>
/// Only frames are written to the output stream; the log goes elsewhere (stderr).
/// </summary>
public sealed class Connection
{
    private delegate void RequestHandler(RequestId id, JsonElement? parameters);
    private delegate void NotificationHandler(JsonElement? parameters);

    private readonly MessageReader _reader;
    private readonly MessageWriter _writer;
    private readonly TextWriter _log;
    private readonly Dictionary<string, RequestHandler> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NotificationHandler> _notifications = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<RequestId, CancellationTokenSource> _running = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentDictionary<Task, bool> _inFlight = new();
    private long _nextOutgoingId;
    private int? _exitCode;

    public Connection(Stream input, Stream output, TextWriter log)
    {
        _reader = new MessageReader(input);
        _writer = new MessageWriter(output);
        _log = log;
    }

    public LifecycleState State { get; private set; } = LifecycleState.Uninitialized;

    /// <summary>The trace level the client asked for (<c>off</c>, <c>messages</c>, <c>verbose</c>).</summary>
    public string Trace { get; set; } = "off";

    /// <summary>Registers a request handler. <c>initialize</c> is one; <c>shutdown</c> is built in.</summary>
    public void OnRequest<TParams, TResult>(string method, JsonTypeInfo<TParams> parameters, JsonTypeInfo<TResult> result,
        Func<TParams, CancellationToken, Task<TResult>> handler)
    {
        _requests[method] = (id, element) =>
        {
            if (!TryRead(element, parameters, out var value, out string? problem))
            {
                Track(SendErrorAsync(id, ErrorCodes.InvalidParams, $"{method}: {problem}"));
                return;
            }
            var cancellation = new CancellationTokenSource();
            _running[id] = cancellation;
            Task<TResult> task;
            try
            {
                task = handler(value!, cancellation.Token);
            }
            catch (Exception e)
            {
                task = Task.FromException<TResult>(e);
            }
            Track(CompleteAsync(method, id, task, result, cancellation));
        };
    }

    /// <summary>Registers a notification handler; it runs on the read loop, in order.</summary>
    public void OnNotification<TParams>(string method, JsonTypeInfo<TParams> parameters, Action<TParams> handler)
    {
        _notifications[method] = element =>
        {
            if (!TryRead(element, parameters, out var value, out string? problem))
            {
                Log($"{method}: invalid params ({problem}); ignored");
                return;
            }
            handler(value!);
        };
    }

    public Task SendNotificationAsync<T>(string method, T value, JsonTypeInfo<T> info) =>
        _writer.WriteAsync(Serialize(w =>
        {
            w.WriteString("method", method);
            w.WritePropertyName("params");
            JsonSerializer.Serialize(w, value, info);
        }));

    /// <summary>Sends a request to the client and waits for its answer.</summary>
    /// <exception cref="ResponseErrorException">The client answered with an error.</exception>
    public async Task<TResult?> SendRequestAsync<TParams, TResult>(string method, TParams value, JsonTypeInfo<TParams> parameters,
        JsonTypeInfo<TResult> result, CancellationToken cancellationToken = default)
    {
        long id = Interlocked.Increment(ref _nextOutgoingId);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        await _writer.WriteAsync(Serialize(w =>
        {
            w.WriteNumber("id", id);
            w.WriteString("method", method);
            w.WritePropertyName("params");
            JsonSerializer.Serialize(w, value, parameters);
        }), cancellationToken).ConfigureAwait(false);
        using var registration = cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken));
        var element = await completion.Task.ConfigureAwait(false);
        return element.ValueKind == JsonValueKind.Null ? default : element.Deserialize(result);
    }

    /// <summary>Sends <c>$/logTrace</c> when the client has tracing on.</summary>
    public Task LogTraceAsync(string message, string? verbose = null) =>
        Trace == "off" ? Task.CompletedTask
            : SendNotificationAsync("$/logTrace", new LogTraceParams(message, Trace == "verbose" ? verbose : null), LspJsonContext.Default.LogTraceParams);

    /// <summary>Writes a line to the log (stderr), never to the protocol stream.</summary>
    public void Log(string message)
    {
        lock (_log)
        {
            _log.WriteLine($"careerlsp: {message}");
            _log.Flush();
        }
    }

    /// <summary>Reads and dispatches until <c>exit</c> (or the end of input); returns the exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        while (_exitCode is null)
        {
            var frame = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            switch (frame)
            {
                case Frame.End:
                    Log("the client closed the connection");
                    _exitCode = State == LifecycleState.ShutDown ? 0 : 1;
                    break;
                case Frame.Invalid invalid:
                    Log($"skipped a malformed message: {invalid.Problem}");
                    break;
                case Frame.Payload payload:
                    Dispatch(payload.Bytes);
                    break;
            }
        }
        // Let answers already under way reach the client before the process ends.
        await Task.WhenAny(Task.WhenAll(_inFlight.Keys), Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false);
        return _exitCode.Value;
    }

    private void Dispatch(byte[] bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            Log($"invalid JSON: {e.Message}");
            Track(SendErrorAsync(null, ErrorCodes.ParseError, $"Parse error: {e.Message}"));
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Track(SendErrorAsync(null, ErrorCodes.InvalidRequest, root.ValueKind == JsonValueKind.Array
                    ? "Batches are not supported by LSP" : "A message must be a JSON object"));
                return;
            }
            bool hasId = root.TryGetProperty("id", out var idElement);
            var id = hasId ? RequestId.From(idElement) : null;
            JsonElement? parameters = root.TryGetProperty("params", out var p) ? p : null;

            if (root.TryGetProperty("method", out var methodElement) && methodElement.ValueKind == JsonValueKind.String)
            {
                string method = methodElement.GetString()!;
                if (!hasId) HandleNotification(method, parameters);
                else if (id is null) Track(SendErrorAsync(null, ErrorCodes.InvalidRequest, "A request id must be an integer or a string"));
                else HandleRequest(id, method, parameters);
                return;
            }
            if (hasId && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _)))
            {
                HandleResponse(idElement, root);
                return;
            }
            Track(SendErrorAsync(id, ErrorCodes.InvalidRequest, "Not a request, notification or response"));
        }
    }

    private void HandleRequest(RequestId id, string method, JsonElement? parameters)
    {
        if (State == LifecycleState.ShutDown)
        {
            Track(SendErrorAsync(id, ErrorCodes.InvalidRequest, $"{method}: the server is shut down"));
            return;
        }
        if (method == "initialize")
        {
            if (State != LifecycleState.Uninitialized)
            {
                Track(SendErrorAsync(id, ErrorCodes.InvalidRequest, "initialize may only be sent once"));
                return;
            }
            State = LifecycleState.Running;
        }
        else if (State == LifecycleState.Uninitialized)
        {
            Track(SendErrorAsync(id, ErrorCodes.ServerNotInitialized, $"{method}: the server has not been initialized"));
            return;
        }
        if (method == "shutdown")
        {
            State = LifecycleState.ShutDown;
            Track(ShutdownAsync(id));
            return;
        }
        if (_requests.TryGetValue(method, out var handler)) handler(id, parameters);
        else Track(SendErrorAsync(id, ErrorCodes.MethodNotFound, $"Unhandled method {method}"));
    }

    private async Task ShutdownAsync(RequestId id)
    {
        await _writer.WriteAsync(Serialize(w =>
        {
            WriteId(w, id);
            w.WriteNull("result");
        })).ConfigureAwait(false);
    }

    private void HandleNotification(string method, JsonElement? parameters)
    {
        switch (method)
        {
            case "exit":
                _exitCode = State == LifecycleState.ShutDown ? 0 : 1;
                return;
            case "$/cancelRequest":
                if (parameters is { ValueKind: JsonValueKind.Object } cancel && cancel.TryGetProperty("id", out var target) &&
                    RequestId.From(target) is { } targetId && _running.TryGetValue(targetId, out var source))
                    source.Cancel();
                return;
            case "$/setTrace":
                if (parameters is { ValueKind: JsonValueKind.Object } trace && trace.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
                    Trace = value.GetString()!;
                return;
        }
        if (State != LifecycleState.Running) return;
        if (_notifications.TryGetValue(method, out var handler))
        {
            try
            {
                handler(parameters);
            }
            catch (Exception e)
            {
                Log($"{method} failed: {e}");
            }
        }
        else if (!method.StartsWith("$/", StringComparison.Ordinal))
        {
            Log($"no handler for notification {method}; ignored");
        }
    }

    private void HandleResponse(JsonElement idElement, JsonElement root)
    {
        if (!idElement.TryGetInt64(out long id) || !_pending.TryRemove(id, out var completion))
        {
            Log($"a response to unknown request {idElement.GetRawText()}; ignored");
            return;
        }
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            int code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out int n) ? n : ErrorCodes.UnknownErrorCode;
            string message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
            completion.TrySetException(new ResponseErrorException(code, message));
        }
        else
        {
            completion.TrySetResult(root.GetProperty("result").Clone());
        }
    }

    private async Task CompleteAsync<TResult>(string method, RequestId id, Task<TResult> task, JsonTypeInfo<TResult> info, CancellationTokenSource cancellation)
    {
        try
        {
            TResult value;
            try
            {
                value = await task.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                await SendErrorAsync(id, ErrorCodes.RequestCancelled, $"{method} was cancelled").ConfigureAwait(false);
                return;
            }
            catch (LspException e)
            {
                await SendErrorAsync(id, e.Code, e.Message).ConfigureAwait(false);
                return;
            }
            catch (Exception e)
            {
                Log($"{method} failed: {e}");
                await SendErrorAsync(id, ErrorCodes.InternalError, $"{method} failed: {e.Message}").ConfigureAwait(false);
                return;
            }
            await _writer.WriteAsync(Serialize(w =>
            {
                WriteId(w, id);
                w.WritePropertyName("result");
                if (value is null) w.WriteNullValue();
                else JsonSerializer.Serialize(w, value, info);
            })).ConfigureAwait(false);
        }
        finally
        {
            _running.TryRemove(id, out _);
            cancellation.Dispose();
        }
    }

    private Task SendErrorAsync(RequestId? id, int code, string message) =>
        _writer.WriteAsync(Serialize(w =>
        {
            if (id is null) w.WriteNull("id");
            else WriteId(w, id);
            w.WriteStartObject("error");
            w.WriteNumber("code", code);
            w.WriteString("message", message);
            w.WriteEndObject();
        }));

    private static void WriteId(Utf8JsonWriter writer, RequestId id)
    {
        writer.WritePropertyName("id");
        id.WriteTo(writer);
    }

    private static byte[] Serialize(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static bool TryRead<T>(JsonElement? element, JsonTypeInfo<T> info, out T? value, out string? problem)
    {
        problem = null;
        value = default;
        if (element is null || element.Value.ValueKind == JsonValueKind.Null)
        {
            if (typeof(T) == typeof(Empty)) { value = (T)(object)new Empty(); return true; }
            problem = "params are missing";
            return false;
        }
        try
        {
            value = element.Value.Deserialize(info);
            if (value is null) { problem = "params are null"; return false; }
            return true;
        }
        catch (JsonException e)
        {
            problem = e.Message;
            return false;
        }
    }

    private void Track(Task task)
    {
        _inFlight[task] = true;
        task.ContinueWith(t =>
        {
            _inFlight.TryRemove(t, out _);
            if (t.Exception is { } e) Log($"writing a response failed: {e.GetBaseException().Message}");
        }, TaskScheduler.Default);
    }
}
