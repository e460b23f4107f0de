namespace Concord.Pim.ContentLines;

/// <summary>
/// Splits a vCard / vCalendar / iCalendar text into unfolded content lines. Lenient: accepts LF or CRLF, folded
/// lines (a line starting with space or tab continues the previous one, RFC 5545 §3.1), and vCard 2.1
/// quoted-printable soft line breaks (a QP value ending in '=' continues on the next line, RFC 2045 §6.7).
/// </summary>
public static class ContentLineReader
{
    /// <summary>Reads every content line of an item; lines without a ':' are kept with an empty value.</summary>
    public static List<ContentLine> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<ContentLine>();
        var physical = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var current = new System.Text.StringBuilder();
        var qpContinues = false;
        foreach (var line in physical)
        {
            if (current.Length > 0 && (line.StartsWith(' ') || line.StartsWith('\t')) && !qpContinues)
            {
                current.Append(line, 1, line.Length - 1);
                continue;
            }
            if (qpContinues)
            {
                current.Length -= 1; // drop the soft break's '='
                current.Append(line);
                qpContinues = EndsWithSoftBreak(current);
                continue;
            }
            Flush(current, result);
            current.Append(line);
            qpContinues = EndsWithSoftBreak(current);
        }
        Flush(current, result);
        return result;
    }

    private static bool EndsWithSoftBreak(System.Text.StringBuilder line)
    {
        if (line.Length == 0 || line[^1] != '=') return false;
        var s = line.ToString();
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && s[..colon].Contains("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase);
    }

    private static void Flush(System.Text.StringBuilder current, List<ContentLine> result)
    {
        if (current.Length == 0) return;
        var raw = current.ToString();
        current.Clear();
        if (raw.Trim().Length == 0) return;
        result.Add(Parse(raw));
    }

    /// <summary>Parses one unfolded line.</summary>
    public static ContentLine Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var colon = FindValueColon(raw);
        var head = colon >= 0 ? raw[..colon] : raw;
        var value = colon >= 0 ? raw[(colon + 1)..] : "";
        var semi = head.IndexOf(';', StringComparison.Ordinal);
        var nameWithGroup = semi >= 0 ? head[..semi] : head;
        var parameters = semi >= 0 ? head[(semi + 1)..] : "";
        string? group = null;
        var dot = nameWithGroup.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            group = nameWithGroup[..dot];
            nameWithGroup = nameWithGroup[(dot + 1)..];
        }
        return new ContentLine(group, nameWithGroup.Trim().ToUpperInvariant(), parameters, value, raw);
    }

    // The value starts after the first ':' that is not inside a quoted parameter value (RFC 6350 §3.3).
    private static int FindValueColon(string raw)
    {
        var quoted = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '"') quoted = !quoted;
            else if (c == ':' && !quoted) return i;
        }
        return -1;
    }

    /// <summary>Splits parameter text on ';' outside double quotes.</summary>
    public static IReadOnlyList<string> SplitParameters(string parameters)
    {
        if (string.IsNullOrEmpty(parameters)) return [];
        var list = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i] == '"') quoted = !quoted;
            else if (parameters[i] == ';' && !quoted)
            {
                list.Add(parameters[start..i]);
                start = i + 1;
            }
        }
        list.Add(parameters[start..]);
        return list;
    }
}
