using CareerLsp.Core.Engine;

namespace CareerLsp.Core.Tests.Rules;

/// <summary>CL060–CL064: the pattern library's own diagnostics.</summary>
public sealed class PatternLibraryTests
{
    [Fact]
    public void A_well_formed_library_with_a_title_and_introduction_passes()
    {
        Expect.Patterns("""
            # Common Patterns

            What we learned: problem → remedy.

            # Race Conditions

            - Two hooks write COMMIT_EDITMSG → take a lock file first
              - seen twice in March
            - Cache read during a rebase -> read under the index lock

            # Deployments

            ## Kubernetes

            - Rollout stalls on a missing secret → check secrets before applying
            """);
    }

    [Fact]
    public void Entries_without_a_remedy_or_a_problem()
    {
        Expect.Patterns("""
            # Race Conditions

            - Two hooks write the same file
              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning pattern-remedy-missing: This entry has no remedy: write it as "- problem → remedy", so the library says what to do
            - → take a lock
              ^^^^^^^^^^^^^ warning pattern-remedy-missing: This entry has no problem before the arrow: write it as "- problem → remedy", so the library says what to do
            - Stale cache after rebase →
              ^^^^^^^^^^^^^^^^^^^^^^^^^^ warning pattern-remedy-missing: This entry has no remedy: write it as "- problem → remedy", so the library says what to do
            """, "pattern-remedy-missing");
    }

    [Fact]
    public void Entries_outside_any_category()
    {
        Expect.Patterns("""
            - Forgot to run the tests → run them in the hook
              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning pattern-uncategorized: This entry is outside any category: put it under a heading (# Race Conditions, # Deployments, …)

            # Testing

            - Flaky e2e test → wait for what a person would see
            """, "pattern-uncategorized");
    }

    [Fact]
    public void Duplicates_point_at_the_first_entry()
    {
        var result = Checker.CheckPatternLibrary("# Git\n\n- **Fix typo** commits → amend instead\n- fix-typo commits! → squash them\n");
        var finding = Assert.Single(result.Findings, f => f.Rule.Slug == "pattern-duplicate");
        Assert.Equal(new Text.Position(3, 2), finding.Range.Start);
        Assert.Equal(new Text.Position(2, 2), Assert.Single(finding.Related).Range.Start);
        Expect.Patterns("""
            # Git

            - Fix typo commits → amend instead
            - fix typo commits! → squash them
              ^^^^^^^^^^^^^^^^^ warning pattern-duplicate: This problem is already in the library (line 3): merge the remedies into one entry
            """, "pattern-duplicate");
    }

    [Fact]
    public void Empty_categories_but_not_parents_of_filled_ones()
    {
        Expect.Patterns("""
            # Deployments

            ## Kubernetes

            - Rollout stalls → check secrets

            ## Terraform
               ^^^^^^^^^ info pattern-category-empty: The category "Terraform" has no entries yet: add one, or remove the heading

            # Security
              ^^^^^^^^ info pattern-category-empty: The category "Security" has no entries yet: add one, or remove the heading
            """, "pattern-category-empty");
    }

    [Fact]
    public void Prose_inside_a_category_is_malformed()
    {
        Expect.Patterns("""
            # Race Conditions

            Two hooks can write the same file, so we lock.
            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning pattern-malformed-line: This line is not an entry: write it as "- problem → remedy" (prose belongs in the introduction under the title)

            - Two hooks write the same file → take a lock
            """, "pattern-malformed-line");
    }
}
