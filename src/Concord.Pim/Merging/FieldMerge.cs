using Concord.Pim.Capabilities;
using Concord.Pim.Documents;

namespace Concord.Pim.Merging;

/// <summary>The per-field rules of <see cref="ItemMerger"/>, over the properties of one component.</summary>
internal sealed class FieldMerge(DeviceCapabilities? capabilities)
{
    private static readonly HashSet<string> Neutral = new(StringComparer.OrdinalIgnoreCase) { "PREF", "QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "" };

    public List<string> Clashes { get; } = [];

    public List<PimProperty> Merge(List<PimProperty> server, List<PimProperty> client, List<PimProperty>? baseline, bool hasBase)
    {
        // Properties the device keeps only MaxOccur times are merged by value, whatever their TYPE (see Limited).
        var limited = server.Concat(client).Concat(baseline ?? []).Select(p => p.Name.ToUpperInvariant())
            .Where(n => capabilities?.MaxOccur(n) is not null).ToHashSet(StringComparer.Ordinal);
        if (limited.Count == 0) return MergeFields(server, client, baseline, hasBase);
        bool Free(PimProperty p) => !limited.Contains(p.Name.ToUpperInvariant());
        var result = MergeFields([.. server.Where(Free)], [.. client.Where(Free)], baseline?.Where(Free).ToList(), hasBase);
        foreach (var name in limited)
        {
            result.AddRange(Limited([.. server.Where(p => p.NameIs(name))], [.. client.Where(p => p.NameIs(name))],
                baseline?.Where(p => p.NameIs(name)).ToList(), hasBase));
        }
        return result;
    }

    /// <summary>
    /// A property the device keeps only MaxOccur times (a SIM entry's one number, with no TYPE): the server's list
    /// stands, except that a value the device had and changed is changed in place (keeping the server's parameters),
    /// one it had and dropped is dropped, and one it added is added. Values the device never had are never touched.
    /// </summary>
    private static List<PimProperty> Limited(List<PimProperty> server, List<PimProperty> client, List<PimProperty>? baseline, bool hasBase)
    {
        var result = server.Select(p => p.Clone()).ToList();
        var added = client.Where(c => baseline is null || !baseline.Any(b => SameValue(b, c))).ToList();
        if (hasBase && baseline is not null)
        {
            foreach (var gone in baseline.Where(b => !client.Any(c => SameValue(b, c))))
            {
                var at = result.FindIndex(p => SameValue(p, gone));
                if (at < 0) continue;   // the server changed it too: its value stands
                if (added.Count > 0)
                {
                    result[at].Value = added[0].Value;
                    added.RemoveAt(0);
                }
                else
                {
                    result.RemoveAt(at);
                }
            }
        }
        result.AddRange(added.Where(a => !result.Any(p => SameValue(p, a))).Select(a => a.Clone()));
        return result;
    }

    // Numbers compare by their digits, * # and +: a card keeps no spaces or dashes, and writes an extension as a pause.
    private static bool SameValue(PimProperty a, PimProperty b) => a.NameIs("TEL")
        ? string.Equals(Dialled(a.Value), Dialled(b.Value), StringComparison.OrdinalIgnoreCase)
        : string.Equals(Meaning(a).Trim(), Meaning(b).Trim(), StringComparison.Ordinal);

    private static string Dialled(string value) => string.Concat(value.Where(c => char.IsAsciiDigit(c) || c is '*' or '#' or '+'));

    private List<PimProperty> MergeFields(List<PimProperty> server, List<PimProperty> client, List<PimProperty>? baseline, bool hasBase)
    {
        var s = Fields(server);
        var c = Fields(client);
        var b = baseline is null ? [] : Fields(baseline);
        var keys = s.Keys.Concat(c.Keys).Concat(b.Keys).Distinct(StringComparer.Ordinal).ToList();
        var result = new List<PimProperty>();
        foreach (var key in keys)
        {
            var sv = s.GetValueOrDefault(key);
            var cv = c.GetValueOrDefault(key);
            var bv = b.GetValueOrDefault(key);
            var sample = (sv ?? cv ?? bv)![0];
            List<PimProperty>? chosen;
            if (capabilities is not null && !capabilities.CanStore(sample))
            {
                // The device never could hold this field: its absence says nothing.
                chosen = sv ?? cv;
            }
            else if (!hasBase)
            {
                chosen = sv ?? cv;
            }
            else if (DeviceHas(cv, bv) || DeviceHas(cv, sv))
            {
                // Unchanged on the device, or only cut to its size limit: the server's (full) value stands.
                chosen = sv;
            }
            else if (Same(sv, bv))
            {
                chosen = cv; // changed or deleted on the device only
            }
            else
            {
                chosen = sv;
                Clashes.Add(key);
            }
            if (chosen is not null) result.AddRange(chosen.Select(p => p.Clone()));
        }
        return result;
    }

    // Whether the device's set is the full set as the device stores it: same count, each value equal or truncated.
    private bool DeviceHas(List<PimProperty>? device, List<PimProperty>? full)
    {
        if (device is null || full is null) return device is null && full is null;
        if (device.Count != full.Count) return false;
        var left = full.ToList();
        foreach (var d in device)
        {
            var match = left.FindIndex(f => Params(f) == Params(d)
                && (Meaning(f) == Meaning(d) || (capabilities?.IsTruncationOf(d.Name, d.Value, f.Value) ?? false)));
            if (match < 0) return false;
            left.RemoveAt(match);
        }
        return true;
    }

    private static bool Same(List<PimProperty>? a, List<PimProperty>? b)
    {
        if (a is null || b is null) return a is null && b is null;
        return a.Count == b.Count && a.Select(Line).Order(StringComparer.Ordinal).SequenceEqual(b.Select(Line).Order(StringComparer.Ordinal));
    }

    private static string Line(PimProperty p) => Params(p) + ":" + Meaning(p);

    // Single-valued text properties mean the same with a comma escaped or not: iCalendar and vCard 3.0 escape it
    // (RFC 5545 §3.3.11), vCard 2.1 and vCalendar 1.0 do not, and clients send either. In lists (CATEGORIES,
    // NICKNAME) and structured values (N, ADR, ORG) the comma separates values, so there the escape is meaning.
    private static readonly HashSet<string> SingleText = new(StringComparer.OrdinalIgnoreCase)
    {
        "SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "CONTACT", "NOTE", "FN", "TITLE", "ROLE",
    };

    private static string Meaning(PimProperty p) =>
        SingleText.Contains(p.Name) && p.Value.Contains("\\,", StringComparison.Ordinal) ? p.Value.Replace("\\,", ",", StringComparison.Ordinal) : p.Value;

    // Parameters that carry meaning, in a stable order; transfer encodings and charsets are how, not what.
    private static string Params(PimProperty p) => string.Join(';', p.Parameters
        .Where(x => !x.Is("ENCODING") && !x.Is("CHARSET") && !(x.Value is null && PimProperty.IsEncodingWord(x.Name)))
        .Select(x => x.Value is null ? "TYPE=" + x.Name.ToUpperInvariant() : x.Name.ToUpperInvariant() + "=" + x.Value)
        .Order(StringComparer.Ordinal));

    private static Dictionary<string, List<PimProperty>> Fields(List<PimProperty> properties)
    {
        var fields = new Dictionary<string, List<PimProperty>>(StringComparer.Ordinal);
        foreach (var p in properties)
        {
            var key = Key(p);
            if (!fields.TryGetValue(key, out var list)) fields[key] = list = [];
            list.Add(p);
        }
        return fields;
    }

    // The field's identity: name plus the TYPE values that say which field of that name it is.
    internal static string Key(PimProperty p)
    {
        var types = p.Types.Select(t => t.Trim().ToUpperInvariant()).Where(t => !Neutral.Contains(t)).Distinct().Order(StringComparer.Ordinal).ToList();
        var name = p.Name.ToUpperInvariant();
        return types.Count == 0 ? name : name + ";" + string.Join(',', types);
    }
}
