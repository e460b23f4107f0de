namespace Concord.SyncML.Client;

/// <summary>What a sync did to one side of one store.</summary>
public sealed class SideReport
{
    /// <summary>Items added.</summary>
    public int Added { get; internal set; }

    /// <summary>Items replaced.</summary>
    public int Updated { get; internal set; }

    /// <summary>Items deleted.</summary>
    public int Deleted { get; internal set; }

    /// <summary>Items changed on both sides, and how each ended (the server's conflict statuses 207/208/209/419, or a local change overwritten).</summary>
    public int Conflicts { get; internal set; }

    /// <summary>Items that did not sync, each with its reason.</summary>
    public List<ItemFailure> Failures { get; } = [];
}
