namespace Concord.Card.SyncObjects;

/// <summary>What happened to a record since a peer's last sync object (the codes GetChanges answers, docs/card.md).</summary>
public enum ChangeKind : byte
{
    /// <summary>Unchanged (never sent).</summary>
    None = 0,

    /// <summary>The record was free at the last sync and holds an entry now.</summary>
    Added = 1,

    /// <summary>The record held an entry at the last sync and holds a different one now.</summary>
    Modified = 2,

    /// <summary>The record held an entry at the last sync and is free now.</summary>
    Deleted = 3,
}
