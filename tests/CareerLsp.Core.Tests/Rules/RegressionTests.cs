namespace CareerLsp.Core.Tests.Rules;

/// <summary>Bugs found by running CareerLsp on its own history, each pinned before it was fixed.</summary>
public sealed class RegressionTests
{
    [Fact]
    public void An_empty_message_reports_only_that_it_is_empty()
    {
        Expect.Commit("""
            # Please enter the commit message for your changes.
            | error message-empty: The commit message is empty: write a subject line that says what the change does
            """);
    }

    [Fact]
    public void Precisely_named_code_is_a_source()
    {
        Expect.Commit("""
            Add the parser

            Sources Consulted:
            - Markdig's MarkdownPipelineBuilder and SourceSpan
            - Utf8JsonReader.Read()
            """, "citations-vague");
    }
}
