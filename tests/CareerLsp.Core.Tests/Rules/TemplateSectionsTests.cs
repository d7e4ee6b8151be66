namespace CareerLsp.Core.Tests.Rules;

/// <summary>CL032: a template asks for what a PR needs.</summary>
public sealed class TemplateSectionsTests
{
    [Fact]
    public void Template_missing_sections_and_premortem_parts()
    {
        Expect.Template("""
            ## Summary
            ^^^^^^^^^^ warning template-sections: The PR template does not ask for a Documentation Reviewed section, so PRs written from it will miss one
            ^^^^^^^^^^ warning template-sections: The PR template does not ask for a Testing section, so PRs written from it will miss one

            ## Pre-mortem
               ^^^^^^^^^^ warning template-sections: The template's pre-mortem does not ask for dependencies that might not exist, race conditions: add a sub-heading or labelled item for each

            ### Ways this could fail
            1.
            """, "template-sections");
    }

    [Fact]
    public void Complete_template_passes()
    {
        Expect.Template("""
            ## Documentation Reviewed
            - <link>

            ## Pre-mortem
            - Failure: <…>
            - Dependency: <…>
            - Race: <…>

            ## Testing
            - In isolation:
            """, "template-sections");
    }
}
