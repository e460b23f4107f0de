using Concord.Sync;

namespace Concord.SyncML.Client;

/// <summary>A change a sync would make (dry run): on which side, what, to which item, and what the item is.</summary>
/// <param name="Side">Where the change would land.</param>
/// <param name="Kind">Add, Replace or Delete.</param>
/// <param name="Item">The item's local id (a file name), or the server's id for an item not yet local.</param>
/// <param name="Summary">What the item is: its name, summary or first line.</param>
/// <param name="Conflict">The item changed on the other side too; the note says how it would end.</param>
public sealed record PlannedChange(SyncSide Side, ChangeKind Kind, string Item, string Summary, string? Conflict = null);
