using System.Text.RegularExpressions;
using CareerLsp.Core.Findings;

namespace CareerLsp.Core.Rules.Commit;

/// <summary>CL044: the subject does not read as a fix-forward (a commit patching the previous one).</summary>
public sealed partial class FixForwardSubject() : Rule("CL044", "fix-forward-subject", Severity.Warning, DocumentKinds.CommitMessage,
    "The subject reads as a fix-forward (fix typo, oops, fixup!, forgot…); extra regexes in `patterns`.")
{
    public override IReadOnlyList<string> Options => ["patterns"];

    [GeneratedRegex(@"^(fixup|squash)! ")]
    private static partial Regex Autosquash();

    [GeneratedRegex(@"^\w+(\([^)]*\))?!?:\s*")]
    private static partial Regex ConventionalPrefix();

    [GeneratedRegex(@"^(?:fix(?:e[sd])?\s+(?:a\s+|the\s+|some\s+)?typos?\b|typos?\b|oops+\b|whoops\b|forgot\b|fix(?:e[sd])?\s+(?:the\s+)?(?:previous|last)\s+commit|(?:actually|really)\s+fix|fix(?:e[sd])?\s+(?:the\s+)?(?:build|ci|tests?|lint|linting)\b|wip\b|minor\s+fix(?:es)?\s*$|small\s+fix(?:es)?\s*$|fix(?:es)?\s*$|fix\s+it\s*$|try\s+again\b|again\s*$|revert\s+(?:my\s+)?last\b|missed\s+(?:a\s+)?file|add(?:ed)?\s+missing\s+file)", RegexOptions.IgnoreCase)]
    private static partial Regex FixForward();

    public override void Check(RuleContext context)
    {
        if (context.Commit is not { IsEmpty: false, IsRevert: false } commit) return;
        string subject = commit.Subject;
        if (Autosquash().IsMatch(subject))
        {
            context.Report(commit.SubjectRange,
                $"\"{subject.Split(' ')[0]}\" commits are fix-forwards until squashed: run git rebase -i --autosquash before you push");
            return;
        }
        // Conventional-commit prefixes ("fix(parser): …") describe a bug fix, not a fix-forward: look after them.
        var prefix = ConventionalPrefix().Match(subject);
        string bare = prefix.Success ? subject[prefix.Length..] : subject;
        bool matched = FixForward().IsMatch(bare) || Extra(context).Any(r => r.IsMatch(subject));
        if (!matched) return;
        context.Report(commit.SubjectRange,
            $"\"{subject}\" reads as a fix-forward: patch the commit it fixes instead (git commit --fixup=<commit>, then git rebase -i --autosquash), and test before committing");
    }

    private static IEnumerable<Regex> Extra(RuleContext context)
    {
        foreach (string pattern in context.Setting.GetStrings("patterns"))
        {
            Regex? regex = null;
            try { regex = new Regex(pattern, RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(50)); }
            catch (ArgumentException) { }
            if (regex is not null) yield return regex;
        }
    }
}
