using Concord.Sync;
using Concord.Sync.Client;
using Concord.Sync.Stores;

namespace Concord.SyncML.Client;

internal sealed partial class ClientSession
{
    /// <summary>
    /// Asks a change-log store for its changes since the peer's last confirmed sync; a store that names its own
    /// states (a card's sync objects) gives the anchors, so a handset with an empty state still syncs incrementally.
    /// </summary>
    private static void StartChangeLog(StoreRun run, IChangeLogDataStore log)
    {
        run.ChangeLog = log.ChangesSince(run.Peer);
        if (log.AnchorsOf(run.Peer) is not { } own) return;
        run.NextAnchor = own.Next;
        run.Anchors = own.Last is null ? null : new ClientAnchors(own.Last, run.Anchors?.ServerLast);
    }

    /// <summary>
    /// The session is complete: the store's log moves on, unless a change it logged did not reach the server (the
    /// server refused one, or a one-way sync from the server sent none); those must go again, and the next sync is a
    /// slow one, as the anchors no longer match.
    /// </summary>
    private static void ConfirmChangeLog(StoreRun run)
    {
        if (run.Store is not IChangeLogDataStore log || run.Report.Remote.Failures.Count > 0) return;
        if (run.Type == SyncType.OneWayFromServer && run.ChangeLog is { Count: > 0 }) return;
        log.ConfirmSync(run.Peer);
    }

    /// <summary>Whether the local store holds an item: from the listing, or asked of an unlisted store once.</summary>
    private static bool Has(StoreRun run, string id)
    {
        if (run.Listed || run.Present.Contains(id) || !run.Probed.Add(id)) return run.Present.Contains(id);
        if (run.Store.Read(id) is null) return false;
        run.Present.Add(id);
        return true;
    }
}
