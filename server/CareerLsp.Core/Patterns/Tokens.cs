namespace CareerLsp.Core.Patterns;

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
    /// Calls <paramref name="onToken"/> with each word's hash and its span in <paramref name="text"/>;
    /// a word written as several (<c>CoreDNS</c>) is also given whole, after its parts, with
    /// <c>compound</c> set, so <c>coredns</c> finds it too.
    /// </summary>
    public static void Scan<TState>(ReadOnlySpan<char> text, ref TState state, TokenHandler<TState> onToken)
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
                if (Emit(text, start, i - start, buffer, ref state, onToken, compound: false)) parts++;
            }
            if (parts > 1) Emit(text, runStart, i - runStart, buffer, ref state, onToken, compound: true);
        }
    }

    // Hashes, base64 and minified code are not words. One letter is ("z-index"); the matcher never
    // takes one alone as a keyword.
    private static bool Emit<TState>(ReadOnlySpan<char> text, int start, int length, Span<char> buffer, ref TState state, TokenHandler<TState> onToken, bool compound)
    {
        if (length > buffer.Length) return false;
        for (int k = 0; k < length; k++) buffer[k] = char.ToLowerInvariant(text[start + k]);
        int stemmed = Stem(buffer[..length]);
        onToken(ref state, Hash(buffer[..stemmed]), start, length, compound);
        return true;
    }

    /// <summary>The hash of a word written whole (<c>CoreDNS</c> as <c>coredns</c>), as <see cref="Scan"/> gives compounds.</summary>
    public static ulong? Whole(string word)
    {
        ulong? whole = null;
        Scan(word, ref whole, static (ref ulong? w, ulong hash, int _, int _, bool compound) => { if (compound) w = hash; });
        return whole;
    }

    /// <summary>The hashes of the words of <paramref name="text"/>, in order.</summary>
    public static List<ulong> Of(string text)
    {
        var list = new List<ulong>();
        Scan(text, ref list, static (ref List<ulong> l, ulong hash, int _, int _, bool compound) => { if (!compound) l.Add(hash); });
        return list;
    }

    /// <summary>The words of <paramref name="text"/> with their hashes, as written (lower-cased, not stemmed), for messages.</summary>
    public static List<(ulong Hash, string Word)> Surface(string text)
    {
        var words = new List<(ulong, string)>();
        var state = (Text: text, Words: words);
        Scan(text, ref state, static (ref (string Text, List<(ulong, string)> Words) s, ulong hash, int start, int length, bool compound) =>
        {
            if (!compound) s.Words.Add((hash, s.Text.Substring(start, length).ToLowerInvariant()));
        });
        return words;
    }

    /// <summary>The normalised (lower-cased, stemmed) words of <paramref name="text"/>, for display and debugging.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var state = (Text: text, Words: words);
        Scan(text, ref state, static (ref (string Text, List<string> Words) s, ulong _, int start, int length, bool compound) =>
        {
            if (compound) return;
            Span<char> lower = stackalloc char[length];
            for (int k = 0; k < length; k++) lower[k] = char.ToLowerInvariant(s.Text[start + k]);
            s.Words.Add(new string(lower[..Stem(lower)]));
        });
        return words;
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

/// <summary>Receives a word's hash and where it is.</summary>
public delegate void TokenHandler<TState>(ref TState state, ulong hash, int start, int length, bool compound);
