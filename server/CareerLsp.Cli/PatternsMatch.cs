using CareerLsp.Core.Domain.Library;
using CareerLsp.Workspace;

namespace CareerLsp.Cli;

/// <summary>
/// <c>careerlsp patterns match</c>: the library entries that may apply to a change (the staged diff by
/// default, or a diff file) and a message, best first. The engine decides; this reads the inputs.
/// </summary>
internal static class PatternsMatch
{
    public static readonly string[] Formats = ["text", "json"];

    public static int Run(CheckSession session, string? libraryFile, bool staged, string? diffFile, string? messageFile, string format)
    {
        if (staged && diffFile is not null) throw new UsageException("patterns match takes --staged or --diff FILE, not both");
        if (diffFile == "-" && messageFile == "-") throw new UsageException("only one of --diff and --message can read stdin");

        PatternSource source;
        if (libraryFile is not null)
        {
            source = PatternLibraries.LoadFile(libraryFile, libraryFile);
        }
        else
        {
            var repository = session.Repository ?? throw new InputException(
                $"{session.Directory} is not in a git repository: pass the library with --library FILE");
            source = PatternLibraries.Load(repository.Root, session.Config.Config);
        }
        if (source.Library is null)
            throw new InputException($"no pattern library: {source.Path} is {source.Problem}" + (libraryFile is null ? " (pass one with --library FILE, or set patterns.path)" : ""));

        var change = new ChangeEvidence();
        if (diffFile is not null)
        {
            change.AddDiff(ReadText(diffFile, "diff"), session.Config.Config.PatternLibraryRelativePath);
        }
        else if (staged || messageFile is null)
        {
            var repository = session.Repository ?? throw new InputException($"{session.Directory} is not in a git repository: there is no staged change (use --diff FILE)");
            change.AddDiff(repository.StagedDiff(), session.Config.Config.PatternLibraryRelativePath);
        }
        if (messageFile is not null) change.AddText(ReadText(messageFile, "message"), EvidenceSource.Message);
        Timing.Mark("inputs read");

        var matches = source.Matcher!.Match(change);
        Timing.Mark("matched");
        CommandLine.WriteStdout(output =>
        {
            if (format == "json") WriteJson(output, matches);
            else WriteText(output, source.Path, matches);
        });
        return CommandLine.Ok;
    }

    private static string ReadText(string file, string what)
    {
        var text = file == "-" ? DocumentReader.ReadStdin() : DocumentReader.ReadFile(file);
        if (text.InvalidUtf8Offset is { } offset)
            throw new InputException($"the {what} {(file == "-" ? "on stdin" : file)} is not valid UTF-8 (first bad byte near character {offset})");
        return text.Text;
    }

    private static void WriteText(TextWriter output, string path, IReadOnlyList<PatternMatch> matches)
    {
        if (matches.Count == 0)
        {
            output.WriteLine($"No entry of {path} applies to this change.");
            return;
        }
        foreach (var match in matches)
        {
            var entry = match.Entry;
            string category = entry.Category is { } c ? c.Title + ": " : "";
            output.WriteLine($"{path}:{entry.Line + 1}: {category}{entry.Problem} → {entry.Remedy}");
            output.WriteLine($"  score {match.Score:0.00}; matched {string.Join(", ", match.Evidence)}");
        }
    }

    /// <summary><c>{"matches":[{"category","problem","remedy","line","score"}]}</c>; <c>line</c> is zero-based.</summary>
    private static void WriteJson(TextWriter output, IReadOnlyList<PatternMatch> matches) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("matches");
        foreach (var match in matches)
        {
            json.WriteStartObject();
            if (match.Entry.Category is { } category) json.WriteString("category", category.Title);
            else json.WriteNull("category");
            json.WriteString("problem", match.Entry.Problem);
            json.WriteString("remedy", match.Entry.Remedy);
            json.WriteNumber("line", match.Entry.Line);
            json.WriteNumber("score", match.Score);
            json.WriteStartArray("matched");
            foreach (var term in match.Evidence) json.WriteStringValue(term);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });
}
