using System.Text;

namespace Concord.EndToEnd;

/// <summary>
/// The fields of a synced vCard the benchmark checks (EMAIL, FN, TEL, NOTE), read leniently: whatever form a
/// server or the client's file backend writes them in (folding, parameters, property order, case).
/// </summary>
internal sealed record ContactCard(string? Email, string? FullName, IReadOnlyList<string> PhoneDigits, string? Note)
{
    /// <summary>Reads a vCard 2.1 or 3.0 text.</summary>
    public static ContactCard Parse(string vcard)
    {
        ArgumentNullException.ThrowIfNull(vcard);
        string? email = null;
        string? fullName = null;
        string? note = null;
        var phones = new List<string>();
        // RFC 2425 §5.8.1: a line break followed by a space or tab continues the line.
        var unfolded = vcard.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace("\n ", string.Empty, StringComparison.Ordinal)
            .Replace("\n\t", string.Empty, StringComparison.Ordinal);
        foreach (var line in unfolded.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var head = line[..colon];
            var name = head.Split(';')[0];
            var group = name.LastIndexOf('.');
            name = (group >= 0 ? name[(group + 1)..] : name).ToUpperInvariant();
            var value = line[(colon + 1)..];
            switch (name)
            {
                case "EMAIL":
                    email ??= value.Trim().ToLowerInvariant();
                    break;
                case "FN":
                    fullName = Unescape(value).Trim();
                    break;
                case "TEL":
                    phones.Add(Digits(value));
                    break;
                case "NOTE":
                    note = Unescape(value).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
                    break;
            }
        }

        return new ContactCard(email, fullName, phones, note);
    }

    /// <summary>The digits of a phone number (the comparison ignores spaces, dashes, parentheses).</summary>
    public static string Digits(string phone) => string.Concat(phone.Where(char.IsAsciiDigit));

    private static string Unescape(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                builder.Append(value[i] is 'n' or 'N' ? '\n' : value[i]);
            }
            else
            {
                builder.Append(value[i]);
            }
        }

        return builder.ToString();
    }
}
