using CareerLsp.Core.Domain.Library.Code;
using CareerLsp.Core.Syntax;

namespace CareerLsp.Core.Domain.Library;

/// <summary>A library entry that may apply to a change, with how strongly and why.</summary>
public sealed record PatternMatch(PatternEntry Entry, double Score, IReadOnlyList<string> Evidence)
{
    /// <summary>Whether a fact read from the code (<see cref="CodeFact"/>) supports it, not words alone.</summary>
    public bool FromCode { get; init; }
}

/// <summary>
/// Finds the library entries that may apply to a change. Precision first: a hint that fires on
/// every change teaches users to ignore it, so an entry needs more than one word in common with
/// the change, and none of the signs that the change already does what the entry says.
/// <list type="bullet">
/// <item>Evidence: the entry's <c>Matches:</c> terms (a phrase or an identifier such as
/// <c>GetAwaiter().GetResult()</c> weighs 1, a single word or a path glob ½) and the distinctive
/// words of its problem (up to ½ each, less the more entries of the library share them). An entry
/// matches with a weight of at least 1¼ from two or more pieces of evidence; without a term, the
/// problem words found must also carry a third of the problem's weight.</item>
/// <item>Counter-evidence: words the problem negates (<c>without a TTL</c>, <c>missing the
/// tenant</c>) and words only the remedy has (<c>setex</c>, <c>theme</c>) mean the change or its message
/// already applies the remedy; a term that is also a remedy word counts against, not for.</item>
/// </list>
/// Built once per library version; <see cref="Match"/> is a hash lookup per word.
/// </summary>
public sealed class PatternMatcher
{
    /// <summary>The evidence weight an entry needs.</summary>
    public const double Threshold = 1.25;

    /// <summary>An identifier written as code in a problem (<c>kubeVersion</c>) weighs this much.</summary>
    private const double CodeWeight = 0.5;

    /// <summary>A word found in one entry of the library weighs this much; shared words less.</summary>
    private const double WordWeight = 0.5;

    /// <summary>
    /// What a problem leads to ("…, which breaks existing API clients") names the damage, not the
    /// change that causes it: those words weigh half (precision 0.593 → 0.615 on the labelled set).
    /// </summary>
    private const double ConsequenceFactor = 0.5;

    /// <summary>
    /// Without a term or a fact, the problem words found must carry at least this share of the
    /// problem's weight (0.34 → 0.5 once facts carried the code-level cases: precision on the
    /// labelled set rose with no loss of recall).
    /// </summary>
    private const double Coverage = 0.5;

    private readonly List<Candidate> _candidates = [];

    public PatternMatcher(PatternLibrary library)
    {
        Library = library;
        // Loops and small lists rather than LINQ and sets: an entry has a dozen words, and the
        // matcher is built again for every version of a 10,000-entry library.
        var analysed = new List<Analysed>(library.Entries.Count);
        var cache = new ChunkCache();
        var documentFrequency = new Dictionary<ulong, int>();
        foreach (var entry in library.Entries)
        {
            if (entry.Problem.Length == 0) continue;
            var problem = Keywords(entry.Problem, out var negated, cache);
            analysed.Add(new Analysed(entry, problem, negated));
            foreach (var keyword in problem) // Keywords are distinct within a problem.
                documentFrequency[keyword.Key] = documentFrequency.GetValueOrDefault(keyword.Key) + 1;
        }
        double maxIdf = Math.Log(1 + Math.Max(1, analysed.Count));
        var problemWords = new List<ulong>();
        var remedyWords = new List<ulong>();
        var termWords = new List<ulong>();
        foreach (var (entry, problem, negated) in analysed)
        {
            // (A class, not a tuple: see Tokens.Scan on ReadyToRun and value types.)
            problemWords.Clear();
            var weighted = new List<Keyword>(problem.Count);
            foreach (var keyword in problem)
            {
                // Rare in the library weighs more; a word in every entry says nothing about which applies.
                double idf = Math.Log(1 + (double)analysed.Count / documentFrequency[keyword.Key]);
                keyword.Weight = (keyword.IsCode ? CodeWeight : WordWeight) * idf / maxIdf * (keyword.IsConsequence ? ConsequenceFactor : 1);
                if (keyword.Weight > 0) weighted.Add(keyword);
                problemWords.AddRange(keyword.Words);
            }
            var remedy = Keywords(entry.Remedy, out _, cache);
            remedyWords.Clear();
            foreach (var keyword in remedy)
                foreach (var word in keyword.Words)
                    if (!problemWords.Contains(word)) remedyWords.Add(word);
            List<Term>? terms = null, counter = null;
            termWords.Clear();
            foreach (var patternTerm in entry.Terms)
            {
                var term = Term.From(patternTerm);
                // "setex" named in the remedy and as a term: seeing it means the remedy is there.
                if (term.Words.Length > 0 && AllIn(term.Words, remedyWords))
                {
                    (counter ??= []).Add(term);
                    continue;
                }
                (terms ??= []).Add(term);
                termWords.AddRange(term.Words);
            }
            // Remedy words that share nothing with the problem or the terms: "theme", "postgresql_concurrently".
            var remedyOnly = new List<Keyword>();
            foreach (var keyword in remedy)
                if (!AnyIn(keyword.Words, problemWords) && !AnyIn(keyword.Words, termWords)) remedyOnly.Add(keyword);
            _candidates.Add(new Candidate(entry, terms?.ToArray() ?? [], [.. weighted], [.. negated, .. remedyOnly], counter?.ToArray() ?? [], [.. problem], [.. negated], [.. remedyOnly]));
        }

        static bool AllIn(ulong[] words, List<ulong> set)
        {
            foreach (var word in words) if (!set.Contains(word)) return false;
            return true;
        }

        static bool AnyIn(ulong[] words, List<ulong> set)
        {
            foreach (var word in words) if (set.Contains(word)) return true;
            return false;
        }
    }

    public PatternLibrary Library { get; }

    /// <summary>The entries that may apply, best first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<PatternMatch> Match(ChangeEvidence change, int limit = int.MaxValue)
    {
        var matches = new List<PatternMatch>();
        if (change.IsEmpty) return matches;
        var fileNames = new string[change.Paths.Count];
        for (int i = 0; i < fileNames.Length; i++) fileNames[i] = change.Paths[i][(change.Paths[i].LastIndexOf('/') + 1)..];
        foreach (var candidate in _candidates)
        {
            if (Score(candidate, change, fileNames) is { } match) matches.Add(match);
        }
        // Where the code itself shows an entry's problem, entries that only share words with the
        // change are the noise users learn to ignore: they are left out.
        if (matches.Exists(m => m.FromCode)) matches.RemoveAll(m => !m.FromCode);
        matches.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Entry.Line.CompareTo(b.Entry.Line));
        if (matches.Count > limit) matches.RemoveRange(limit, matches.Count - limit);
        return matches;
    }

    /// <summary>
    /// Where a word occurs, or a sequence of words one after the other (every adjacent pair), or the
    /// sequence written as one word (<c>CoreDNS</c>, <c>coredns</c>).
    /// </summary>
    private static EvidenceSource Occurrence(ulong[] words, ulong? whole, ChangeEvidence change)
    {
        if (words.Length == 0) return EvidenceSource.None;
        if (words.Length == 1) return change.Word(words[0]);
        var found = whole is { } w ? change.Word(w) : EvidenceSource.None;
        var pairs = (EvidenceSource)0xFF;
        for (int k = 1; k < words.Length; k++) pairs &= change.Pair(words[k - 1], words[k]);
        return found | pairs;
    }

    private const EvidenceSource Written = EvidenceSource.AddedLine | EvidenceSource.Message;

    private static PatternMatch? Score(Candidate candidate, ChangeEvidence change, string[] fileNames, List<string>? why = null)
    {
        double total = 0;
        int pieces = 0;
        bool strong = false;
        List<string>? evidence = null;
        // What the code does, read by the fact detectors: an entry that says the same thing in its
        // own words has the strongest evidence there is.
        // Shown with where the code says it ("app/shipping.py:30: outbound HTTP … without timeout"),
        // once per kind of fact.
        bool supported = false;
        List<string>? said = null;
        foreach (var fact in change.Facts)
        {
            if (fact.IsRemedy || !Supports(candidate, fact)) continue;
            supported = true;
            if (said?.Contains(fact.Display) == true) continue;
            (said ??= []).Add(fact.Display);
            total += FactWeight;
            pieces++;
            strong = true;
            (evidence ??= []).Add(fact.ToString());
        }
        foreach (var term in candidate.Terms)
        {
            if (!term.Matches(change, fileNames)) continue;
            total += term.Weight;
            pieces++;
            strong |= term.Weight >= 1;
            (evidence ??= []).Add(term.Text);
        }
        int termHits = pieces;
        double keywordTotal = 0, keywordFound = 0;
        foreach (var keyword in candidate.Keywords)
        {
            keywordTotal += keyword.Weight;
            if (keyword.OccursIn(change) == EvidenceSource.None) continue;
            keywordFound += keyword.Weight;
            if (evidence?.Contains(keyword.Display, StringComparer.OrdinalIgnoreCase) == true) continue;
            total += keyword.Weight;
            pieces++;
            strong |= keyword.Weight >= 1;
            (evidence ??= []).Add(keyword.Display);
        }
        why?.Add($"total {total:0.00} from {pieces} ({string.Join(", ", evidence ?? [])}), problem words {keywordFound:0.00}/{keywordTotal:0.00}{(supported ? ", fact" : "")}");
        if (evidence is null || total < Threshold || (pieces < 2 && !strong)) return Rejected(why, "too little evidence");
        // Problem words alone must carry a good share of the problem.
        if (!supported && termHits == 0 && keywordTotal > 0 && keywordFound / keywordTotal < Coverage) return Rejected(why, "too little of the problem");
        if (!supported)
        {
            // What the problem lacks, written, or a remedy's word in the message ("use the theme's
            // z-index") or its code word in the code ("setex", "postgresql_concurrently"), says the
            // remedy is there; a remedy's plain word in code ("await", "column", "write") is common in
            // any change of its kind, so there it takes two.
            int plain = 0;
            foreach (var keyword in candidate.Negated)
                if ((keyword.OccursIn(change) & Written) != 0) return Rejected(why, $"negated word '{keyword.Display}' is written");
            foreach (var keyword in candidate.RemedyOnly)
            {
                var where = keyword.OccursIn(change);
                if ((where & Written) == 0) continue;
                if (keyword.IsCode || (where & EvidenceSource.Message) != 0 || ++plain == 2) return Rejected(why, $"remedy word '{keyword.Display}' is written");
            }
            foreach (var term in candidate.CounterTerms)
                if ((term.Occurrence(change) & Written) != 0) return Rejected(why, $"remedy term '{term.Text}' is written");
            foreach (var fact in change.Facts)
                if (FactContradicts(candidate, fact)) return Rejected(why, $"fact '{fact.Display}' says the remedy is there");
        }
        // Grows with the evidence and stays below 1: 1¼ (just enough) is 0.56, 3 is 0.75.
        return new PatternMatch(candidate.Entry, Math.Round(total / (total + 1), 3), evidence) { FromCode = supported };
    }

    private static PatternMatch? Rejected(List<string>? why, string reason)
    {
        why?.Add("rejected: " + reason);
        return null;
    }

    /// <summary>A fact counts for an entry when it says at least two of the problem's words…</summary>
    private const double FactSupportNeeded = 2;

    /// <summary>
    /// …and a third of the problem: "external HTTP call" is two words of "Transaction kept open
    /// across an external HTTP call holds row locks", but not what that entry is about.
    /// </summary>
    private const double FactShareNeeded = 1.0 / 3;

    private static bool Supports(Candidate candidate, CodeFact fact)
    {
        double support = FactSupport(candidate, fact);
        if (support < FactSupportNeeded) return false;
        double whole = candidate.Negated.Length;
        foreach (var keyword in candidate.Problem) whole += keyword.IsConsequence ? 0.5 : 1;
        return support / whole >= FactShareNeeded;
    }

    /// <summary>A supporting fact is enough on its own: it is the code saying what the entry says.</summary>
    private const double FactWeight = Threshold;

    /// <summary>
    /// How much of an entry's problem a fact says: each problem word the fact has (half for what the
    /// problem leads to), and each word the problem says is missing that the fact says is missing.
    /// An entry about something missing ("without a TTL", "no limit") is only supported by a fact
    /// that says so; "never closed again", "not incremented" describe, they name nothing missing.
    /// </summary>
    private static double FactSupport(Candidate candidate, CodeFact fact)
    {
        double support = 0;
        foreach (var keyword in candidate.Problem)
            if (keyword.IsIn(fact.PresentWords)) support += keyword.IsConsequence ? 0.5 : 1;
        bool lacks = false, absent = false;
        foreach (var keyword in candidate.Negated)
        {
            lacks |= keyword.IsLacking;
            if (!keyword.IsIn(fact.AbsentWords)) continue;
            absent = true;
            support += 1;
        }
        return absent || !lacks ? support : 0;
    }

    /// <summary>
    /// A fact that says the remedy is there (a sign of the remedy that names two of the entry's
    /// words: "image pinned to a digest", "SQL with bound parameters"), or that what the problem
    /// lacks is there.
    /// </summary>
    private static bool FactContradicts(Candidate candidate, CodeFact fact)
    {
        int remedy = 0;
        foreach (var keyword in candidate.RemedyOnly)
            if (keyword.IsIn(fact.PresentWords)) remedy++;
        if (fact.IsRemedy)
            foreach (var keyword in candidate.Problem)
                if (keyword.IsIn(fact.PresentWords)) remedy++;
        if (remedy >= 2) return true;
        foreach (var keyword in candidate.Negated)
            if (keyword.IsIn(fact.PresentWords)) return true;
        return false;
    }

    /// <summary>Why each entry did or did not match the change, for tuning and for <c>--explain</c>.</summary>
    internal IReadOnlyList<(PatternEntry Entry, PatternMatch? Match, IReadOnlyList<string> Why)> Explain(ChangeEvidence change)
    {
        var result = new List<(PatternEntry, PatternMatch?, IReadOnlyList<string>)>();
        var fileNames = new string[change.Paths.Count];
        for (int i = 0; i < fileNames.Length; i++) fileNames[i] = change.Paths[i][(change.Paths[i].LastIndexOf('/') + 1)..];
        foreach (var candidate in _candidates)
        {
            var why = new List<string>();
            var match = Score(candidate, change, fileNames, why);
            result.Add((candidate.Entry, match, why));
        }
        return result;
    }

    /// <summary>
    /// The distinctive words of a problem (or remedy): identifiers (camelCase, snake_case, dotted, in
    /// backticks) stay whole as phrases; other words count unless they are common English or common
    /// in changes. Up to two words after <c>without</c>, <c>no</c>, <c>missing</c> (one after
    /// <c>not</c>, <c>never</c>) are what the problem lacks: they go to <paramref name="negated"/>.
    /// </summary>
    internal static List<Keyword> Keywords(string text, out List<Keyword> negated) => Keywords(text, out negated, new ChunkCache());

    private static List<Keyword> Keywords(string text, out List<Keyword> negated, ChunkCache cache)
    {
        var keywords = new List<Keyword>();
        negated = [];
        var seen = new List<ulong>();
        int negation = 0;
        bool lacking = false, consequence = false;
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (i == start) continue;
            var chunk = cache.Get(text.AsSpan(start, i - start));
            if (chunk.Words.Length == 0) continue;
            if (chunk.Words.Length == 1 && NegationWords.TryGetValue(chunk.Stems[0], out int scope))
            {
                negation = scope;
                lacking = scope > 1;
                continue;
            }
            if (chunk.Words.Length == 1 && ConsequenceWords.Contains(chunk.Stems[0])) consequence = true;
            if (chunk.IsIdentifier)
            {
                if (!seen.Contains(chunk.Key))
                {
                    seen.Add(chunk.Key);
                    (negation > 0 ? negated : keywords).Add(new Keyword(chunk.Words, chunk.Text, isCode: true) { Whole = chunk.Whole, IsConsequence = consequence, IsLacking = negation > 0 && lacking });
                }
                if (negation > 0) negation--;
            }
            else
            {
                for (int k = 0; k < chunk.Words.Length; k++)
                {
                    string stem = chunk.Stems[k];
                    if (stem.Length < 2 || Stopwords.Contains(stem) || IsNumber(stem))
                    {
                        // "not updated with package.json": "not" negates the verb after it, even a
                        // common one; "without a TTL" skips the article.
                        if (negation > 0 && !lacking && Stopwords.Contains(stem) && !Articles.Contains(stem)) negation--;
                        continue;
                    }
                    if (!seen.Contains(chunk.Words[k]))
                    {
                        seen.Add(chunk.Words[k]);
                        (negation > 0 ? negated : keywords).Add(new Keyword([chunk.Words[k]], chunk.Surface[k], chunk.IsCode) { IsConsequence = consequence, IsLacking = negation > 0 && lacking });
                    }
                    if (negation > 0) negation--;
                }
            }
            if (chunk.EndsClause)
            {
                negation = 0;
                if (chunk.Text.Length > 0) consequence = true;
            }
        }
        return keywords;
    }

    private static bool IsNumber(string word)
    {
        foreach (char c in word) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    /// <summary>A whitespace-separated piece of a problem or remedy, read once per distinct piece.</summary>
    private sealed record Chunk(string Text, bool IsCode, bool IsIdentifier, bool EndsClause, ulong[] Words, string[] Stems, string[] Surface, ulong? Whole, ulong Key);

    /// <summary>
    /// Libraries repeat their words: each distinct piece is tokenised once per matcher, looked up by
    /// span so that no string is made for a piece seen before.
    /// </summary>
    private sealed class ChunkCache
    {
        private readonly Dictionary<string, Chunk> _chunks = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Chunk>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public ChunkCache() => _lookup = _chunks.GetAlternateLookup<ReadOnlySpan<char>>();

        public Chunk Get(ReadOnlySpan<char> raw)
        {
            if (_lookup.TryGetValue(raw, out var chunk)) return chunk;
            string rawText = raw.ToString();
            string text = rawText.Trim(TrimmedPunctuation);
            bool code = text.Contains('`');
            text = text.Replace("`", "", StringComparison.Ordinal);
            bool endsClause = rawText[^1] is ',' or ';' or '.' or ':' or ')';
            var surface = Tokens.Surface(text);
            var words = surface.Hashes.ToArray();
            var stems = Tokens.Words(text).ToArray();
            bool identifier = words.Length > 1 && IsIdentifier(text);
            chunk = new Chunk(text, code, identifier, endsClause, words, stems, surface.Written.ToArray(), identifier ? Tokens.Whole(text) : null, Tokens.Sequence(words));
            _chunks[rawText] = chunk;
            return chunk;
        }
    }

    private static readonly HashSet<string> Articles = new(Tokens.Words("a an the its their any"), StringComparer.Ordinal);

    /// <summary>Words after which a problem says what follows from it ("…, so the sender times out").</summary>
    private static readonly HashSet<string> ConsequenceWords = new(Tokens.Words("so which because causing until"), StringComparer.Ordinal);

    // Keyed by stem, as Keywords compares them: "missing" is looked up as "miss".
    private static readonly Dictionary<string, int> NegationWords = new Dictionary<string, int>
    {
        ["without"] = 2, ["no"] = 2, ["missing"] = 2, ["lack"] = 2, ["not"] = 1, ["never"] = 1, ["unpinned"] = 0,
    }.ToDictionary(pair => Tokens.Words(pair.Key)[0], pair => pair.Value, StringComparer.Ordinal);

    private static readonly char[] TrimmedPunctuation = [.. ".,;:!?()[]{}\"'“”‘’"];

    // "kubeVersion", "max_connections", "Chart.yaml", "pg-bouncer": one name written as several words.
    private static bool IsIdentifier(string chunk)
    {
        for (int k = 1; k < chunk.Length; k++)
        {
            char c = chunk[k], p = chunk[k - 1];
            if (char.IsUpper(c) && char.IsLower(p)) return true;
            if (c is '_' or '.' or '/' or ':' && k + 1 < chunk.Length && char.IsLetterOrDigit(chunk[k + 1]) && char.IsLetterOrDigit(p)) return true;
        }
        return false;
    }

    /// <summary>Words that say nothing about which problem a change has (stemmed as <see cref="Tokens"/> stems).</summary>
    private static readonly HashSet<string> Stopwords = new(Tokens.Words("""
        a an the and or but nor not no yes of in on at to for from by with without into onto over under
        about after before during while until since than then when where which who whom whose what why how
        is are was were be been being am do does did done doing have has had having can could should would
        will shall may might must this that these those it its it's they them their there here we our you your
        he she his her i me my all any some every each both either neither one two three first last next new old
        same other another more most less least much many few only just also even still already again ever
        never always often sometimes very too so such as if else up down out off via per vs etc
        get gets got set sets use uses used using make makes made run runs ran running add adds added remove
        change changes changed update updates updated check checks checked fix fixes fixed work works
        forget forgot forgotten miss missing missed wrong bad broken fail fails failed failure error errors
        issue issues problem problems bug bugs thing things way case cases time times value values data
        file files code line lines name names type types default instead first second third before after
        need needs needed want wants let lets try tries trying call calls called return returns true false null
        """.Replace('\n', ' ')), StringComparer.Ordinal);

    // Against: words that mean the remedy is already there (negated problem words, remedy-only words);
    // CounterTerms: terms that are remedy words.
    private sealed record Analysed(PatternEntry Entry, List<Keyword> Problem, List<Keyword> Negated);

    private sealed record Candidate(PatternEntry Entry, Term[] Terms, Keyword[] Keywords, Keyword[] Against, Term[] CounterTerms, Keyword[] Problem, Keyword[] Negated, Keyword[] RemedyOnly);

    /// <summary>A distinctive word of a problem, or an identifier as the sequence of its words.</summary>
    internal sealed class Keyword(ulong[] words, string display, bool isCode)
    {
        public ulong[] Words { get; } = words;

        public string Display { get; } = display;

        public bool IsCode { get; } = isCode;

        public double Weight { get; set; }

        /// <summary>Said of what the problem leads to, not of the problem itself: it weighs half.</summary>
        public bool IsConsequence { get; init; }

        /// <summary>Named as missing (after <c>without</c>, <c>no</c>, <c>missing</c>, <c>lack</c>), not merely negated.</summary>
        public bool IsLacking { get; init; }

        /// <summary>An identifier's hash written whole (<c>kubeVersion</c> as <c>kubeversion</c>).</summary>
        public ulong? Whole { get; init; }

        public ulong Key { get; } = Tokens.Sequence(words);

        /// <summary>Where the word (or every pair of the identifier's words, or the identifier whole) occurs.</summary>
        public EvidenceSource OccursIn(ChangeEvidence change) => Occurrence(Words, Whole, change);

        /// <summary>Whether a fact's words have this one: every word of it, or the identifier whole.</summary>
        public bool IsIn(ulong[] words)
        {
            if (Whole is { } whole && Array.IndexOf(words, whole) >= 0) return true;
            foreach (var word in Words) if (Array.IndexOf(words, word) < 0) return false;
            return true;
        }
    }

    /// <summary>A term of a <c>Matches:</c> item, ready to compare.</summary>
    private sealed class Term
    {
        private readonly ulong[] _words;
        private readonly ulong? _whole;
        private readonly Glob? _glob;
        private readonly string? _fileName;

        private Term(string text, ulong[] words, Glob? glob, string? fileName)
        {
            Text = text;
            _words = words;
            _whole = words.Length > 1 ? Tokens.Whole(text) : null;
            _glob = glob;
            _fileName = fileName;
            // A phrase or an identifier of several words says much; one word or a path, where to look.
            Weight = glob is null && fileName is null && words.Length > 1 ? 1 : 0.5;
        }

        public string Text { get; }

        public ulong[] Words => _words;

        public double Weight { get; }

        /// <summary>Where the term's words occur in the change's text (paths aside).</summary>
        public EvidenceSource Occurrence(ChangeEvidence change) => PatternMatcher.Occurrence(_words, _whole, change);

        public static Term From(PatternTerm term)
        {
            if (term.IsGlob) return new Term(term.Text, [], new Glob(term.Text), null);
            string? fileName = term.IsPath ? term.Text.TrimEnd('/') : null;
            return new Term(term.Text, [.. Tokens.Of(term.Text)], null, fileName);
        }

        public bool Matches(ChangeEvidence change, string[] fileNames)
        {
            if (_glob is { } glob)
            {
                foreach (var path in change.Paths) if (glob.IsMatch(path)) return true;
                return false;
            }
            if (_fileName is { } name)
            {
                // "Chart.yaml" is a file name; "deploy/helm" a directory or a path suffix.
                bool hasSlash = name.Contains('/');
                for (int k = 0; k < change.Paths.Count; k++)
                {
                    if (!hasSlash && string.Equals(fileNames[k], name, StringComparison.OrdinalIgnoreCase)) return true;
                    if (hasSlash && ContainsSegment(change.Paths[k], name)) return true;
                }
            }
            return Occurrence(change) != EvidenceSource.None;
        }

        // "deploy/helm" in "infra/deploy/helm/values.yaml", at segment boundaries.
        private static bool ContainsSegment(string path, string segment)
        {
            int at = 0;
            while ((at = path.IndexOf(segment, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                bool startOk = at == 0 || path[at - 1] == '/';
                int end = at + segment.Length;
                bool endOk = end == path.Length || path[end] == '/';
                if (startOk && endOk) return true;
                at++;
            }
            return false;
        }
    }
}
