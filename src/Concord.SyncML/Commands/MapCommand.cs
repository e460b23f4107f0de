using Concord.SyncML.Documents;

namespace Concord.SyncML.Commands;

/// <summary>Map (SyncML RepPro §6.6.9): the client's LUIDs for items the server added.</summary>
public sealed record MapCommand : Command
{
    /// <inheritdoc />
    public override string Name => "Map";

    /// <summary>Target LocURI: the server's store.</summary>
    public string? Target { get; init; }

    /// <summary>Source LocURI: the client's store.</summary>
    public string? Source { get; init; }

    /// <summary>Pairs of server id (Target) and client id (Source).</summary>
    public IReadOnlyList<(string ServerId, string ClientId)> MapItems { get; init; } = [];

    /// <inheritdoc />
    public override SyncMLElement ToElement()
    {
        var e = Start();
        if (Target is not null) e.Add(new SyncMLElement("Target")).AddText("LocURI", Target);
        if (Source is not null) e.Add(new SyncMLElement("Source")).AddText("LocURI", Source);
        foreach (var (serverId, clientId) in MapItems)
        {
            var mi = e.Add(new SyncMLElement("MapItem"));
            mi.Add(new SyncMLElement("Target")).AddText("LocURI", serverId);
            mi.Add(new SyncMLElement("Source")).AddText("LocURI", clientId);
        }
        return e;
    }
}
