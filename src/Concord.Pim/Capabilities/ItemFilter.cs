using System.Text;
using Concord.Pim.Converters;
using Concord.Pim.Documents;

namespace Concord.Pim.Capabilities;

/// <summary>
/// Makes the item a device gets: converted to its format and cut to its CTCap, leaving out what it cannot store and
/// truncating what is longer than it stores (unless it declared NoTruncate, then the value goes whole).
/// </summary>
public static class ItemFilter
{
    /// <summary>The item as <paramref name="capabilities"/> says the device stores it.</summary>
    public static PimComponent ForDevice(PimComponent item, DeviceCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(capabilities);
        var converted = PimConverter.Convert(item, capabilities.Format);
        NameFromStructuredName(converted, capabilities);
        Filter(converted, capabilities, root: true);
        return converted;
    }

    /// <summary>
    /// A contact with a structured name (N) and no formatted one (FN), for a device that keeps FN and not N (a SIM
    /// entry): gets the FN made of N's given, additional and family names, so it does not arrive nameless. The server's
    /// item is left as it was; the device's base says what it got, so sending it back unchanged adds nothing.
    /// </summary>
    private static void NameFromStructuredName(PimComponent card, DeviceCapabilities capabilities)
    {
        if (!card.NameIs("VCARD") || !capabilities.DeclaresProperties || card.Properties.Any(p => p.NameIs("FN"))) return;
        if (!capabilities.Properties.ContainsKey("FN") || capabilities.Properties.ContainsKey("N")) return;
        if (card.Properties.FirstOrDefault(p => p.NameIs("N")) is not { } n) return;
        var parts = SplitComponents(n.Value);
        string Part(int i) => i < parts.Count ? parts[i].Trim() : "";
        var name = string.Join(' ', new[] { Part(1), Part(2), Part(0) }.Where(x => x.Length > 0));
        if (name.Length > 0) card.Properties.Insert(card.Properties.IndexOf(n) + 1, new PimProperty("FN", name));
    }

    // N's components are separated by unescaped semicolons.
    private static List<string> SplitComponents(string value)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\') i++;
            else if (value[i] == ';')
            {
                parts.Add(value[start..i]);
                start = i + 1;
            }
        }
        parts.Add(value[start..]);
        return parts;
    }

    private static void Filter(PimComponent component, DeviceCapabilities capabilities, bool root)
    {
        component.Properties.RemoveAll(p => !capabilities.CanStore(p) && !(root && p.NameIs("VERSION")));
        KeepMaxOccur(component, capabilities);
        foreach (var p in component.Properties)
        {
            if (capabilities.MaxSize(p.Name) is not { } max || capabilities.Properties[p.Name].NoTruncate) continue;
            // Binary values are not cut: half a photo is no photo. QUOTED-PRINTABLE values are decoded text.
            if (p.Encoding is ContentLines.ContentEncoding.Base64 or ContentLines.ContentEncoding.B) continue;
            p.Value = Truncate(p.Value, max);
        }
        component.Components.RemoveAll(c => !capabilities.CanStore(c));
        foreach (var c in component.Components) Filter(c, capabilities, root: false);
    }

    /// <summary>
    /// Of a property the device keeps only MaxOccur times (a SIM entry's one number), the preferred (PREF) ones go
    /// first, then the rest in the item's order; the others are left out, as the device could not keep them.
    /// </summary>
    private static void KeepMaxOccur(PimComponent component, DeviceCapabilities capabilities)
    {
        foreach (var name in component.Properties.Select(p => p.Name.ToUpperInvariant()).Distinct().ToList())
        {
            if (capabilities.MaxOccur(name) is not { } max) continue;
            var keep = component.Properties.Where(p => p.NameIs(name)).OrderBy(p => p.HasType("PREF") ? 0 : 1).Take(max).ToHashSet();
            component.Properties.RemoveAll(p => p.NameIs(name) && !keep.Contains(p));
        }
    }

    /// <summary>The value cut to <paramref name="maxBytes"/> UTF-8 bytes, on a character and escape boundary.</summary>
    public static string Truncate(string value, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= maxBytes && Encoding.UTF8.GetByteCount(value) <= maxBytes) return value;
        var bytes = 0;
        var i = 0;
        for (; i < value.Length; i++)
        {
            var n = char.IsHighSurrogate(value[i]) && i + 1 < value.Length ? 4 : Encoding.UTF8.GetByteCount(value.AsSpan(i, 1));
            if (bytes + n > maxBytes) break;
            bytes += n;
            if (n == 4) i++;
        }
        // Never end inside an escape such as \n or \,.
        var cut = value[..i];
        var backslashes = cut.Length - cut.TrimEnd('\\').Length;
        return backslashes % 2 == 1 ? cut[..^1] : cut;
    }
}
