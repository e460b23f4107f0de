using System.Globalization;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Commands;

/// <summary>Sync (SyncML RepPro §6.6.14): the changes of one store.</summary>
public sealed record SyncCommand : Command
{
    /// <inheritdoc />
    public override string Name => "Sync";

    /// <summary>Target LocURI: the recipient's store.</summary>
    public string? Target { get; init; }

    /// <summary>Source LocURI: the sender's store.</summary>
    public string? Source { get; init; }

    /// <summary>Sync-level meta (Type, MaxObjSize...).</summary>
    public Meta? Meta { get; init; }

    /// <summary>NumberOfChanges the sender announces, when it does.</summary>
    public int? NumberOfChanges { get; init; }

    /// <summary>The Add/Replace/Delete/Copy/Move commands, and any Atomic/Sequence inside.</summary>
    public IReadOnlyList<Command> Commands { get; init; } = [];

    /// <inheritdoc />
    public override SyncMLElement ToElement()
    {
        var e = Start();
        if (Target is not null) e.Add(new SyncMLElement("Target")).AddText("LocURI", Target);
        if (Source is not null) e.Add(new SyncMLElement("Source")).AddText("LocURI", Source);
        if (Meta is not null) e.Add(Meta.ToElement());
        if (NumberOfChanges is not null) e.AddText("NumberOfChanges", NumberOfChanges.Value.ToString(CultureInfo.InvariantCulture));
        foreach (var c in Commands) e.Add(c.ToElement());
        return e;
    }
}
