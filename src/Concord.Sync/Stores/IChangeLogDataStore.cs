namespace Concord.Sync.Stores;

/// <summary>
/// A data store that keeps its own change log per peer, as the SIM card of seeds 001/004 does with its sync
/// objects: the client asks it for the changes instead of comparing versions.
/// </summary>
/// <remarks>
/// <see cref="ChangesSince"/> is the card's NewSync followed by GetChanges (a new sync object is proposed);
/// <see cref="ConfirmSync"/> is StoreSync (the proposed object becomes the last one). A client calls
/// <see cref="ConfirmSync"/> only once the peer has confirmed the whole sync, so a sync cut off anywhere sends the
/// same changes again next time. The client's own writes of that session (the peer's changes) are part of what the
/// peer has: a store that logs them should not report them to the same peer again.
/// <para>
/// In a two-way or one-way-from-client sync the client does not <see cref="IDataStore.List"/> such a store: it
/// reads only the items the log names, and asks <see cref="IDataStore.Read"/> whether an item the peer names is
/// there. A store whose state travels with it (a card moving between handsets) also gives the sync anchors
/// (<see cref="AnchorsOf"/>) and the device id (<see cref="DeviceId"/>), so that a handset with no state of its own
/// still syncs incrementally and the peer sees the same device.
/// </para>
/// </remarks>
public interface IChangeLogDataStore : IDataStore
{
    /// <summary>The changes since the last sync this peer confirmed.</summary>
    /// <param name="peer">The peer's key (server, account, remote store, device id).</param>
    /// <returns>The changes, or null when the store has no record of a sync with this peer (a slow sync is needed).</returns>
    IReadOnlyList<ItemChange>? ChangesSince(string peer);

    /// <summary>The peer has every change up to the last <see cref="ChangesSince"/>: make that the base of the next one.</summary>
    void ConfirmSync(string peer);

    /// <summary>
    /// The anchors of the sync <see cref="ChangesSince"/> started with the peer, as the store names its states (the
    /// card's sync objects); null when the store names none and the client's own anchors apply.
    /// </summary>
    StoreAnchors? AnchorsOf(string peer) => null;

    /// <summary>A device id the store carries with it (derived from a card's ICCID), or null to take the client state's.</summary>
    string? DeviceId => null;
}
