using System.Text;

namespace CareerLsp.Core.Domain.Plans;

/// <summary>
/// Text that was UTF-8, read as Windows-1252 and saved again as UTF-8 ("â€”" where "—" was meant,
/// "ðŸš€" for "🚀"): each such run is turned back into the bytes it came from and decoded as UTF-8.
/// A run is changed only when those bytes are valid UTF-8 holding a character beyond ASCII, so
/// text that merely uses Latin letters ("café", "Ørsted") stays as it is.
/// </summary>
public static class Mojibake
{
    /// <summary>Windows-1252's characters for bytes 0x80–0x9F (its five undefined bytes read as the C1 controls).</summary>
    private const string High =
        "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
        "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    /// <summary>The byte Windows-1252 writes for <paramref name="c"/>, or -1 when it has none.</summary>
    private static int ByteOf(char c)
    {
        if (c < 0x80) return c;
        if (c is >= '\u00a0' and <= '\u00ff') return c;
        int i = High.IndexOf(c);
        return i < 0 ? -1 : 0x80 + i;
    }

    /// <summary>The text with its mojibake repaired (the same instance when there is none).</summary>
    public static string Repair(string text)
    {
        // Every mojibake run starts with the character for a UTF-8 lead byte (0xC2–0xF4).
        bool suspicious = false;
        foreach (char c in text)
            if (c is >= '\u00c2' and <= '\u00f4') { suspicious = true; break; }
        if (!suspicious) return text;

        var result = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        int i = 0;
        while (i < text.Length)
        {
            int lead = ByteOf(text[i]);
            int length = lead switch { >= 0xC2 and <= 0xDF => 2, >= 0xE0 and <= 0xEF => 3, >= 0xF0 and <= 0xF4 => 4, _ => 0 };
            if (length > 0 && i + length <= text.Length)
            {
                bool ok = true;
                for (int k = 0; k < length && ok; k++)
                {
                    int b = ByteOf(text[i + k]);
                    if (b < 0 || (k > 0 && (b & 0xC0) != 0x80)) ok = false;
                    else bytes[k] = (byte)b;
                }
                if (ok)
                {
                    try
                    {
                        result.Append(Strict.GetString(bytes[..length]));
                        i += length;
                        continue;
                    }
                    catch (DecoderFallbackException)
                    {
                        // Overlong or surrogate encodings: not mojibake; keep the characters.
                    }
                }
            }
            result.Append(text[i]);
            i++;
        }
        return result.ToString();
    }
}
