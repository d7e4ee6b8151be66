using CareerLsp.Core.Text;

namespace CareerLsp.Core.Syntax;

/// <summary>What git does to a message before it stores it (<c>commit.cleanup</c>, <c>--cleanup</c>).</summary>
public enum CommitCleanup
{
    /// <summary>Comment lines are removed and the message is cut at the scissors line (git's default when an editor is used).</summary>
    Strip,

    /// <summary>Only whitespace is cleaned; comment lines are kept (git's default for <c>-m</c> and <c>-F</c>).</summary>
    Whitespace,

    /// <summary>Like whitespace, but everything from the scissors line on is dropped.</summary>
    Scissors,

    /// <summary>The message is taken as it is.</summary>
    Verbatim,
}

/// <summary>How to read a commit message: git's comment character and cleanup mode.</summary>
public sealed record CommitParseOptions
{
    /// <summary>
    /// <c>core.commentChar</c> / <c>core.commentString</c>: <c>#</c> by default; <c>auto</c> makes the
    /// parser recognise whichever of git's candidates the message's comment block uses.
    /// </summary>
    public string CommentChar { get; init; } = "#";

    public CommitCleanup Cleanup { get; init; } = CommitCleanup.Strip;

    public static CommitParseOptions Default { get; } = new();
}

/// <summary>A trailer at the end of a message, such as <c>Signed-off-by: A U Thor &lt;a@example.com&gt;</c>.</summary>
public sealed record Trailer(string Token, string Value, int Line, TextRange TokenRange, TextRange ValueRange)
{
    /// <summary>Indented lines that continue the value, as git folds them.</summary>
    public List<int> ContinuationLines { get; } = [];
}

/// <summary>
/// A commit message read as git reads it: comment lines (<c>core.commentChar</c>, including
/// <c>auto</c>) are dropped, everything from the scissors line on is ignored, and the trailer
/// block is recognised. Positions refer to the original text, comments included, so findings
/// land where the user sees them in the editor.
/// </summary>
public sealed class CommitMessage
{
    /// <summary>git's scissors line, after the comment character and a space.</summary>
    public const string ScissorsLine = "------------------------ >8 ------------------------";

    /// <summary>Candidates git tries, in order, for <c>core.commentChar=auto</c>.</summary>
    private const string AutoCommentCandidates = "#;@!$%^&|:";

    private CommitMessage(SourceText text) => Text = text;

    public SourceText Text { get; }

    /// <summary>The comment prefix in force, or <c>null</c> when comments are kept.</summary>
    public string? CommentPrefix { get; private set; }

    /// <summary>Lines git keeps (not comments, before the scissors line), in order.</summary>
    public IReadOnlyList<int> ContentLines { get; private set; } = [];

    /// <summary>Comment lines git will remove.</summary>
    public IReadOnlyList<int> CommentLines { get; private set; } = [];

    /// <summary>The first line that holds text, or -1 for an empty message.</summary>
    public int SubjectLine { get; private set; } = -1;

    public string Subject { get; private set; } = string.Empty;

    public TextRange SubjectRange { get; private set; }

    /// <summary>The content line right after the subject, or -1 when there is none.</summary>
    public int LineAfterSubject { get; private set; } = -1;

    public IReadOnlyList<Trailer> Trailers { get; private set; } = [];

    /// <summary>The first line of the trailer block, or -1.</summary>
    public int TrailerBlockLine { get; private set; } = -1;

    public SectionedDocument Document { get; private set; } = null!;

    public bool IsEmpty => SubjectLine < 0;

    /// <summary>git's own merge messages (<c>Merge branch 'x'</c>, <c>Merge pull request #1</c>…).</summary>
    public bool IsMerge { get; private set; }

    /// <summary><c>Revert "…"</c> as <c>git revert</c> writes it.</summary>
    public bool IsRevert { get; private set; }

    /// <summary><c>fixup!</c> and <c>squash!</c> commits, whose message autosquash throws away.</summary>
    public bool IsAutosquash { get; private set; }

    /// <summary>Where a new section goes: before the trailer block, or after the last line of text.</summary>
    public Position InsertionPoint { get; private set; }

    /// <summary><c>true</c> when the insertion point is at the start of the trailer block.</summary>
    public bool InsertsBeforeTrailers { get; private set; }

    /// <summary>What follows "Merge " in the messages git writes for merges.</summary>
    private static readonly string[] MergeKinds = ["branch", "remote-tracking branch", "pull request", "tag", "commit", "'", "\""];

    private static bool IsMergeSubject(string subject) =>
        subject.StartsWith("Merge ", StringComparison.Ordinal) &&
        MergeKinds.Any(kind => subject.AsSpan(6).StartsWith(kind, StringComparison.Ordinal));

    public static CommitMessage Parse(string text, CommitParseOptions? options = null, SectionVocabulary? vocabulary = null) =>
        Parse(new SourceText(text), options, vocabulary);

    public static CommitMessage Parse(SourceText text, CommitParseOptions? options = null, SectionVocabulary? vocabulary = null)
    {
        options ??= CommitParseOptions.Default;
        vocabulary ??= SectionVocabulary.Default;
        var message = new CommitMessage(text);
        message.Read(options, vocabulary);
        return message;
    }

    private void Read(CommitParseOptions options, SectionVocabulary vocabulary)
    {
        string commentChar = ResolveCommentChar(options.CommentChar);
        CommentPrefix = options.Cleanup == CommitCleanup.Strip ? commentChar : null;

        int end = Text.LineCount;
        if (options.Cleanup != CommitCleanup.Verbatim)
        {
            string scissors = commentChar + " " + ScissorsLine;
            for (int line = 0; line < Text.LineCount; line++)
            {
                if (Text.LineSpan(line).SequenceEqual(scissors)) { end = line; break; }
            }
        }

        var content = new List<int>();
        var comments = new List<int>();
        for (int line = 0; line < end; line++)
        {
            if (CommentPrefix is not null && Text.LineSpan(line).StartsWith(CommentPrefix, StringComparison.Ordinal)) comments.Add(line);
            else content.Add(line);
        }
        // A file's final line break makes an empty last line that is not part of the message.
        if (content.Count > 0 && content[^1] == Text.LineCount - 1 && Text.LineSpan(content[^1]).IsEmpty) content.RemoveAt(content.Count - 1);
        ContentLines = content;
        CommentLines = comments;

        int subjectIndex = content.FindIndex(l => !IsBlank(l));
        if (subjectIndex >= 0)
        {
            SubjectLine = content[subjectIndex];
            string line = Text.Line(SubjectLine);
            int start = LineSyntax.LeadingWhitespace(line);
            int stop = LineSyntax.TrimmedEnd(line);
            Subject = line[start..stop];
            SubjectRange = SourceText.OnLine(SubjectLine, start, stop);
            LineAfterSubject = subjectIndex + 1 < content.Count ? content[subjectIndex + 1] : -1;
            IsMerge = IsMergeSubject(Subject);
            IsRevert = Subject.StartsWith("Revert \"", StringComparison.Ordinal);
            IsAutosquash = Subject.StartsWith("fixup! ", StringComparison.Ordinal) || Subject.StartsWith("squash! ", StringComparison.Ordinal);
        }

        int lastText = content.FindLastIndex(l => !IsBlank(l));
        int bodyEndIndex = lastText + 1;
        ReadTrailers(content, subjectIndex, lastText, ref bodyEndIndex);
        Document = BuildSections(content, subjectIndex, bodyEndIndex, vocabulary);

        if (TrailerBlockLine >= 0)
        {
            InsertionPoint = new Position(TrailerBlockLine, 0);
            InsertsBeforeTrailers = true;
        }
        else if (lastText >= 0)
        {
            InsertionPoint = new Position(content[lastText], Text.LineEnd(content[lastText]) - Text.LineStart(content[lastText]));
        }
    }

    private string ResolveCommentChar(string configured)
    {
        if (!string.Equals(configured, "auto", StringComparison.OrdinalIgnoreCase))
            return string.IsNullOrEmpty(configured) ? "#" : configured;

        // git picks the first candidate no line starts with when it writes the template; reading
        // the file back, the candidate that starts its "Please enter" block or scissors line is it.
        for (int line = 0; line < Text.LineCount; line++)
        {
            var span = Text.LineSpan(line);
            if (span.Length > 2 && AutoCommentCandidates.Contains(span[0]) && span[1] == ' ' &&
                (span[2..].StartsWith("Please enter", StringComparison.Ordinal) || span[2..].SequenceEqual(ScissorsLine)))
                return span[0].ToString();
        }
        return "#";
    }

    private bool IsBlank(int line) => Text.LineSpan(line).IsWhiteSpace();

    /// <summary>
    /// git's rule: the last paragraph is a trailer block when every line is a trailer (or an
    /// indented continuation), or when at least a quarter are and one is git's own
    /// (<c>Signed-off-by</c>, <c>(cherry picked from commit …)</c>). The subject paragraph never is.
    /// </summary>
    private void ReadTrailers(List<int> content, int subjectIndex, int lastText, ref int bodyEndIndex)
    {
        if (lastText < 0) return;
        int first = lastText;
        while (first - 1 >= 0 && !IsBlank(content[first - 1])) first--;
        if (first <= subjectIndex) return;

        int trailerLines = 0, total = 0;
        bool gitTrailer = false;
        for (int i = first; i <= lastText; i++)
        {
            string line = Text.Line(content[i]);
            total++;
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t')) { trailerLines++; continue; }
            if (line.StartsWith("(cherry picked from commit ", StringComparison.Ordinal)) { trailerLines++; gitTrailer = true; continue; }
            if (IsTrailerLine(line, out string token))
            {
                trailerLines++;
                if (token.Equals("Signed-off-by", StringComparison.OrdinalIgnoreCase)) gitTrailer = true;
            }
        }
        bool isBlock = trailerLines == total || (gitTrailer && trailerLines * 4 >= total);
        if (!isBlock) return;

        var trailers = new List<Trailer>();
        for (int i = first; i <= lastText; i++)
        {
            int lineNo = content[i];
            string line = Text.Line(lineNo);
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                if (trailers.Count > 0) trailers[^1].ContinuationLines.Add(lineNo);
                continue;
            }
            if (!IsTrailerLine(line, out _) || !LineSyntax.TryTrailer(line, out string token, out int valueStart, out string value)) continue;
            trailers.Add(new Trailer(token, value, lineNo,
                SourceText.OnLine(lineNo, 0, token.Length),
                SourceText.OnLine(lineNo, valueStart, valueStart + value.Length)));
        }
        Trailers = trailers;
        TrailerBlockLine = content[first];
        bodyEndIndex = first;
    }

    private static bool IsTrailerLine(string line, out string token) =>
        LineSyntax.TryTrailer(line, out token, out _, out string value) && !value.StartsWith("//", StringComparison.Ordinal);

    private SectionedDocument BuildSections(List<int> content, int subjectIndex, int bodyEndIndex, SectionVocabulary vocabulary)
    {
        var builder = new SectionTreeBuilder(Text, vocabulary);
        var indents = new List<int>();
        SectionKind? current = null;

        for (int i = Math.Max(0, subjectIndex + 1); i < bodyEndIndex; i++)
        {
            int lineNo = content[i];
            string line = Text.Line(lineNo);
            var lineRange = Text.LineRange(lineNo);
            if (string.IsNullOrWhiteSpace(line))
            {
                builder.Blank();
                continue;
            }

            if (LineSyntax.TryList(line, out var list))
            {
                while (indents.Count > 0 && indents[^1] > list.Indent) indents.RemoveAt(indents.Count - 1);
                if (indents.Count == 0 || indents[^1] < list.Indent) indents.Add(list.Indent);
                int stop = LineSyntax.TrimmedEnd(line);
                int start = Math.Min(list.TextStart, stop);
                builder.Item(line[start..stop], SourceText.OnLine(lineNo, start, stop), lineRange, indents.Count - 1, list.Checked,
                    list.CheckboxStart >= 0 ? SourceText.OnLine(lineNo, list.CheckboxStart, list.CheckboxStart + 3) : null);
                continue;
            }

            if (TryHeading(line, vocabulary, current, out var heading))
            {
                indents.Clear();
                string title = line[heading.TitleStart..heading.TitleEnd].Trim();
                builder.Heading(title, SourceText.OnLine(lineNo, heading.TitleStart, heading.TitleEnd), heading.Syntax, heading.Level, lineRange);
                current = vocabulary.Resolve(title) ?? current;
                if (heading.HasValue)
                {
                    int stop = LineSyntax.TrimmedEnd(line);
                    builder.Line(line[heading.ValueStart..stop], SourceText.OnLine(lineNo, heading.ValueStart, stop), lineRange);
                }
                continue;
            }

            int indent = LineSyntax.LeadingWhitespace(line);
            if (indent >= 2 && builder.Continuation(line, lineRange)) continue;

            int textStop = LineSyntax.TrimmedEnd(line);
            builder.Line(line[indent..textStop], SourceText.OnLine(lineNo, indent, textStop), lineRange);
        }

        AddTrailerSections(builder, vocabulary);
        return builder.Build();
    }

    private static bool TryHeading(string line, SectionVocabulary vocabulary, SectionKind? current, out HeadingLine heading) =>
        LineSyntax.TryAtx(line, out heading) || LineSyntax.TryBold(line, out heading) || LineSyntax.TryColon(line, vocabulary, current, out heading);

    private void AddTrailerSections(SectionTreeBuilder builder, SectionVocabulary vocabulary)
    {
        var byKind = new Dictionary<SectionKind, Section>();
        foreach (var trailer in Trailers)
        {
            var kind = vocabulary.Resolve(trailer.Token);
            if (kind is null) continue;
            if (!byKind.TryGetValue(kind, out var section))
            {
                section = new Section
                {
                    Title = trailer.Token, TitleRange = trailer.TokenRange, Syntax = SectionSyntax.Trailer, Kind = kind,
                    End = trailer.ValueRange.End,
                };
                byKind[kind] = section;
                builder.Add(section);
            }
            if (trailer.Value.Length > 0)
                section.Items.Add(new SectionItem { Text = trailer.Value, Range = trailer.ValueRange, LineRange = Text.LineRange(trailer.Line) });
            foreach (int lineNo in trailer.ContinuationLines)
            {
                string line = Text.Line(lineNo);
                bool isList = LineSyntax.TryList(line, out var list);
                int start = isList ? list.TextStart : LineSyntax.LeadingWhitespace(line);
                int stop = Math.Max(start, LineSyntax.TrimmedEnd(line));
                var item = new SectionItem
                {
                    Text = line[start..stop], Range = SourceText.OnLine(lineNo, start, stop), LineRange = Text.LineRange(lineNo), IsListItem = isList,
                };
                if (!isList && section.Items.Count > 0) section.Items[^1].Text += " " + item.Text;
                else section.Items.Add(item);
            }
        }
    }

    /// <summary>The value of the first trailer with this token (case-insensitive), if any.</summary>
    public Trailer? FindTrailer(string token) =>
        Trailers.FirstOrDefault(t => string.Equals(t.Token, token, StringComparison.OrdinalIgnoreCase));
}
