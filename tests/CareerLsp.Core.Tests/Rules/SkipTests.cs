namespace CareerLsp.Core.Tests.Rules;

/// <summary>CL050/CL051: the escape hatch needs a reason and is counted.</summary>
public sealed class SkipTests
{
    [Fact]
    public void Skip_with_a_reason_turns_habits_off_and_is_recorded()
    {
        Expect.Commit("""
            Hotfix the release script

            Habits-Skip: production outage, pre-mortem follows in #88
            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info habits-skipped: Habits skipped: production outage, pre-mortem follows in #88
            """);
    }

    [Fact]
    public void Skip_without_a_reason_is_an_error_and_habits_still_apply()
    {
        Expect.Commit("""
            Hotfix the release script
            ^^^^^^^^^^^^^^^^^^^^^^^^^ error sources-required: No Sources Consulted section: list the docs, code or issues you read before making this change

            Habits-Skip:
            ^^^^^^^^^^^^ error skip-reason-required: Habits-Skip needs a reason (for example "Habits-Skip: hotfix for the outage, pre-mortem in #123"); until it has one the habits still apply
            """, "skip-reason-required,sources-required");
    }

    [Fact]
    public void Skip_token_is_configurable_and_works_in_prs()
    {
        var config = Core.Domain.Configuration.ConfigLoader.Load("""{ "commit": { "skipToken": "No-Habits" } }""").Config;
        Expect.Pr("""
            Quick docs fix.

            No-Habits: typo only
            ^^^^^^^^^^^^^^^^^^^^ info habits-skipped: Habits skipped: typo only
            """, null, new() { Config = config });
    }
}
