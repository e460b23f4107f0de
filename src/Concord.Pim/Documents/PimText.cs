using System.Text;

namespace Concord.Pim.Documents;

/// <summary>
/// The escaping rules of each format for TEXT values: vCard 3.0/4.0 and iCalendar escape '\', ',', ';' and line
/// breaks (RFC 6350 §3.4, RFC 5545 §3.3.11); vCard 2.1 and vCalendar 1.0 escape '\' and ';' only and carry line
/// breaks as CRLF inside QUOTED-PRINTABLE.
/// </summary>
public static class PimText
{
    /// <summary>Undoes the escaping of one TEXT value (or one component of a structured value).</summary>
    public static string Unescape(string value, PimFormat format)
    {
        ArgumentNullException.ThrowIfNull(value);
        var old = format.IsOld();
        if (value.AsSpan().IndexOfAny('\\', '\r') < 0) return value;
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\r')
            {
                if (i + 1 < value.Length && value[i + 1] == '\n') continue;
                sb.Append('\n');
            }
            else if (c == '\\' && i + 1 < value.Length)
            {
                var n = value[i + 1];
                if (n is '\\' or ';' || (!old && n is ',' or ':')) sb.Append(n);
                else if (!old && n is 'n' or 'N') sb.Append('\n');
                else
                {
                    sb.Append(c);
                    continue;
                }
                i++;
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Escapes one TEXT value (line breaks as LF) for <paramref name="format"/>.</summary>
    public static string Escape(string text, PimFormat format, bool listCommas = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var old = format.IsOld() || listCommas;
        if (text.AsSpan().IndexOfAny(old ? "\\;\n\r" : "\\;,\n\r") < 0) return text;
        old = format.IsOld();
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case ';': sb.Append(@"\;"); break;
                case ',' when !old && !listCommas: sb.Append(@"\,"); break;
                case '\n': sb.Append(old ? "\r\n" : @"\n"); break;
                case '\r': break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Splits a structured value (N, ADR, ORG) on unescaped ';' and unescapes each component.</summary>
    public static List<string> Split(string value, PimFormat format, char separator = ';')
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                i++;
                continue;
            }
            if (value[i] != separator) continue;
            parts.Add(Unescape(value[start..i], format));
            start = i + 1;
        }
        parts.Add(Unescape(value[start..], format));
        return parts;
    }

    /// <summary>Joins components into a structured value, escaping each.</summary>
    public static string Join(IEnumerable<string> parts, PimFormat format, char separator = ';') =>
        string.Join(separator, parts.Select(p => Escape(p, format)));

    /// <summary>Converts one value's escaping from one format to another; structured values keep their separators.</summary>
    public static string Convert(string value, PimFormat from, PimFormat to, bool structured)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (from.IsOld() == to.IsOld()) return value;
        if (!structured) return Escape(Unescape(value, from), to);
        // Inside N, ADR, ORG a ',' separates values of one component in 3.0/4.0 and is literal in 2.1: kept as is.
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && value[i] == '\\')
            {
                i++;
                continue;
            }
            if (i < value.Length && value[i] != ';') continue;
            parts.Add(Escape(Unescape(value[start..Math.Min(i, value.Length)], from), to, listCommas: true));
            start = i + 1;
        }
        return string.Join(';', parts);
    }
}
