using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Engine;
using CareerLsp.Core.Rules;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Tests.Rules;

/// <summary>CL002, CL020, CL021, CL030, CL031: PR descriptions.</summary>
public sealed class PrRulesTests
{
    [Fact]
    public void Empty_description_misses_every_section()
    {
        Expect.Pr("""
            Adds the hook.
            ^^^^^^^^^^^^^^ error docs-reviewed-required: No Documentation Reviewed section: link the documentation you read for this change
            ^^^^^^^^^^^^^^ error premortem-required: No pre-mortem: before shipping, write what could go wrong (5 ways this could fail, 3 dependencies that might not exist, 2 race conditions)
            ^^^^^^^^^^^^^^ error testing-required: No Testing section: say what you tested in isolation, in integration, and which failure cases you tried
            """, "docs-reviewed-required,premortem-required,testing-required");
    }

    [Fact]
    public void Complete_description_passes()
    {
        Expect.Pr("""
            # Add the commit-msg hook

            **Documentation Reviewed**

            - https://git-scm.com/docs/githooks

            ## Pre-mortem

            Failures:
            1. The hook is not executable on Windows
            2. core.hooksPath points elsewhere
            3. An existing hook is overwritten
            4. The CLI is not on PATH
            5. The hook runs on merges

            Dependencies:
            - sh
            - git 2.39
            - the .NET 10 runtime

            Race conditions:
            - Two installs at once
            - A commit while installing

            ## Testing

            - In isolation: unit tests for the script generator
            - In integration: installed into a temporary repository and committed
            - Failure cases: an existing hook, a read-only hooks directory
            - [x] Tests pass
            """);
    }

    [Fact]
    public void Testing_without_integration_or_failure_cases()
    {
        Expect.Pr("""
            ## Testing
               ^^^^^^^ warning testing-coverage: Testing does not say what was tested in integration or failure cases (write "In isolation:", "In integration:", "Failure cases:")

            Ran the unit tests.
            """, "testing-coverage");
    }

    [Fact]
    public void Testing_covered_in_prose()
    {
        Expect.Pr("""
            ## Testing

            Unit tests pass; the end-to-end suite ran against a real repository, and bad input (binary files) gives a clear error.
            """, "testing-coverage");
    }

    [Fact]
    public void Unchecked_checklist_items_but_not_struck_ones_or_code()
    {
        Expect.Pr("""
            ## Checklist

            - [ ] Tests pass
              ^^^^^^^^^^^^^^ warning checklist-unchecked: Unchecked: "Tests pass". Check it when it is done, or strike it through (~~…~~) if it does not apply
            - [x] Docs updated
            - [ ] ~~Migration written~~

            ```
            - [ ] not a checklist
            ```
            """, "checklist-unchecked");
    }

    [Fact]
    public void Template_placeholders_left_in_place()
    {
        var template = MarkdownDocument.Parse("""
            ## Summary

            Describe what this change does and why.

            <!-- Link the docs you read -->
            """);
        Expect.Pr("""
            ## Summary

            Describe what this change does and why.
            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning template-placeholder: This line is the PR template's text, left as it was: replace it with this change's details

            Fixes <issue number here>; see <details> and `List<int> items`.
                  ^^^^^^^^^^^^^^^^^^^ warning template-placeholder: Template placeholder "<issue number here>" was not replaced
            """, "template-placeholder", new CheckOptions { Template = template });
    }
}
