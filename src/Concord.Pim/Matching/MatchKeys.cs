using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Concord.Pim.ContentLines;

namespace Concord.Pim.Matching;

/// <summary>Computes <see cref="MatchKey"/>s from item content of any of the formats devices send.</summary>
public static class MatchKeys
{
    /// <summary>The match key of an item; content that parses as nothing known is matched as a note.</summary>
    public static MatchKey For(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var trimmed = content.TrimStart();
        if (trimmed.StartsWith("BEGIN:VCARD", StringComparison.OrdinalIgnoreCase)) return ForContact(content);
        if (trimmed.StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase)) return ForCalendar(content);
        return new MatchKey("t:" + Hash(Normalize(content)), null, []);
    }

    private static MatchKey ForContact(string content)
    {
        var lines = ContentLineReader.Read(content);
        string? name = null;
        var details = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            switch (line.Name)
            {
                case "N":
                    var parts = PropertyValue.DecodeText(line with { Value = line.Value.Replace("\\;", "\u0001", StringComparison.Ordinal) })
                        .Split(';').Take(2).Select(p => p.Replace('\u0001', ';'));
                    var n = NameTokens(string.Join(' ', parts));
                    if (n.Length > 0) name = n;
                    break;
                case "FN" when name is null:
                    var fn = NameTokens(PropertyValue.DecodeText(line));
                    if (fn.Length > 0) name = fn;
                    break;
                case "TEL":
                    var digits = new string(PropertyValue.DecodeText(line).Where(char.IsAsciiDigit).ToArray());
                    if (digits.Length > 0) details.Add("tel:" + (digits.Length > 9 ? digits[^9..] : digits));
                    break;
                case "EMAIL":
                    var email = PropertyValue.DecodeText(line).Trim().ToLowerInvariant();
                    if (email.Length > 0) details.Add("email:" + email);
                    break;
            }
        }
        return new MatchKey("n:" + (name ?? ""), null, [.. details]);
    }

    private static MatchKey ForCalendar(string content)
    {
        var lines = ContentLineReader.Read(content);
        string? uid = null, summary = null, start = null, recurrenceId = null;
        var depth = 0;
        var inItem = false;
        foreach (var line in lines)
        {
            if (line.Name == "BEGIN")
            {
                depth++;
                if (depth == 2 && line.Value.Trim().ToUpperInvariant() is "VEVENT" or "VTODO" or "VJOURNAL") inItem = true;
                continue;
            }
            if (line.Name == "END")
            {
                if (depth == 2 && inItem && (uid is not null || summary is not null)) break;
                depth--;
                continue;
            }
            if (!inItem || depth != 2) continue;
            switch (line.Name)
            {
                case "UID": uid ??= line.Value.Trim(); break;
                case "RECURRENCE-ID": recurrenceId ??= line.Value.Trim().TrimEnd('Z'); break;
                case "SUMMARY": summary ??= Normalize(PropertyValue.DecodeText(line)); break;
                case "DTSTART": start ??= line.Value.Trim().TrimEnd('Z'); break;
                case "DUE" when start is null: start = line.Value.Trim().TrimEnd('Z'); break;
            }
        }
        var byContent = "s:" + (summary ?? "") + "|" + (start ?? "");
        // RFC 5545 §3.8.4.4: a detached exception shares its master's UID; the instance it replaces tells them apart.
        var byUid = "u:" + uid + (recurrenceId is null ? "" : "|r:" + recurrenceId);
        return string.IsNullOrEmpty(uid) ? new MatchKey(byContent, null, []) : new MatchKey(byUid, byContent, []);
    }

    private static string NameTokens(string name)
    {
        var tokens = Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(tokens, StringComparer.Ordinal);
        return string.Join(' ', tokens);
    }

    // Lower case, accents kept, punctuation to spaces, whitespace collapsed.
    private static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                sb.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return sb.ToString();
    }

    private static string Hash(string s) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s)).AsSpan(0, 16));
}
