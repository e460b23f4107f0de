using System.Text;

namespace Concord.Pim.ContentLines;

/// <summary>Decodes a property's value to text: QUOTED-PRINTABLE and BASE64 encodings, CHARSET, escapes.</summary>
public static class PropertyValue
{
    /// <summary>The decoded text of a line's value, with backslash escapes of vCard 3.0 / iCalendar undone.</summary>
    public static string DecodeText(ContentLine line)
    {
        var value = line.Value;
        string? encoding = null;
        string? charset = null;
        foreach (var p in line.ParameterList)
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            var key = eq >= 0 ? p[..eq].Trim().ToUpperInvariant() : p.Trim().ToUpperInvariant();
            var val = eq >= 0 ? p[(eq + 1)..].Trim().Trim('"') : "";
            if (key == "ENCODING") encoding = val.ToUpperInvariant();
            else if (key == "CHARSET") charset = val;
            else if (eq < 0 && key is "QUOTED-PRINTABLE" or "BASE64") encoding = key; // vCard 2.1 bare form
        }
        if (encoding == "QUOTED-PRINTABLE")
        {
            var bytes = QuotedPrintable.Decode(value);
            value = GetEncoding(charset).GetString(bytes);
        }
        return Unescape(value);
    }

    private static Encoding GetEncoding(string? charset)
    {
        if (string.IsNullOrEmpty(charset)) return Encoding.UTF8;
        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    /// <summary>Undoes <c>\\</c>, <c>\,</c>, <c>\;</c>, <c>\n</c> escapes (RFC 6350 §3.4, RFC 5545 §3.3.11).</summary>
    public static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal)) return value;
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var n = value[++i];
                sb.Append(n is 'n' or 'N' ? '\n' : n);
            }
            else
            {
                sb.Append(value[i]);
            }
        }
        return sb.ToString();
    }
}
