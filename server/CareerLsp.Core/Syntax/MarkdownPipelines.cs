using Markdig;

namespace CareerLsp.Core.Syntax;

/// <summary>
/// The Markdig pipelines, each built once, in one place. There are three because three readers
/// need different blocks from the same text; each says why.
/// </summary>
public static class MarkdownPipelines
{
    /// <summary>
    /// PR descriptions and PR templates: precise source locations (every finding points at its
    /// text), task lists and pipe tables, as marksman builds its pipeline.
    /// </summary>
    public static readonly MarkdownPipeline Document = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseTaskLists()
        .UsePipeTables()
        .Build();

    /// <summary>
    /// The pattern library: blocks only. The library reads headings and list items from their lines,
    /// never inlines, and without inline parsing a 10,000-entry library parses in half the time
    /// (10 ms against 23, mean with collections); it is parsed again on every edit.
    /// </summary>
    public static readonly MarkdownPipeline BlocksOnly = BuildBlocksOnly();

    /// <summary>
    /// Training plans: precise source locations, no extensions. A plan's tables are read from their
    /// lines (a priority or week column, an hours cell to fill, tables without outer pipes), which
    /// the pipe-table extension would turn into blocks that lose those shapes (PlanShapeTests).
    /// </summary>
    public static readonly MarkdownPipeline Plan = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    private static MarkdownPipeline BuildBlocksOnly()
    {
        var builder = new MarkdownPipelineBuilder();
        builder.InlineParsers.Clear();
        return builder.Build();
    }
}
