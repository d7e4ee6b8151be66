namespace CareerLsp.Workspace;

/// <summary>
/// Phase marks from the I/O edge (the report's log, diffs, cache): the CLI points <see cref="Sink"/>
/// at its <c>CAREERLSP_TIMING</c> trace; elsewhere they go nowhere.
/// </summary>
public static class Marks
{
    public static Action<string>? Sink { get; set; }

    public static void Mark(string phase) => Sink?.Invoke(phase);
}
