using Concord.Pim.Capabilities;
using Concord.Pim.Converters;
using Concord.Pim.Documents;

namespace Concord.Pim.Merging;

/// <summary>
/// Field-level merge of two versions of a vCard or vCalendar item, with or without the common base version (what the
/// device last received or sent). A field is a property name with its TYPE values (TEL;TYPE=HOME and TEL;TYPE=WORK
/// are two fields); every property of one field is compared as one set, by value, whatever the format and encoding
/// of each side. Nested components (VALARM) and the other components of a calendar (exceptions, VTIMEZONE) travel
/// with the side that changed them.
/// </summary>
public static class ItemMerger
{
    /// <summary>
    /// Merges the server's and the client's version. With a base: a field only one side changed takes that side's
    /// value; a field both changed differently keeps the server's value and is reported as a clash. Without a base
    /// (slow sync of a matched duplicate): the server's fields win and fields only the client has are added.
    /// </summary>
    public static ItemMerge Merge(string? baseContent, string server, string client) => Merge(baseContent, server, client, null);

    /// <summary>
    /// Merges as <see cref="Merge(string?, string, string)"/> does, knowing what the device can store: a field the
    /// device cannot store (not in its CTCap) is never taken as deleted by it, and a value the device holds cut to
    /// its MaxSize is not taken as changed, so the server keeps the long one. A field the device can store and
    /// dropped is deleted everywhere; a value it really changed is taken.
    /// </summary>
    public static ItemMerge Merge(string? baseContent, string server, string client, DeviceCapabilities? capabilities)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(client);
        PimComponent s, c;
        PimComponent? b;
        try
        {
            s = PimDocument.Parse(server);
            c = PimDocument.Parse(client);
            b = baseContent is null ? null : PimDocument.Parse(baseContent);
            if (s.Format == PimFormat.Unknown || s.Format.IsVCard() != c.Format.IsVCard()) return Whole(server, client);
            c = PimConverter.Convert(c, s.Format);
            if (b is not null) b = b.Format.IsVCard() == s.Format.IsVCard() ? PimConverter.Convert(b, s.Format) : null;
        }
        catch (PimFormatException)
        {
            return Whole(server, client);
        }
        var sp = Primary(s);
        var cp = Primary(c);
        var bp = b is null ? null : Primary(b);
        if (sp is null || cp is null) return Whole(server, client);
        var merged = new FieldMerge(capabilities);
        var properties = merged.Merge(sp.Properties, cp.Properties, bp?.Properties, b is not null);
        var result = s.Clone();
        var rp = Primary(result)!;
        rp.Properties.Clear();
        rp.Properties.AddRange(properties);
        // Nested and sibling components: the client's when the server's are still what the device had.
        rp.Components.Clear();
        rp.Components.AddRange(Pick(sp.Components, cp.Components, bp?.Components, capabilities));
        if (!ReferenceEquals(rp, result))
        {
            var others = Pick(Others(s, sp), Others(c, cp), b is null ? null : Others(b, bp!), null);
            result.Components.RemoveAll(x => !ReferenceEquals(x, rp));
            result.Components.AddRange(others);
        }
        return new ItemMerge(PimDocument.Write(result), merged.Clashes);
    }

    private static ItemMerge Whole(string server, string client) => new(server, server == client ? [] : ["(whole item)"]);

    // The VCARD itself, or a calendar's first event, task or journal that is not a detached exception.
    private static PimComponent? Primary(PimComponent item)
    {
        if (item.NameIs("VCARD")) return item;
        return item.Components.Find(x => x.Name.ToUpperInvariant() is "VEVENT" or "VTODO" or "VJOURNAL" && x.Find("RECURRENCE-ID") is null)
            ?? item.Components.Find(x => x.Name.ToUpperInvariant() is "VEVENT" or "VTODO" or "VJOURNAL");
    }

    private static List<PimComponent> Others(PimComponent item, PimComponent primary) =>
        [.. item.Components.Where(x => !ReferenceEquals(x, primary))];

    private static List<PimComponent> Pick(List<PimComponent> server, List<PimComponent> client, List<PimComponent>? baseline, DeviceCapabilities? capabilities)
    {
        // Components the device cannot store (no VALARM in its CTCap) stay as the server has them.
        if (capabilities is not null && server.Any(x => !capabilities.CanStore(x))) return [.. server.Select(x => x.Clone())];
        if (baseline is null || Text(server) != Text(baseline)) return [.. server.Select(x => x.Clone())];
        return [.. client.Select(x => x.Clone())];
    }

    private static string Text(List<PimComponent> components) =>
        string.Concat(components.Select(x => string.Concat(x.Properties.Where(p => !p.NameIs("DTSTAMP")).Select(p => p.ToString() + "\n"))
            + Text(x.Components)));
}
