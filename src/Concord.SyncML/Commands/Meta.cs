using Concord.SyncML.Documents;

namespace Concord.SyncML.Commands;

/// <summary>The meta information of a command or item (SyncML MetInf §5): the parts Concord reads and writes.</summary>
public sealed record Meta
{
    /// <summary>MIME type of the item data, e.g. text/x-vcard.</summary>
    public string? Type { get; init; }

    /// <summary>Format of the data: chr (default), b64, bin, xml...</summary>
    public string? Format { get; init; }

    /// <summary>Size in bytes of the whole object (large objects, on the first chunk).</summary>
    public long? Size { get; init; }

    /// <summary>The Last anchor.</summary>
    public string? AnchorLast { get; init; }

    /// <summary>The Next anchor.</summary>
    public string? AnchorNext { get; init; }

    /// <summary>Largest message the sender accepts.</summary>
    public long? MaxMsgSize { get; init; }

    /// <summary>Largest object the sender accepts.</summary>
    public long? MaxObjSize { get; init; }

    /// <summary>Nonce for the next MD5 authentication.</summary>
    public string? NextNonce { get; init; }

    /// <summary>Reads a Meta element (children in the MetInf namespace, or not: some clients omit it).</summary>
    public static Meta? Read(SyncMLElement? meta)
    {
        if (meta is null) return null;
        var anchor = meta.Child("Anchor");
        return new Meta
        {
            Type = meta.ChildText("Type")?.Trim(),
            Format = meta.ChildText("Format")?.Trim(),
            Size = ReadLong(meta.ChildText("Size")),
            AnchorLast = anchor?.ChildText("Last"),
            AnchorNext = anchor?.ChildText("Next"),
            MaxMsgSize = ReadLong(meta.ChildText("MaxMsgSize")),
            MaxObjSize = ReadLong(meta.ChildText("MaxObjSize")),
            NextNonce = meta.ChildText("NextNonce")?.Trim(),
        };
    }

    private static long? ReadLong(string? s) => long.TryParse(s?.Trim(), out var v) ? v : null;

    /// <summary>Writes this as a Meta element with MetInf children.</summary>
    public SyncMLElement ToElement()
    {
        var meta = new SyncMLElement("Meta");
        const string ns = SyncMLNamespaces.MetInf;
        if (Format is not null) meta.AddText("Format", Format, ns);
        if (Type is not null) meta.AddText("Type", Type, ns);
        if (Size is not null) meta.AddText("Size", Size.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), ns);
        if (AnchorNext is not null || AnchorLast is not null)
        {
            var anchor = meta.Add(new SyncMLElement("Anchor", ns));
            if (AnchorLast is not null) anchor.AddText("Last", AnchorLast);
            if (AnchorNext is not null) anchor.AddText("Next", AnchorNext);
        }
        if (NextNonce is not null) meta.AddText("NextNonce", NextNonce, ns);
        if (MaxMsgSize is not null) meta.AddText("MaxMsgSize", MaxMsgSize.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), ns);
        if (MaxObjSize is not null) meta.AddText("MaxObjSize", MaxObjSize.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), ns);
        return meta;
    }
}
