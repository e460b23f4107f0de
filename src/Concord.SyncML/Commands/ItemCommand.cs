using Concord.SyncML.Documents;

namespace Concord.SyncML.Commands;

/// <summary>
/// Add, Replace, Delete, Copy or Move inside a Sync (SyncML RepPro §6.6.1, 6.6.5, 6.6.6, 6.6.11; Move is OMA DS
/// 1.2): one or more items with optional command-level meta. Delete may carry Archive and SftDel.
/// </summary>
public sealed record ItemCommand : Command
{
    private readonly string _name = "Add";

    /// <inheritdoc />
    public override string Name => _name;

    /// <summary>The command: Add, Replace, Delete, Copy or Move.</summary>
    public required string Kind { get => _name; init => _name = value; }

    /// <summary>Command-level meta (Type applies to every item that has none).</summary>
    public Meta? Meta { get; init; }

    /// <summary>The items.</summary>
    public IReadOnlyList<Item> Items { get; init; } = [];

    /// <summary>Delete: the sender asks the recipient to archive the item.</summary>
    public bool Archive { get; init; }

    /// <summary>Delete: soft delete (hidden, not removed).</summary>
    public bool SoftDelete { get; init; }

    /// <inheritdoc />
    public override SyncMLElement ToElement()
    {
        var e = Start();
        if (Archive) e.AddEmpty("Archive");
        if (SoftDelete) e.AddEmpty("SftDel");
        if (Meta is not null) e.Add(Meta.ToElement());
        foreach (var item in Items) e.Add(item.ToElement());
        return e;
    }
}
