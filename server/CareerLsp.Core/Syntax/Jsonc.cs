using System.Text;
using System.Text.Json;

namespace CareerLsp.Core.Syntax;

/// <summary>A JSON value with the character offsets it was read from, so problems can be pointed at.</summary>
public abstract class JsoncNode
{
    public int Start { get; init; }

    public int End { get; init; }
}

public sealed class JsoncObject : JsoncNode
{
    public List<JsoncProperty> Properties { get; } = [];

    public JsoncProperty? Find(string name) => Properties.LastOrDefault(p => p.Name == name);
}

public sealed record JsoncProperty(string Name, int NameStart, int NameEnd, JsoncNode Value);

public sealed class JsoncArray : JsoncNode
{
    public List<JsoncNode> Items { get; } = [];
}

public sealed class JsoncValue : JsoncNode
{
    public required JsonValueKind Kind { get; init; }

    public string? String { get; init; }

    public double Number { get; init; }

    public string Describe() => Kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}

/// <summary>A syntax error: where (character offset) and what.</summary>
public sealed record JsoncError(int Offset, string Message);

/// <summary>
/// Reads JSON with comments and trailing commas (JSONC, as VS Code's settings) into
/// <see cref="JsoncNode"/>s that remember where each value is. Built on <see cref="Utf8JsonReader"/>;
/// byte offsets are mapped back to UTF-16 offsets so positions agree with the editor's.
/// </summary>
public static class Jsonc
{
    private const int MaxDepth = 64;

    public static (JsoncNode? Root, JsoncError? Error) Parse(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        var charOffsets = MapByteOffsets(text, bytes.Length);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth,
        });
        try
        {
            if (!reader.Read()) return (null, new JsoncError(0, "the file is empty; expected a JSON object"));
            var root = ReadValue(ref reader, charOffsets);
            if (reader.Read()) return (null, new JsoncError(charOffsets[(int)reader.TokenStartIndex], "unexpected content after the top-level value"));
            return (root, null);
        }
        catch (JsonException e)
        {
            return (null, new JsoncError(OffsetOf(text, e.LineNumber ?? 0, e.BytePositionInLine ?? 0), CleanMessage(e.Message)));
        }
    }

    private static JsoncNode ReadValue(ref Utf8JsonReader reader, int[] chars)
    {
        int start = chars[(int)reader.TokenStartIndex];
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var obj = new List<JsoncProperty>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string name = reader.GetString()!;
                    int nameStart = chars[(int)reader.TokenStartIndex];
                    int nameEnd = chars[(int)(reader.TokenStartIndex + reader.ValueSpan.Length + 2)];
                    reader.Read();
                    obj.Add(new JsoncProperty(name, nameStart, nameEnd, ReadValue(ref reader, chars)));
                }
                var node = new JsoncObject { Start = start, End = chars[(int)reader.TokenStartIndex + 1] };
                node.Properties.AddRange(obj);
                return node;
            }
            case JsonTokenType.StartArray:
            {
                var items = new List<JsoncNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) items.Add(ReadValue(ref reader, chars));
                var node = new JsoncArray { Start = start, End = chars[(int)reader.TokenStartIndex + 1] };
                node.Items.AddRange(items);
                return node;
            }
            case JsonTokenType.String:
                return new JsoncValue
                {
                    Kind = JsonValueKind.String, String = reader.GetString(), Start = start,
                    End = chars[(int)(reader.TokenStartIndex + reader.ValueSpan.Length + 2)],
                };
            case JsonTokenType.Number:
                return new JsoncValue
                {
                    Kind = JsonValueKind.Number, Number = reader.GetDouble(), Start = start,
                    End = chars[(int)(reader.TokenStartIndex + reader.ValueSpan.Length)],
                };
            case JsonTokenType.True or JsonTokenType.False:
                return new JsoncValue
                {
                    Kind = reader.TokenType == JsonTokenType.True ? JsonValueKind.True : JsonValueKind.False, Start = start,
                    End = chars[(int)(reader.TokenStartIndex + reader.ValueSpan.Length)],
                };
            default:
                return new JsoncValue { Kind = JsonValueKind.Null, Start = start, End = chars[(int)(reader.TokenStartIndex + reader.ValueSpan.Length)] };
        }
    }

    /// <summary>For every UTF-8 byte offset, the UTF-16 offset of the character it belongs to.</summary>
    private static int[] MapByteOffsets(string text, int byteLength)
    {
        var map = new int[byteLength + 1];
        int b = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int width;
            char c = text[i];
            if (c < 0x80) width = 1;
            else if (c < 0x800) width = 2;
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) width = 4;
            else width = 3;
            for (int k = 0; k < width && b < byteLength; k++) map[b++] = i;
            if (width == 4) i++;
        }
        while (b <= byteLength) map[b++] = text.Length;
        return map;
    }

    private static int OffsetOf(string text, long line, long bytePosition)
    {
        int offset = 0;
        for (long l = 0; l < line && offset < text.Length; l++)
        {
            int next = text.IndexOf('\n', offset);
            if (next < 0) return text.Length;
            offset = next + 1;
        }
        int lineEnd = text.IndexOf('\n', offset);
        string lineText = text[offset..(lineEnd < 0 ? text.Length : lineEnd)];
        byte[] lineBytes = Encoding.UTF8.GetBytes(lineText);
        int take = (int)Math.Min(bytePosition, lineBytes.Length);
        return offset + Encoding.UTF8.GetCharCount(lineBytes, 0, take);
    }

    private static string CleanMessage(string message)
    {
        // System.Text.Json appends " LineNumber: 3 | BytePositionInLine: 4."; positions are reported separately.
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string text = (cut > 0 ? message[..cut] : message).Trim().TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "invalid JSON";
    }
}
