namespace CareerLsp.Core.Domain.Habits;

/// <summary>How big a change is: files touched and lines added plus deleted (it scales the pre-mortem).</summary>
public readonly record struct ChangeSize(int Files, int Lines);
