namespace CareerLsp.Core.Domain.Habits;

/// <summary>A source cited in the repository's recent commits, and in how many of them.</summary>
public sealed record CitedSource(string Text, int Commits)
{
    /// <summary>"cited in 3 recent commits", for completion and quick-fix titles.</summary>
    public string CitedIn => $"cited in {Commits} recent commit{(Commits == 1 ? "" : "s")}";
}
