using System.Text.Json;

namespace CareerLsp.Protocol.Tests;

/// <summary>Optional LSP members may be left out by clients (VS Code omits <c>only</c>, <c>version</c>…).</summary>
public sealed class LspTypesTests
{
    [Fact]
    public void Optional_members_may_be_missing_and_required_ones_may_not()
    {
        var context = JsonSerializer.Deserialize("""{"diagnostics":[]}""", LspJsonContext.Default.CodeActionContext)!;
        Assert.Null(context.Only);
        var change = JsonSerializer.Deserialize("""{"textDocument":{"uri":"file:///a"},"contentChanges":[{"text":"x"}]}""", LspJsonContext.Default.DidChangeTextDocumentParams)!;
        Assert.Null(change.TextDocument.Version);
        Assert.Null(JsonSerializer.Deserialize("""{}""", LspJsonContext.Default.DidChangeConfigurationParams)!.Settings);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"textDocument":{}}""", LspJsonContext.Default.DidOpenTextDocumentParams));
    }
}
