namespace CareerLsp.Cli.Tests;

internal static class Messages
{
    public const string Good = """
        Add the commit-msg hook

        Sources Consulted:
        - https://git-scm.com/docs/githooks

        Pre-mortem:
        - Failure: the hook is not executable
        - Failure: core.hooksPath points elsewhere
        - Failure: an existing hook is replaced
        - Dependency: sh is missing on the machine
        - Race: two installs write the hook at once

        """;

    public const string NoSources = """
        Add the commit-msg hook

        It runs on every commit.

        """;

    public const string GoodPr = """
        ## Documentation Reviewed
        - https://git-scm.com/docs/githooks

        ## Pre-mortem
        - Failure: one
        - Failure: two
        - Failure: three
        - Failure: four
        - Failure: five
        - Dependency: one
        - Dependency: two
        - Dependency: three
        - Race: one
        - Race: two

        ## Testing
        - In isolation: unit tests
        - In integration: a temporary repository
        - Failure cases: an existing hook
        """;
}
