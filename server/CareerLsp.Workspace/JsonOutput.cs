using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CareerLsp.Workspace;

/// <summary>The one JSON writer of every <c>--format json</c> and SARIF output: indented, UTF-8, one document and a newline.</summary>
public static class JsonOutput
{
    /// <summary>Writes one indented JSON document (no HTML escaping: it is never embedded in a page).</summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
