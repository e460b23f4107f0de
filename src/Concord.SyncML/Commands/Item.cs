using Concord.SyncML.Documents;

namespace Concord.SyncML.Commands;

/// <summary>An Item of a command (SyncML RepPro §5.1.13): addresses, meta, data and the MoreData flag.</summary>
public sealed record Item
{
    /// <summary>Target LocURI.</summary>
    public string? Target { get; init; }

    /// <summary>Source LocURI.</summary>
    public string? Source { get; init; }

    /// <summary>Source LocName (e.g. the device name in a Source).</summary>
    public string? TargetParent { get; init; }

    /// <summary>SourceParent LocURI (OMA DS 1.2 hierarchical sync).</summary>
    public string? SourceParent { get; init; }

    /// <summary>Item-level meta.</summary>
    public Meta? Meta { get; init; }

    /// <summary>The Data element as decoded (text, opaque bytes, or a DevInf child).</summary>
    public SyncMLElement? Data { get; init; }

    /// <summary>More chunks of this object follow (large objects, OMA DS 1.2 Protocol §6.12).</summary>
    public bool MoreData { get; init; }

    /// <summary>Reads an Item element.</summary>
    public static Item Read(SyncMLElement e) => new()
    {
        Target = e.Child("Target")?.ChildText("LocURI"),
        Source = e.Child("Source")?.ChildText("LocURI"),
        TargetParent = e.Child("TargetParent")?.ChildText("LocURI"),
        SourceParent = e.Child("SourceParent")?.ChildText("LocURI"),
        Meta = Meta.Read(e.Child("Meta")),
        Data = e.Child("Data"),
        MoreData = e.Child("MoreData") is not null,
    };

    /// <summary>Writes this as an Item element.</summary>
    public SyncMLElement ToElement()
    {
        var item = new SyncMLElement("Item");
        if (Target is not null) item.Add(new SyncMLElement("Target")).AddText("LocURI", Target);
        if (Source is not null) item.Add(new SyncMLElement("Source")).AddText("LocURI", Source);
        if (SourceParent is not null) item.Add(new SyncMLElement("SourceParent")).AddText("LocURI", SourceParent);
        if (TargetParent is not null) item.Add(new SyncMLElement("TargetParent")).AddText("LocURI", TargetParent);
        if (Meta is not null) item.Add(Meta.ToElement());
        if (Data is not null) item.Add(Data);
        if (MoreData) item.AddEmpty("MoreData");
        return item;
    }
}
