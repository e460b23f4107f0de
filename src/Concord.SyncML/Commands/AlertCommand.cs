using System.Globalization;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Commands;

/// <summary>Alert (SyncML RepPro §6.6.2): starts a sync of a store with a sync type, or asks for more (222).</summary>
public sealed record AlertCommand : Command
{
    /// <inheritdoc />
    public override string Name => "Alert";

    /// <summary>The alert code: 200-210 sync types, 222 next message, 223/224 end of data, 225 resume.</summary>
    public required int Code { get; init; }

    /// <summary>Items: per store, Target and Source LocURIs and the anchors in Meta.</summary>
    public IReadOnlyList<Item> Items { get; init; } = [];

    /// <inheritdoc />
    public override SyncMLElement ToElement()
    {
        var e = Start();
        e.AddText("Data", Code.ToString(CultureInfo.InvariantCulture));
        foreach (var item in Items) e.Add(item.ToElement());
        return e;
    }
}
