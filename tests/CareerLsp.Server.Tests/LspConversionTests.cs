using CareerLsp.Core.Domain.Findings;
using CareerLsp.Core.Text;

namespace CareerLsp.Server.Tests;

/// <summary>The one bridge between findings and LSP: positions, severities, the rule's code and page, fixes.</summary>
public sealed class LspConversionTests
{
    private static Finding Sample(params Fix[] fixes) =>
        new(RuleCatalog.SourcesRequired, Severity.Error, new TextRange(new Position(0, 0), new Position(0, 14)), "No Sources Consulted section")
        {
            Fixes = fixes,
        };

    [Fact]
    public void A_finding_becomes_a_diagnostic_with_its_rule_as_code_and_its_page_as_description()
    {
        var diagnostic = LspConversion.ToDiagnostic(Sample(), "file:///work/repo/.git/COMMIT_EDITMSG");
        Assert.Equal("CL001", diagnostic.Code);
        Assert.Equal(1, diagnostic.Severity);
        Assert.Equal("No Sources Consulted section (sources-required)", diagnostic.Message);
        Assert.EndsWith("/docs/rules/CL001-sources-required.md", diagnostic.CodeDescription!.Href);
        Assert.Equal(14, diagnostic.Range.End.Character);
    }

    [Theory]
    [InlineData(Severity.Error, 1)]
    [InlineData(Severity.Warning, 2)]
    [InlineData(Severity.Info, 3)]
    [InlineData(Severity.Hint, 4)]
    public void Severities_are_LSP_s(Severity severity, int lsp) => Assert.Equal(lsp, LspConversion.ToLsp(severity));

    [Fact]
    public void A_finding_s_only_fix_is_a_preferred_quick_fix_editing_the_document()
    {
        var fix = new Fix("Add a Sources Consulted section", [new TextEdit(TextRange.Empty(new Position(1, 0)), "\nSources Consulted:\n")]);
        var action = LspConversion.ToCodeAction(fix, Sample(fix), "file:///m");
        Assert.Equal("quickfix", action.Kind);
        Assert.True(action.IsPreferred);
        var edit = Assert.Single(action.Edit!.Changes!["file:///m"]);
        Assert.Equal("\nSources Consulted:\n", edit.NewText);
        Assert.Equal(1, edit.Range.Start.Line);
    }

    [Fact]
    public void Among_several_fixes_only_the_one_marked_preferred_is()
    {
        var remove = new Fix("Remove this entry", [new TextEdit(TextRange.Empty(new Position(3, 0)), "")]) { IsPreferred = true };
        var replace = new Fix("Replace with githooks(5) (cited in 1 recent commit)", [new TextEdit(TextRange.Empty(new Position(3, 2)), "githooks(5)")]);
        var finding = Sample(remove, replace);
        Assert.True(LspConversion.ToCodeAction(remove, finding, "file:///m").IsPreferred);
        Assert.Null(LspConversion.ToCodeAction(replace, finding, "file:///m").IsPreferred);
    }
}
