namespace CareerLsp.Core.Domain.Library;

/// <summary>
/// Words as the matcher compares them: runs of letters and digits, split again at camelCase
/// boundaries (<c>initContainers</c> is <c>init</c>, <c>containers</c>), lower-cased and crudely
/// stemmed (<c>containers</c>, <c>container</c>), then hashed. Library terms and the change are cut
/// by this one function, so whatever it does to a word it does on both sides.
/// </summary>
public static class Tokens
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>
    /// Gives <paramref name="sink"/> each word's hash and its span in <paramref name="text"/>; a word
    /// written as several (<c>CoreDNS</c>) is also given whole, after its parts, with
    /// <c>compound</c> set, so <c>coredns</c> finds it too. A sink class rather than a generic
    /// callback: ReadyToRun cannot precompile generics over value-type state, and the commit-msg hook
    /// would pay for their compilation on every commit.
    /// </summary>
    public static void Scan(ReadOnlySpan<char> text, TokenSink sink)
    {
        Span<char> buffer = stackalloc char[64];
        int i = 0, n = text.Length;
        while (i < n)
        {
            while (i < n && !char.IsLetterOrDigit(text[i])) i++;
            if (i >= n) break;
            int runStart = i, parts = 0;
            while (i < n && char.IsLetterOrDigit(text[i]))
            {
                int start = i;
                i++;
                while (i < n && char.IsLetterOrDigit(text[i]) && !IsCamelBoundary(text, i)) i++;
                if (Emit(text, start, i - start, buffer, sink, compound: false)) parts++;
            }
            if (parts > 1) Emit(text, runStart, i - runStart, buffer, sink, compound: true);
        }
    }

    // Hashes, base64 and minified code are not words. One letter is ("z-index"); the matcher never
    // takes one alone as a keyword.
    private static bool Emit(ReadOnlySpan<char> text, int start, int length, Span<char> buffer, TokenSink sink, bool compound)
    {
        if (length > buffer.Length) return false;
        for (int k = 0; k < length; k++) buffer[k] = char.ToLowerInvariant(text[start + k]);
        int stemmed = Stem(buffer[..length]);
        sink.Token(Hash(buffer[..stemmed]), start, length, compound);
        return true;
    }

    /// <summary>The hash of a word written whole (<c>CoreDNS</c> as <c>coredns</c>), as <see cref="Scan"/> gives compounds.</summary>
    public static ulong? Whole(string word)
    {
        var sink = new WholeSink();
        Scan(word, sink);
        return sink.Whole;
    }

    /// <summary>The hashes of the words of <paramref name="text"/>, in order.</summary>
    public static List<ulong> Of(string text)
    {
        var sink = new HashSink();
        Scan(text, sink);
        return sink.Hashes;
    }

    /// <summary>The words of <paramref name="text"/> with their hashes, as written (lower-cased, not stemmed), for messages.</summary>
    public static SurfaceWords Surface(string text)
    {
        var sink = new SurfaceSink(text);
        Scan(text, sink);
        return sink.Words;
    }

    /// <summary>Key of an identifier's words in order (a single word is its own key).</summary>
    public static ulong Sequence(IReadOnlyList<ulong> words)
    {
        if (words.Count == 1) return words[0];
        ulong key = 17;
        foreach (var word in words) key = Pair(key, word);
        return key;
    }

    /// <summary>The normalised (lower-cased, stemmed) words of <paramref name="text"/>, for display and debugging.</summary>
    public static List<string> Words(string text)
    {
        var sink = new StemSink(text);
        Scan(text, sink);
        return sink.Words;
    }

    private sealed class WholeSink : TokenSink
    {
        public ulong? Whole;

        public override void Token(ulong hash, int start, int length, bool compound)
        {
            if (compound) Whole = hash;
        }
    }

    private sealed class HashSink : TokenSink
    {
        public readonly List<ulong> Hashes = [];

        public override void Token(ulong hash, int start, int length, bool compound)
        {
            if (!compound) Hashes.Add(hash);
        }
    }

    private sealed class SurfaceSink(string text) : TokenSink
    {
        public readonly SurfaceWords Words = new();

        public override void Token(ulong hash, int start, int length, bool compound)
        {
            if (compound) return;
            Words.Hashes.Add(hash);
            Words.Written.Add(text.Substring(start, length).ToLowerInvariant());
        }
    }

    private sealed class StemSink(string text) : TokenSink
    {
        public readonly List<string> Words = [];

        public override void Token(ulong hash, int start, int length, bool compound)
        {
            if (compound) return;
            Span<char> lower = stackalloc char[length];
            for (int k = 0; k < length; k++) lower[k] = char.ToLowerInvariant(text[start + k]);
            Words.Add(new string(lower[..Stem(lower)]));
        }
    }

    public static ulong Hash(ReadOnlySpan<char> word)
    {
        ulong hash = OffsetBasis;
        foreach (char c in word)
        {
            hash ^= c;
            hash *= Prime;
        }
        return hash;
    }

    /// <summary>Two words in a row, as one key.</summary>
    public static ulong Pair(ulong first, ulong second) => (first * 31) ^ (second + 0x9E3779B97F4A7C15UL);

    // "initContainers": a lower-case letter followed by an upper-case one; "HTTPServer": the last
    // capital of a run before a lower-case letter; letters and digits are not split ("utf8", "k8s").
    private static bool IsCamelBoundary(ReadOnlySpan<char> text, int i)
    {
        char previous = text[i - 1], current = text[i];
        if (!char.IsUpper(current)) return false;
        if (char.IsLower(previous)) return true;
        return char.IsUpper(previous) && i + 1 < text.Length && char.IsLower(text[i + 1]);
    }

    /// <summary>Drops plural and verb endings from a lower-case word in place; returns the new length.</summary>
    internal static int Stem(Span<char> word)
    {
        int n = StripSuffix(word);
        // "time", "timed", "timing" all become "tim"; "cache", "cached", "caching" "cach".
        return n > 3 && word[n - 1] == 'e' ? n - 1 : n;
    }

    private static int StripSuffix(Span<char> word)
    {
        int n = word.Length;
        if (n <= 3 || char.IsAsciiDigit(word[n - 1])) return n;
        if (n > 4 && word[(n - 3)..].SequenceEqual("ies"))
        {
            word[n - 3] = 'y';
            return n - 2;
        }
        if (n > 5 && word[(n - 3)..].SequenceEqual("ing")) return Undouble(word, n - 3);
        if (n > 4 && word[(n - 2)..].SequenceEqual("ed")) return Undouble(word, n - 2);
        if (n > 4 && word[(n - 2)..].SequenceEqual("es") && word[n - 3] is 's' or 'x' or 'z' or 'h') return n - 2;
        if (word[n - 1] == 's' && word[n - 2] is not ('s' or 'u' or 'i')) return n - 1;
        return n;
    }

    // "locked" → "lock", "mapping" → "map": the crude stem is only ever compared with itself.
    private static int Undouble(Span<char> word, int length)
    {
        if (length >= 3 && word[length - 1] == word[length - 2] && word[length - 1] is not ('l' or 's' or 'z')) return length - 1;
        return length;
    }
}

/// <summary>Words as written (lower-cased) beside their hashes: two lists, not a list of tuples (see <see cref="Tokens.Scan"/>).</summary>
public sealed class SurfaceWords
{
    public List<ulong> Hashes { get; } = [];

    public List<string> Written { get; } = [];
}

/// <summary>Receives each word <see cref="Tokens.Scan"/> finds.</summary>
public abstract class TokenSink
{
    /// <summary>A word: its hash, where it is, and whether it is a compound given whole after its parts.</summary>
    public abstract void Token(ulong hash, int start, int length, bool compound);
}
