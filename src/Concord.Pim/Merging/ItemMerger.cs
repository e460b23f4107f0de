using System.Text;
using Concord.Pim.ContentLines;

namespace Concord.Pim.Merging;

/// <summary>
/// Field-level merge of two versions of a vCard or vCalendar item, with or without the common base version.
/// A field is a property name with its TYPE-like parameters (TEL;TYPE=HOME and TEL;TYPE=WORK are two fields);
/// every line of the same field is compared as one set. Lines inside nested components (VALARM, VTIMEZONE) and
/// the envelope travel with the side that changed them.
/// </summary>
public static class ItemMerger
{
    /// <summary>
    /// Merges the server's and the client's version. With a base: a field only one side changed takes that
    /// side's value; a field both changed differently keeps the server's value and is reported as a clash.
    /// Without a base (slow sync of a matched duplicate): the server's fields win and fields only the client has
    /// are added.
    /// </summary>
    public static ItemMerge Merge(string? baseContent, string server, string client)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(client);
        var s = Split(server);
        var c = Split(client);
        var b = baseContent is null ? null : Split(baseContent);
        if (s is null || c is null) return new ItemMerge(server, server == client ? [] : ["(whole item)"]);

        var clashes = new List<string>();
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var key in s.Fields.Keys.Concat(c.Fields.Keys).Concat(b is null ? Enumerable.Empty<string>() : b.Fields.Keys))
        {
            if (result.ContainsKey(key) || order.Contains(key)) continue;
            order.Add(key);
            var sv = s.Fields.GetValueOrDefault(key);
            var cv = c.Fields.GetValueOrDefault(key);
            List<string>? chosen;
            if (b is null)
            {
                chosen = sv ?? cv;
            }
            else
            {
                var bv = b.Fields.GetValueOrDefault(key);
                if (SameSet(cv, bv)) chosen = sv;
                else if (SameSet(sv, bv)) chosen = cv;
                else if (SameSet(sv, cv)) chosen = sv;
                else
                {
                    chosen = sv;
                    clashes.Add(key);
                }
            }
            if (chosen is not null) result[key] = chosen;
        }
        var envelope = b is not null && s.Nested == b.Nested ? c.Nested : s.Nested;
        var sb = new StringBuilder();
        foreach (var line in s.Head) sb.Append(line).Append("\r\n");
        foreach (var key in order)
        {
            if (!result.TryGetValue(key, out var lines)) continue;
            foreach (var line in lines) sb.Append(line).Append("\r\n");
        }
        sb.Append(envelope);
        foreach (var line in s.Tail) sb.Append(line).Append("\r\n");
        return new ItemMerge(sb.ToString(), clashes);
    }

    private static bool SameSet(List<string>? a, List<string>? b)
    {
        if (a is null || b is null) return a is null && b is null;
        return a.Count == b.Count && a.Order(StringComparer.Ordinal).SequenceEqual(b.Order(StringComparer.Ordinal));
    }

    private sealed record Parts(List<string> Head, Dictionary<string, List<string>> Fields, string Nested, List<string> Tail);

    // Head: lines up to and including the primary component's BEGIN; Tail: its END and what follows.
    private static Parts? Split(string content)
    {
        var lines = ContentLineReader.Read(content);
        var head = new List<string>();
        var tail = new List<string>();
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var nested = new StringBuilder();
        string? primary = null;
        var depth = 0;
        var primaryDepth = -1;
        var done = false;
        foreach (var line in lines)
        {
            if (done)
            {
                tail.Add(line.Raw);
                continue;
            }
            if (line.Name == "BEGIN")
            {
                depth++;
                var comp = line.Value.Trim().ToUpperInvariant();
                if (primary is null && comp is "VCARD" or "VEVENT" or "VTODO" or "VJOURNAL")
                {
                    primary = comp;
                    primaryDepth = depth;
                    head.Add(line.Raw);
                    continue;
                }
            }
            if (primary is null)
            {
                if (line.Name == "END") depth--;
                head.Add(line.Raw);
                continue;
            }
            if (line.Name == "END" && depth == primaryDepth)
            {
                tail.Add(line.Raw);
                done = true;
                depth--;
                continue;
            }
            if (depth > primaryDepth || line.Name == "BEGIN")
            {
                nested.Append(line.Raw).Append("\r\n");
                if (line.Name == "END") depth--;
                continue;
            }
            var key = FieldKey(line);
            if (!fields.TryGetValue(key, out var list)) fields[key] = list = [];
            list.Add(line.Raw);
        }
        return primary is null || !done ? null : new Parts(head, fields, nested.ToString(), tail);
    }

    // The field's identity: name plus the parameters that say which field of that name it is.
    private static string FieldKey(ContentLine line)
    {
        var types = new List<string>();
        foreach (var p in line.ParameterList)
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            var key = (eq >= 0 ? p[..eq] : "TYPE").Trim().ToUpperInvariant();
            if (key != "TYPE") continue;
            foreach (var t in (eq >= 0 ? p[(eq + 1)..] : p).Split(','))
            {
                var v = t.Trim().Trim('"').ToUpperInvariant();
                if (v is not ("PREF" or "QUOTED-PRINTABLE" or "BASE64" or "8BIT" or "") && !v.StartsWith("CHARSET", StringComparison.Ordinal))
                {
                    types.Add(v);
                }
            }
        }
        types.Sort(StringComparer.Ordinal);
        return types.Count == 0 ? line.Name : line.Name + ";" + string.Join(',', types);
    }
}
