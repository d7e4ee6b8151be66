using CareerLsp.Core.Domain.Habits;
using CareerLsp.Core.Domain.History;
using CareerLsp.Core.Engine;
using CareerLsp.Core.Rules;

namespace CareerLsp.Core.Tests.History;

/// <summary>CL047 and the detector's rules, on small histories.</summary>
public sealed class FixForwardTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static PastCommit Commit(string id, int minute, string subject, params (string Path, int Added, int Deleted)[] files) =>
        new(id, "dana@example.com", T0.AddMinutes(minute), subject, files.Select(f => new ChangedFile(f.Path, f.Added, f.Deleted)).ToArray());

    private static CheckOptions With(int minute, (string, int, int)[] staged, params PastCommit[] recent) => new()
    {
        History = new CommitHistory("Dana@Example.com", T0.AddMinutes(minute), staged.Select(f => new ChangedFile(f.Item1, f.Item2, f.Item3)).ToArray(), recent),
    };

    private const string Habits = "\n\nSources Consulted:\n- https://git-scm.com/docs/git-commit\n\nPre-mortem:\n- Failure: the export drops a column\n";

    [Fact]
    public void A_fix_forward_subject_names_the_commit_it_fixes()
    {
        var options = With(9, [("src/export/csv.py", 1, 1)],
            Commit("1111111", 0, "Add the CSV exporter", ("src/export/csv.py", 120, 0), ("tests/test_csv.py", 45, 0)),
            Commit("2222222", 4, "Document the exporter", ("docs/export.md", 12, 0)));
        Expect.Commit("""
            fix typo
            ^^^^^^^^ warning fix-forward-history: This reads as a fix-forward of 1111111 "Add the CSV exporter" (its subject says it fixes something, 9 min after it, in its files): test, then amend it instead (git commit --fixup=1111111, then git rebase -i --autosquash before you push)

            Sources Consulted:
            - https://git-scm.com/docs/git-commit

            Pre-mortem:
            - Failure: the export drops a column

            """ + Habits, "fix-forward-history", options);
    }

    [Fact]
    public void A_small_change_to_the_last_commits_files_soon_after_with_a_subject_that_says_nothing()
    {
        var last = Commit("1111111", 0, "Add the CSV exporter", ("src/export/csv.py", 120, 0));
        Expect.Commit("""
            Update csv.py
            ^^^^^^^^^^^^^ warning fix-forward-history: This reads as a fix-forward of 1111111 "Add the CSV exporter" (2 lines in its files, 3 min after it): test, then amend it instead (git commit --fixup=1111111, then git rebase -i --autosquash before you push)
            """ + Habits, "fix-forward-history", With(3, [("src/export/csv.py", 1, 1)], last));
        // The same change with a subject that says what it does is a step of its own.
        Expect.Commit("Quote fields that contain the separator" + Habits, "fix-forward-history", With(3, [("src/export/csv.py", 1, 1)], last));
        // So is a larger change, or one a day later.
        Expect.Commit("Update csv.py" + Habits, "fix-forward-history", With(3, [("src/export/csv.py", 30, 2)], last));
        Expect.Commit("Update csv.py" + Habits, "fix-forward-history", With(60 * 24, [("src/export/csv.py", 1, 1)], last));
    }

    [Fact]
    public void Another_authors_commit_reverts_and_fixup_prefixes()
    {
        var theirs = new PastCommit("3333333", "sam@example.com", T0, "Add the CSV exporter", [new ChangedFile("src/export/csv.py", 120, 0)]);
        Expect.Commit("fix typo\n", "fix-forward-history", With(5, [("src/export/csv.py", 1, 1)], theirs));
        var mine = Commit("1111111", 0, "Add the CSV exporter", ("src/export/csv.py", 120, 0));
        Expect.Commit("Revert \"Add the CSV exporter\"\n\nThis reverts commit 1111111.\n", "fix-forward-history", With(5, [("src/export/csv.py", 0, 120)], mine));
        var verdict = FixForward.Detect(new PendingCommit("dana@example.com", T0.AddDays(2), "fixup! Add the CSV exporter", []), [mine]);
        Assert.Equal("1111111", verdict?.Of.Id);
    }

    [Fact]
    public void When_history_names_the_commit_the_subject_rule_stays_quiet()
    {
        var options = With(9, [("src/export/csv.py", 1, 1)], Commit("1111111", 0, "Add the CSV exporter", ("src/export/csv.py", 120, 0)));
        var result = Checker.CheckCommitMessage("fix typo" + Habits, options);
        Assert.Contains(result.Findings, f => f.Rule.Slug == "fix-forward-history");
        Assert.DoesNotContain(result.Findings, f => f.Rule.Slug == "fix-forward-subject");
        // Without history (no repository), the subject rule still speaks.
        Assert.Contains(Checker.CheckCommitMessage("fix typo" + Habits).Findings, f => f.Rule.Slug == "fix-forward-subject");
    }
}
