using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Domain.Plans;

/// <summary>
/// Reads any training plan written in Markdown, with no code for a particular plan: headings that
/// name time become units (a week, a week range, months, years, days; a range in parentheses
/// after a name makes a phase), other headings sections; units nest and may run in parallel.
/// Checklists, numbered exercises, goal and success-metric lines and table rows are read under
/// them; routines (morning, before a commit or deployment, evening, the weekly goals and review,
/// self-assessment questions) are recognised wherever the plan has them. Mojibake is repaired in
/// what is shown; positions stay those of the file.
/// </summary>
public static partial class PlanParser
{
    private static MarkdownPipeline Pipeline => MarkdownPipelines.Plan;

    /// <summary>Parses a plan. Never throws: unreadable parts are left out.</summary>
    public static TrainingPlan Parse(string text, bool isDefault = false) => Parse(text, 0, isDefault);

    private static TrainingPlan Parse(string text, int lineOffset, bool isDefault)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var ast = MarkdownGuard.Parse(text, Pipeline).Ast;
        var reader = new Reader(lines, lineOffset, text);
        foreach (var block in ast) reader.Block(block);
        reader.Finish();
        NestRelativeRanges(reader.Roots, null);
        return new TrainingPlan
        {
            Title = reader.Title ?? "Training plan",
            Units = reader.Roots,
            Prompts = reader.Prompts.OrderBy(p => p.Kind).ThenBy(p => p.Title.Contains("commit", StringComparison.OrdinalIgnoreCase) ? 0 : 1).ThenBy(p => p.Line).ToList(),
            IsDefault = isDefault,
        };
    }

    /// <summary>
    /// A unit inside another that names time counts from the plan's start when it fits in its
    /// parent that way ("Weeks 1-4" › "Week 2"), else from the parent's first day ("Month 2" › "Week 1").
    /// </summary>
    private static void NestRelativeRanges(IEnumerable<PlanUnit> units, (PlanUnit Unit, DateOnly From, DateOnly To)? parent)
    {
        var nominal = new DateOnly(2001, 1, 1);
        foreach (var unit in units)
        {
            (DateOnly From, DateOnly To)? dates = null;
            if (unit.Range is { } range)
            {
                var absolute = range.Dates(nominal);
                if (parent is { } p && (absolute.From < p.From || absolute.To > p.To))
                {
                    var relative = range.Dates(p.From);
                    if (relative.From >= p.From && relative.To <= p.To)
                    {
                        unit.Relative = true;
                        absolute = relative;
                    }
                }
                dates = absolute;
            }
            NestRelativeRanges(unit.Children, dates is { } d ? (unit, d.From, d.To) : parent);
        }
    }

    [GeneratedRegex(@"^\s*(?:[-*+]|\d{1,9}[.)])\s+\[( |x|X)\]\s*")]
    private static partial Regex Checkbox();

    [GeneratedRegex(@"^\s*(?:[-*+]|\d{1,9}[.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^\s*(?:\*\*|__)?\s*(goal|goals|objective|objectives|aim|focus|success metrics?|success criteria|metric)\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelLine();

    [GeneratedRegex(@"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")]
    private static partial Regex TableDelimiter();

    [GeneratedRegex(@"^(phase|stage|milestone|sprint|module|level|part|track|quarter)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PhaseName();

    /// <summary>Text as shown: mojibake repaired, emphasis and code marks dropped, spaces collapsed, no trailing colon.</summary>
    internal static string Clean(string text)
    {
        string repaired = Mojibake.Repair(text);
        var builder = new System.Text.StringBuilder(repaired.Length);
        for (int i = 0; i < repaired.Length; i++)
        {
            char c = repaired[i];
            if (c is '*' or '`') continue;
            if (c == '_' && (i + 1 < repaired.Length && repaired[i + 1] == '_' || i > 0 && repaired[i - 1] == '_')) continue;
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
                continue;
            }
            builder.Append(c);
        }
        return builder.ToString().Trim().TrimEnd(':').Trim();
    }

    /// <summary>The routine a title names, if any ("Morning Routine (15 minutes)", "Before Any Deployment", "Week X Review").</summary>
    internal static PromptKind? RoutineOf(string title)
    {
        if (TimeNames.Read(title) is { Leads: true }) return null; // "Week 3-4: Testing Before Committing" is a unit.
        string t = title.ToLowerInvariant();
        if (t.Contains("self-assessment") || t.Contains("self assessment") || t.Contains("rate yourself")) return PromptKind.SelfAssessment;
        bool weekly = t.Contains("week");
        if (weekly && (t.Contains("review") || t.Contains("retro"))) return PromptKind.WeeklyReview;
        if (weekly && (t.Contains("goal") || t.Contains("plan for"))) return PromptKind.WeeklyGoals;
        if (t.Contains("morning") || t.Contains("start of the day") || t.Contains("start of day") || t.Contains("before every work session") || t.Contains("before work")) return PromptKind.Morning;
        if (t.Contains("evening") || t.Contains("end of the day") || t.Contains("end of day") || t.Contains("after work")) return PromptKind.Evening;
        bool before = t.Contains("before") || t.Contains("pre-") || t.StartsWith("pre ", StringComparison.Ordinal);
        if (before && (t.Contains("commit") || t.Contains("deploy") || t.Contains("push") || t.Contains("merge") || t.Contains("release") || t.Contains("ship"))) return PromptKind.BeforeCommit;
        return null;
    }

    private sealed class Reader(string[] lines, int lineOffset, string source)
    {
        private int[]? _lineStarts;

        /// <summary>The line a block's last character is on (Markdig keeps a paragraph's lines only until inlines are parsed).</summary>
        private int LastLine(Block block)
        {
            if (_lineStarts is null)
            {
                var starts = new List<int> { 0 };
                for (int i = 0; i < source.Length; i++) if (source[i] == '\n') starts.Add(i + 1);
                _lineStarts = [.. starts];
            }
            int end = Math.Clamp(block.Span.End, 0, Math.Max(0, source.Length - 1));
            int index = Array.BinarySearch(_lineStarts, end);
            return Math.Max(block.Line, index >= 0 ? index : ~index - 1);
        }

        public string? Title;
        public readonly List<PlanUnit> Roots = [];
        public readonly List<PlanPrompt> Prompts = [];
        private readonly List<PlanUnit> _stack = [];
        private (PromptKind Kind, string Title, int Line, int Level, List<PlanItem> Items, string? Template)? _routine;
        private string? _pendingLabel; // A paragraph such as "**Pre-Commit Checklist:**" naming the list after it.

        private PlanUnit? Current => _stack.Count > 0 ? _stack[^1] : null;

        private string Raw(int line) => line >= 0 && line < lines.Length ? lines[line] : "";

        public void Block(Block block)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    Heading(heading);
                    _pendingLabel = null;
                    break;
                case ListBlock list:
                    List(list, depth: 0, _pendingLabel is { } label ? RoutineOf(label) is { } kind ? (kind, label) : null : null);
                    _pendingLabel = null;
                    break;
                case ParagraphBlock paragraph:
                    Paragraph(paragraph);
                    break;
                case FencedCodeBlock fence:
                    Fence(fence);
                    _pendingLabel = null;
                    break;
                case QuoteBlock quote:
                    foreach (var inner in quote) Block(inner);
                    break;
                case ThematicBreakBlock:
                    // "---" ends a routine section as a heading would.
                    if (_routine is { } open) CloseRoutine(open.Level);
                    _pendingLabel = null;
                    break;
                default:
                    _pendingLabel = null;
                    break;
            }
        }

        private void Heading(HeadingBlock heading)
        {
            string raw = Raw(heading.Line).Trim();
            string text = heading.IsSetext ? raw : raw.TrimStart('#').TrimEnd('#');
            string title = Clean(text);
            CloseRoutine(heading.Level);
            var time = TimeNames.Read(title);
            if (Title is null && heading.Level == 1 && time is null)
            {
                Title = title;
                return;
            }
            while (_stack.Count > 0 && _stack[^1].Level >= heading.Level) _stack.RemoveAt(_stack.Count - 1);
            if (RoutineOf(title) is { } kind)
            {
                _routine = (kind, title, lineOffset + heading.Line, heading.Level, [], null);
                return;
            }
            var unit = new PlanUnit
            {
                Kind = time is { Leads: true } t ? t.Range.Scale switch
                {
                    TimeScale.Day => PlanUnitKind.Day,
                    TimeScale.Week => PlanUnitKind.Week,
                    TimeScale.Month => PlanUnitKind.Month,
                    _ => PlanUnitKind.Year,
                } : time is not null || PhaseName().IsMatch(title) ? PlanUnitKind.Phase : PlanUnitKind.Section,
                Title = title,
                Range = time?.Range,
                Line = lineOffset + heading.Line,
                Level = heading.Level,
            };
            (Current?.Children ?? Roots).Add(unit);
            _stack.Add(unit);
        }

        /// <summary>A routine section ends at a heading of its level or above.</summary>
        private void CloseRoutine(int level)
        {
            if (_routine is not { } r || level > r.Level) return;
            Prompts.Add(new PlanPrompt { Kind = r.Kind, Title = r.Title, Items = r.Items, Line = r.Line, Template = r.Template });
            _routine = null;
        }

        public void Finish() => CloseRoutine(0);

        private void List(ListBlock list, int depth, (PromptKind Kind, string Title)? labelled)
        {
            foreach (var block in list)
            {
                if (block is not ListItemBlock item) continue;
                int line = item.Line;
                string raw = Raw(line);
                var box = Checkbox().Match(raw);
                string text = Clean(box.Success ? raw[box.Length..] : ListMarker().Replace(raw, "", 1));
                PlanItem? planItem = null;
                if (box.Success)
                    planItem = new PlanItem { Text = text, Checked = box.Groups[1].Value != " ", Line = lineOffset + line, CheckColumn = raw.IndexOf('[', StringComparison.Ordinal) + 1 };
                else if (list.IsOrdered && depth == 0)
                    planItem = new PlanItem { Text = text, Line = lineOffset + line };

                if (_routine is { } routine)
                {
                    routine.Items.Add(planItem ?? new PlanItem { Text = text, Line = lineOffset + line });
                }
                else
                {
                    if (planItem is not null && Current is { } unit) unit.Items.Add(planItem);
                    if (labelled is { } l) LabelledItems(l, text, line);
                }

                // A list item naming a routine ("**Pre-Commit Checklist**:") holds it in the list under it.
                var own = _routine is null && RoutineOf(text) is { } kind ? (kind, text) : ((PromptKind, string)?)null;
                foreach (var child in item)
                {
                    if (child is not ListBlock nested) continue;
                    if (own is not { } named)
                    {
                        List(nested, depth + 1, labelled);
                        continue;
                    }
                    // Its own routine: collected apart from an enclosing labelled list's items.
                    var enclosing = _labelledItems.ToList();
                    _labelledItems.Clear();
                    List(nested, depth + 1, named);
                    if (_labelledItems.Count > 0)
                        Prompts.Add(new PlanPrompt { Kind = named.Item1, Title = named.Item2, Items = [.. _labelledItems], Line = lineOffset + line });
                    _labelledItems.Clear();
                    _labelledItems.AddRange(enclosing);
                }
            }
            if (depth == 0 && labelled is { } top && _labelledItems.Count > 0)
            {
                Prompts.Add(new PlanPrompt { Kind = top.Kind, Title = top.Title, Items = [.. _labelledItems], Line = _labelledItems[0].Line });
                _labelledItems.Clear();
            }
        }

        private readonly List<PlanItem> _labelledItems = [];

        private void LabelledItems((PromptKind Kind, string Title) label, string text, int line)
        {
            var raw = Raw(line);
            var box = Checkbox().Match(raw);
            _labelledItems.Add(new PlanItem
            {
                Text = text, Line = lineOffset + line,
                Checked = box.Success ? box.Groups[1].Value != " " : null,
                CheckColumn = box.Success ? raw.IndexOf('[', StringComparison.Ordinal) + 1 : -1,
            });
        }

        private void Paragraph(ParagraphBlock paragraph)
        {
            int first = paragraph.Line, count = LastLine(paragraph) - paragraph.Line + 1;
            // A GFM table: a header row, then a delimiter row of hyphen cells (leading and trailing pipes optional).
            if (count >= 2 && Raw(first).Contains('|') && Raw(first + 1).Contains('|') && TableDelimiter().IsMatch(Raw(first + 1)))
            {
                Table(first, count);
                _pendingLabel = null;
                return;
            }
            _pendingLabel = null;
            for (int i = 0; i < count; i++)
            {
                string raw = Raw(first + i);
                var label = LabelLine().Match(raw);
                if (label.Success && Current is { } unit && _routine is null)
                {
                    string name = label.Groups[1].Value.ToLowerInvariant();
                    string value = Clean(label.Groups[2].Value);
                    if (value.Length == 0) continue;
                    if (name.StartsWith("success", StringComparison.Ordinal) || name == "metric") unit.Metric ??= value;
                    else unit.Goal ??= value;
                    continue;
                }
                // A line that only names what follows: "**Pre-Commit Checklist:**", "Rate yourself 1-10 on:".
                string cleaned = Clean(raw);
                if (i == count - 1 && raw.TrimEnd().TrimEnd('*', '_').EndsWith(':') && cleaned.Length is > 0 and < 80) _pendingLabel = cleaned;
            }
        }

        private void Fence(FencedCodeBlock fence)
        {
            string info = (fence.Info ?? "").Trim().ToLowerInvariant();
            if (info is not ("markdown" or "md" or "") || fence.Lines.Count == 0) return;
            int start = fence.Line + 1;
            var content = string.Join('\n', Enumerable.Range(0, fence.Lines.Count).Select(i => fence.Lines.Lines[i].Slice.ToString()));
            var inner = Parse(content, lineOffset + start, isDefault: false);
            // The weekly templates: each routine found inside, with the whole fence as the file's text.
            foreach (var prompt in inner.Prompts)
            {
                Prompts.Add(new PlanPrompt
                {
                    Kind = prompt.Kind, Title = prompt.Title, Items = prompt.Items, Line = prompt.Line,
                    Template = prompt.Kind is PromptKind.WeeklyGoals or PromptKind.WeeklyReview ? content : null,
                });
            }
            if (_routine is { } r && inner.Prompts.Count == 0 && r.Kind is PromptKind.WeeklyGoals or PromptKind.WeeklyReview)
                _routine = r with { Template = content };
            else if (_routine is { } open && inner.Prompts.Count > 0 && open.Items.Count == 0)
                _routine = null; // "Weekly Goals Template" holding the goals and review: the fence's routines stand for it.
        }

        private void Table(int first, int count)
        {
            var header = Cells(Raw(first)).Select(c => Clean(c.Text).ToLowerInvariant()).ToList();
            int Find(params string[] names) => header.FindIndex(h => names.Any(n => h == n || h.StartsWith(n + " ", StringComparison.Ordinal) || h.Contains(n, StringComparison.Ordinal) && n.Contains(' ')));
            int titleColumn = Find("topic", "task", "skill", "title", "name", "item", "goal", "area", "module", "subject", "course", "book", "project", "focus");
            if (titleColumn < 0) titleColumn = 0;
            int priorityColumn = Find("priority", "prio", "rank", "order");
            int hoursColumn = Find("actual hours", "hours spent", "time spent", "actual time", "actual");
            int timeColumn = Find("week", "weeks", "month", "months", "day", "days", "year", "when");
            int statusColumn = Find("status", "done", "complete", "completed", "state");
            for (int i = 2; i < count; i++)
            {
                int line = first + i;
                var cells = Cells(Raw(line));
                if (cells.Count == 0) continue;
                string Cell(int column) => column >= 0 && column < cells.Count ? Clean(cells[column].Text) : "";
                string title = Cell(titleColumn);
                if (title.Length == 0) continue;
                TimeRange? range = null;
                if (timeColumn >= 0 && Cell(timeColumn) is { Length: > 0 } when)
                    range = (TimeNames.Read(when) ?? TimeNames.Read($"{header[timeColumn]} {when}"))?.Range;
                string status = Cell(statusColumn).ToLowerInvariant();
                bool done = status is "done" or "complete" or "completed" or "finished" or "yes" or "x" or "[x]" or "✅" or "✔" or "✓" ||
                            status.StartsWith("done", StringComparison.Ordinal) || status.Contains('✅');
                var row = new PlanUnit
                {
                    Kind = PlanUnitKind.Row, Title = title, Range = range, Line = lineOffset + line, Level = 7,
                    Priority = priorityColumn >= 0 ? Priority(Cell(priorityColumn)) : null,
                    Hours = hoursColumn >= 0 && hoursColumn < cells.Count ? new PlanCell(lineOffset + line, cells[hoursColumn].Start, cells[hoursColumn].End, Cell(hoursColumn)) : null,
                    Done = done,
                };
                if (_routine is null) (Current?.Children ?? Roots).Add(row);
            }
        }

        /// <summary>1, 2, …; P0–P9; critical/high/medium/low: lower comes first.</summary>
        private static int? Priority(string text)
        {
            string t = text.Trim().ToLowerInvariant();
            if (int.TryParse(t, out int n)) return n;
            if (t.Length == 2 && t[0] == 'p' && char.IsAsciiDigit(t[1])) return t[1] - '0';
            return t switch
            {
                "critical" or "urgent" or "must" => 0,
                "high" => 1,
                "medium" or "med" or "normal" or "should" => 2,
                "low" or "could" => 3,
                "" => null,
                _ => 4,
            };
        }

        /// <summary>A table row's cells with their columns in the raw line (escaped pipes stay in the cell).</summary>
        private static List<(string Text, int Start, int End)> Cells(string raw)
        {
            var cells = new List<(string, int, int)>();
            if (!raw.Contains('|')) return cells;
            int start = raw.TrimStart().StartsWith('|') ? raw.IndexOf('|') + 1 : 0;
            for (int j = start; j <= raw.Length; j++)
            {
                if (j < raw.Length && (raw[j] != '|' || raw[j - 1] == '\\')) continue;
                if (j == raw.Length && raw.TrimEnd().EndsWith('|')) break;
                // The span between the pipes (what an edit of the cell replaces), and its text.
                cells.Add((raw[start..j].Trim(), start, j));
                start = j + 1;
            }
            return cells;
        }
    }
}
