using CareerLsp.Core.Domain.Configuration;
using CareerLsp.Core.Domain.Plans;
using CareerLsp.Core.Text;

namespace CareerLsp.Workspace;

/// <summary>Where a plan's start date came from.</summary>
public enum PlanStartSource
{
    Given,
    Configuration,
    Git,
    Today,
}

/// <summary>A plan as a workspace has it: the plan, its file (none for the built-in one) and its start.</summary>
public sealed record LoadedPlan(TrainingPlan Plan, string? Path, DateOnly Start, PlanStartSource StartSource);

/// <summary>
/// Finds and reads the workspace's training plan: the file given, else <c>plan.path</c> from the
/// configuration, else <c>TRAINING_PLAN.md</c> at the root, else the built-in plan. Its start:
/// the date given, else <c>plan.start</c>, else the day the file was first committed, else today.
/// </summary>
public static class PlanSource
{
    public const string DefaultFileName = "TRAINING_PLAN.md";

    /// <summary>
    /// Loads the plan for a workspace rooted at <paramref name="root"/>; <paramref name="read"/> gives
    /// a file's text as the editor has it when it is open (else the file is read from disk).
    /// </summary>
    /// <exception cref="InputException">A plan file named (given or configured) cannot be read.</exception>
    public static LoadedPlan Load(string root, CareerLspConfig config, Repository? repository, string? file, DateOnly? start, DateOnly today, Func<string, string?>? read = null)
    {
        string? path = file is not null ? Path.GetFullPath(file, root)
            : config.PlanPath is { } configured ? Path.GetFullPath(configured, root)
            : File.Exists(Path.Combine(root, DefaultFileName)) ? Path.Combine(root, DefaultFileName) : null;
        TrainingPlan plan;
        if (path is null)
        {
            plan = DefaultPlan.Plan;
        }
        else
        {
            string text;
            try
            {
                text = read?.Invoke(path) ?? File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                string why = e is FileNotFoundException or DirectoryNotFoundException ? "it does not exist" : e.Message;
                throw new InputException($"cannot read the training plan {path}: {why}" + (file is null ? " (set plan.path in .careerlsp.json)" : ""));
            }
            plan = PlanParser.Parse(text);
        }

        if (start is { } given) return new LoadedPlan(plan, path, given, PlanStartSource.Given);
        if (config.PlanStart is { } configuredStart) return new LoadedPlan(plan, path, configuredStart, PlanStartSource.Configuration);
        if (path is not null && repository is not null && FirstCommitted(repository, path) is { } added) return new LoadedPlan(plan, path, added, PlanStartSource.Git);
        return new LoadedPlan(plan, path, today, PlanStartSource.Today);
    }

    /// <summary>The author date of the first commit that has the file, if it is committed.</summary>
    private static DateOnly? FirstCommitted(Repository repository, string path)
    {
        string relative = Path.GetRelativePath(repository.Root, path).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal)) return null;
        GitResult result;
        try
        {
            result = Git.Run(repository.Root, ["log", "--reverse", "--format=%as", "HEAD", "--", $":(literal){relative}"]);
        }
        catch (GitException)
        {
            return null;
        }
        if (!result.Succeeded) return null;
        int newline = result.Output.IndexOf('\n');
        string first = (newline < 0 ? result.Output : result.Output[..newline]).Trim();
        return IsoDate.TryParse(first, out var day) ? day : null;
    }
}
