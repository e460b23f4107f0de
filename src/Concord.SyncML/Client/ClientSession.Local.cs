using Concord.Sync;
using Concord.Sync.Client;
using Microsoft.Extensions.Logging;

namespace Concord.SyncML.Client;

internal sealed partial class ClientSession
{
    /// <summary>The state unit of the message being processed, begun on first use.</summary>
    private IClientStateUnit UnitOf(StoreRun run) => run.Unit ??= run.State.Begin();

    /// <summary>The item has a change here the server has not confirmed (it would be lost to the server's).</summary>
    private static bool ChangedHere(StoreRun run, string id) => run.Listed
        ? run.LocalVersions.TryGetValue(id, out var now) && !run.ConfirmedNow.Contains(id)
            && (!run.Confirmed.TryGetValue(id, out var confirmed) || confirmed != now)
        : !run.ConfirmedNow.Contains(id) && run.ChangeLog!.Any(c => c.Id == id && c.Kind != ChangeKind.Delete);

    private (int, string?) ServerAdd(StoreRun run, string? remoteId, string content, string type, int statusIndex)
    {
        if (remoteId is null) return (400, "the Add has no Source: the server's id of the item is missing");
        // A server repeating an Add whose Map it never got (a session cut off) finds the item it sent before.
        var known = UnitOf(run).FindLocalId(run.Peer, remoteId);
        if (known is not null && Has(run, known)) return Record(run, known, ChangeKind.Replace, content, type, remoteId, false, 201, statusIndex);
        var id = run.Store.NewId(content, type, run.Reserved);
        run.Reserved.Add(id);
        if (_options.DryRun)
        {
            run.Report.Planned.Add(new PlannedChange(SyncSide.Local, ChangeKind.Add, id, ItemSummary.Of(content)));
            return (201, null);
        }
        return Record(run, id, ChangeKind.Add, content, type, remoteId, false, 201, statusIndex);
    }

    private (int, string?) ServerReplace(StoreRun run, string? target, string? remoteId, string content, string type, int statusIndex)
    {
        var id = target is not null && Has(run, target) ? target : null;
        if (id is null && remoteId is not null && UnitOf(run).FindLocalId(run.Peer, remoteId) is { } mapped && Has(run, mapped)) id = mapped;
        if (id is null)
        {
            // Gone here (deleted since, or never mapped): the server's version comes back as a new item.
            if (remoteId is null) return (404, $"no local item '{target}' and no server id to add it under");
            return ServerAdd(run, remoteId, content, type, statusIndex);
        }
        return Record(run, id, ChangeKind.Replace, content, type, remoteId, true, 200, statusIndex);
    }

    private (int, string?) ServerDelete(StoreRun run, string? target, string? remoteId, int statusIndex)
    {
        var id = target is not null && Has(run, target) ? target : null;
        if (id is null && remoteId is not null && UnitOf(run).FindLocalId(run.Peer, remoteId) is { } mapped && Has(run, mapped)) id = mapped;
        if (id is null) return (211, null);
        run.Received++;
        if (_options.DryRun)
        {
            run.Report.Planned.Add(new PlannedChange(SyncSide.Local, ChangeKind.Delete, id, ItemSummary.Of(run.Store.Read(id)?.Content),
                ConflictNote(run, id)));
            return (200, null);
        }
        var unit = UnitOf(run);
        unit.RemoveMap(run.Peer, id);
        var seq = unit.AddPendingWrite(new PendingWrite(0, run.Peer, id, ChangeKind.Delete, null, null));
        run.Writes.Add(new RecordedWrite(seq, statusIndex, id, ChangeKind.Delete, ChangedHere(run, id)));
        run.Present.Remove(id);
        run.Touched.Remove(id);
        return (200, null);
    }

    /// <summary>Records a write of the server's content in this message's unit (the redo log); applied once it commits.</summary>
    private (int, string?) Record(StoreRun run, string id, ChangeKind kind, string content, string type, string? remoteId,
        bool mapKnown, int code, int statusIndex)
    {
        if (_options.DryRun)
        {
            run.Report.Planned.Add(new PlannedChange(SyncSide.Local, kind, id, ItemSummary.Of(content), kind == ChangeKind.Add ? null : ConflictNote(run, id)));
            return (code, null);
        }
        var unit = UnitOf(run);
        if (remoteId is not null && unit.FindRemoteId(run.Peer, id) != remoteId) unit.SetMap(run.Peer, id, remoteId, mapKnown);
        var seq = unit.AddPendingWrite(new PendingWrite(0, run.Peer, id, kind, content, type));
        run.Writes.Add(new RecordedWrite(seq, statusIndex, id, kind, kind != ChangeKind.Add && ChangedHere(run, id)));
        run.Touched.Add(id);
        run.Present.Add(id);
        return (code, null);
    }

    private string? ConflictNote(StoreRun run, string id)
    {
        if (!ChangedHere(run, id)) return null;
        return run.Type is SyncType.TwoWay
            ? "changed here too: sent up first, the server resolves it (by default it merges) and sends back the result"
            : "changed here too: the local change would be overwritten";
    }

    /// <summary>
    /// Commits each store's unit for the message just processed, then applies the local writes it recorded. A write
    /// that fails turns its status into 500, so the server sends the change again.
    /// </summary>
    private void CommitMessage()
    {
        foreach (var run in _runs)
        {
            // A store that is its own state (a collection in a database) writes in the message's transaction: the
            // writes, the map and the confirmed versions commit together, and the redo log is empty again at once.
            var joined = ReferenceEquals(run.Store, run.State);
            if (run.Unit is { } unit)
            {
                if (!_options.DryRun && joined && run.Writes.Count > 0) ApplyPendingWrites(run, unit);
                if (!_options.DryRun) unit.Commit();
                unit.Dispose();
                run.Unit = null;
            }
            if (!_options.DryRun && !joined && run.Writes.Count > 0) ApplyPendingWrites(run);
            run.Writes.Clear();
            if (!_options.DryRun) run.Reserved.Clear();   // a dry run writes nothing, so its names must stay apart
        }
    }

    /// <summary>Applies the writes the state's redo log holds, in order, in a unit of their own; returns how many.</summary>
    private int ApplyPendingWrites(StoreRun run)
    {
        using var unit = run.State.Begin();
        var count = ApplyPendingWrites(run, unit);
        unit.Commit();
        return count;
    }

    /// <summary>Applies the writes the state's redo log holds, in order, in a unit the caller commits; returns how many.</summary>
    private int ApplyPendingWrites(StoreRun run, IClientStateUnit unit)
    {
        var recorded = run.Writes.ToDictionary(w => w.Sequence);
        var pending = unit.PendingWrites();
        foreach (var write in pending)
        {
            recorded.TryGetValue(write.Sequence, out var rec);
            try
            {
                if (write.Kind == ChangeKind.Delete)
                {
                    run.Store.Delete(write.Id);
                    unit.RemoveConfirmed(write.Peer, write.Id);
                }
                else
                {
                    var version = run.Store.Write(write.Id, write.Content ?? "", write.ContentType ?? run.Store.ContentTypes[0].MimeType);
                    unit.SetConfirmed(write.Peer, write.Id, version.Version);
                }
                if (rec is not null) Count(run.Report.Local, rec.CountAs, rec.LocalConflict);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                if (write.Kind == ChangeKind.Add) unit.RemoveMap(write.Peer, write.Id);
                if (rec is not null)
                {
                    ItemFailed(run, run.Report.Local, new ItemFailure(write.Id, 500, ClientErrors.LocalWriteFailed(e.Message)));
                    if (rec.StatusIndex >= 0 && rec.StatusIndex < _statuses.Count) _statuses[rec.StatusIndex] = _statuses[rec.StatusIndex] with { Code = 500 };
                }
                else if (_logger.IsEnabled(LogLevel.Warning))
                {
                    ClientLog.ItemFailed(_logger, run.Report.Name, ClientErrors.LocalWriteFailed(e.Message));
                }
            }
            unit.RemovePendingWrite(write.Sequence);
        }
        return pending.Count;
    }

    private static void Count(SideReport side, ChangeKind kind, bool conflict)
    {
        switch (kind)
        {
            case ChangeKind.Add: side.Added++; break;
            case ChangeKind.Replace: side.Updated++; break;
            default: side.Deleted++; break;
        }
        if (conflict) side.Conflicts++;
    }

    private void ItemFailed(StoreRun run, SideReport side, ItemFailure failure)
    {
        side.Failures.Add(failure);
        ClientLog.ItemFailed(_logger, run.Report.Name, $"{failure.Item}: {failure.Reason}");
    }

    /// <summary>
    /// The end of package 4. A refresh from the server makes the local store what the server sent: the items it did
    /// not send go, now and not before, so that a refresh cut off early loses nothing here.
    /// </summary>
    private void EndServerPackage()
    {
        foreach (var run in _runs.Where(r => r.Active && r.Type == SyncType.RefreshFromServer))
        {
            foreach (var id in run.Present.Where(id => !run.Touched.Contains(id) && run.LocalVersions.ContainsKey(id)).ToList())
            {
                var unit = UnitOf(run);
                unit.RemoveMap(run.Peer, id);
                var seq = unit.AddPendingWrite(new PendingWrite(0, run.Peer, id, ChangeKind.Delete, null, null));
                run.Writes.Add(new RecordedWrite(seq, -1, id, ChangeKind.Delete, false));
                run.Present.Remove(id);
            }
        }
        CommitMessage();
    }
}
