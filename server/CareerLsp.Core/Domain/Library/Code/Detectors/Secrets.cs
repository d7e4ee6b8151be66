using System.Text.RegularExpressions;

namespace CareerLsp.Core.Domain.Library.Code;

/// <summary>Secrets: credential-looking literals under credential-looking names, in any config or code file.</summary>
internal static partial class CodeFacts
{
    [GeneratedRegex(@"(?i)(secret|token|passw(or)?d|\bpwd\b|private|api_?key|apikey|credential|access_?key|_key\b|\bkey\b)")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"[""']([^""'\s]{16,})[""']|[:=]\s*([A-Za-z0-9+/_\-]{20,})\s*$")]
    private static partial Regex Literal();

    private static void Secrets(Found found)
    {
        var lines = found.Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.IsAdded) continue;
            if (!MayHoldLiteral(line.Text)) continue;
            var match = Literal().Match(line.Text);
            if (!match.Success) continue;
            string value = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
            if (!LooksSecret(value)) continue;
            // The name is on the line ("API_KEY=…", "password: …") or, in a list of name/value
            // pairs, on the line before ("- name: PAYMENTS_PRIVATE_KEY" / "value: …").
            string name = line.Text[..match.Index];
            if (i > 0 && lines[i - 1].IsNew && line.Text.TrimStart().StartsWith("value", StringComparison.Ordinal)) name += " " + lines[i - 1].Text;
            if (!SecretName().IsMatch(name)) continue;
            found.Add("secret credential key value committed in plain text", "", line);
        }
    }

    // A cheap test before the regular expression, in one pass: a quoted run of 16 characters with
    // no space, or a line ending in ":" or "=" and 20 key-like characters.
    private static bool MayHoldLiteral(string text)
    {
        int quote = -1, run = 0;
        for (int k = 0; k < text.Length; k++)
        {
            char c = text[k];
            if (c is '"' or '\'')
            {
                if (quote >= 0 && text[quote] == c && run >= 16) return true;
                quote = k;
                run = 0;
            }
            else if (char.IsWhiteSpace(c)) run = int.MinValue;
            else run++;
        }
        int end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        int begin = end;
        while (begin > 0 && (char.IsAsciiLetterOrDigit(text[begin - 1]) || text[begin - 1] is '+' or '/' or '_' or '-')) begin--;
        if (end - begin < 20) return false;
        while (begin > 0 && char.IsWhiteSpace(text[begin - 1])) begin--;
        return begin > 0 && text[begin - 1] is ':' or '=';
    }

    // Random-looking: letters and digits mixed, no spaces or URL, not a template or placeholder.
    private static bool LooksSecret(string value)
    {
        if (value.Contains("://", StringComparison.Ordinal) || value.Contains("{{", StringComparison.Ordinal) || value.Contains("${", StringComparison.Ordinal) || value.Contains("$(", StringComparison.Ordinal)) return false;
        if (value.Contains('/') && value.Contains('.')) return false; // a path
        int upper = 0, lower = 0, digit = 0;
        foreach (char c in value)
        {
            if (char.IsAsciiLetterUpper(c)) upper++;
            else if (char.IsAsciiLetterLower(c)) lower++;
            else if (char.IsAsciiDigit(c)) digit++;
        }
        if (digit == 0 || upper + lower == 0) return false;
        // Entropy per character: English-ish identifiers stay under 3.5 bits, keys above.
        var counts = new Dictionary<char, int>();
        foreach (char c in value) counts[c] = counts.GetValueOrDefault(c) + 1;
        double entropy = 0;
        foreach (var n in counts.Values)
        {
            double p = (double)n / value.Length;
            entropy -= p * Math.Log2(p);
        }
        return entropy >= 3.5;
    }
}
