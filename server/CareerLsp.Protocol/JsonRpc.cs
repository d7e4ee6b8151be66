using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareerLsp.Protocol;

/// <summary>A JSON-RPC request id: an integer or a string, echoed back exactly as it came.</summary>
[JsonConverter(typeof(RequestIdConverter))]
public sealed record RequestId
{
    private RequestId(long? number, string? text)
    {
        Number = number;
        Text = text;
    }

    public long? Number { get; }

    public string? Text { get; }

    public static RequestId Of(long number) => new(number, null);

    public static RequestId Of(string text) => new(null, text);

    /// <summary>Reads an id element; <c>null</c> when it is neither an integer nor a string.</summary>
    public static RequestId? From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetInt64(out long n) => Of(n),
        JsonValueKind.String => Of(element.GetString()!),
        _ => null,
    };

    public void WriteTo(Utf8JsonWriter writer)
    {
        if (Number is { } n) writer.WriteNumberValue(n);
        else writer.WriteStringValue(Text);
    }

    public override string ToString() => Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"\"{Text}\"";
}

internal sealed class RequestIdConverter : JsonConverter<RequestId>
{
    public override RequestId? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => RequestId.Of(reader.GetInt64()),
        JsonTokenType.String => RequestId.Of(reader.GetString()!),
        _ => throw new JsonException("a request id is an integer or a string"),
    };

    public override void Write(Utf8JsonWriter writer, RequestId value, JsonSerializerOptions options) => value.WriteTo(writer);
}

/// <summary>JSON-RPC and LSP error codes.</summary>
public static class ErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int UnknownErrorCode = -32001;
    public const int RequestFailed = -32803;
    public const int ServerCancelled = -32802;
    public const int ContentModified = -32801;
    public const int RequestCancelled = -32800;
}

/// <summary>An error a handler answers a request with.</summary>
public sealed class LspException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}

/// <summary>An error response from the other side to a request we sent.</summary>
public sealed class ResponseErrorException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
