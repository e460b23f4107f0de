namespace Concord.Card.SyncObjects;

/// <summary>
/// What NewSync answered: the peer's last sync object (null: none, so a full sync), the proposed one, how many
/// changes GetChanges will list, and whether storing will evict another peer.
/// </summary>
public readonly record struct NewSyncResult(SyncObject? Last, SyncObject Proposed, int ChangeCount, bool WouldEvict);
