using Concord.SyncML.Commands;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Client;

internal sealed partial class ClientSession
{
    /// <summary>
    /// An Atomic in the server's Sync (SyncML RepPro §6.6.3): its commands are applied all together or not at all.
    /// What came before it in the message is committed first, so the Atomic has a state unit of its own to roll
    /// back; on any failure the unit is dropped (ID map entries, recorded writes, and for a store that writes in the
    /// unit, its writes), the Atomic answers 507, the command that failed its own status, and the others 216.
    /// </summary>
    /// <remarks>
    /// A store that writes in the state's unit (a database collection) has its writes made before the Atomic is
    /// judged, so a write that fails rolls it back too. A folder's files are written after the unit commits and
    /// cannot be taken back: there a file that cannot be written answers 500 for its item only.
    /// </remarks>
    private void OnAtomic(SyncMLMessage reply, StoreRun run, ContainerCommand atomic, Meta? syncMeta)
    {
        var atomicStatus = atomic.NoResp ? -1 : _statuses.Count;
        if (!atomic.NoResp) QueueStatus(reply, atomic, 200);
        CommitMessage();
        var mark = new AtomicMark(run, _statuses.Count);
        foreach (var inner in atomic.Commands) OnSyncChild(reply, run, inner, syncMeta);
        if (!Failed(run, mark) && !_options.DryRun && ReferenceEquals(run.Store, run.State) && run.Writes.Count > 0)
        {
            ApplyPendingWrites(run, UnitOf(run));
            run.Writes.Clear();
        }
        if (!Failed(run, mark)) return;

        run.Unit?.Dispose();
        run.Unit = null;
        mark.Restore(run);
        for (var i = mark.Statuses; i < _statuses.Count; i++)
        {
            if (_statuses[i].Code < 300) _statuses[i] = _statuses[i] with { Code = 216 };
        }
        if (atomicStatus >= 0) _statuses[atomicStatus] = _statuses[atomicStatus] with { Code = 507 };
        ItemFailed(run, run.Report.Local, new ItemFailure("Atomic", 507, ClientErrors.AtomicRolledBack(_msgId, atomic.Commands.Count)));
    }

    private bool Failed(StoreRun run, AtomicMark mark) =>
        run.Report.Local.Failures.Count > mark.Failures || _statuses.Skip(mark.Statuses).Any(s => s.Code >= 300);

    /// <summary>What a store's run and report were before an Atomic, to put back when it rolls back.</summary>
    private sealed class AtomicMark(StoreRun run, int statuses)
    {
        private readonly HashSet<string> _present = [.. run.Present];
        private readonly HashSet<string> _touched = [.. run.Touched];
        private readonly HashSet<string> _reserved = [.. run.Reserved];
        private readonly int _writes = run.Writes.Count;
        private readonly int _received = run.Received;
        private readonly int _planned = run.Report.Planned.Count;
        private readonly (int, int, int, int) _counts = (run.Report.Local.Added, run.Report.Local.Updated, run.Report.Local.Deleted, run.Report.Local.Conflicts);

        public int Statuses { get; } = statuses;

        public int Failures { get; } = run.Report.Local.Failures.Count;

        public void Restore(StoreRun r)
        {
            Reset(r.Present, _present);
            Reset(r.Touched, _touched);
            Reset(r.Reserved, _reserved);
            r.Writes.RemoveRange(_writes, r.Writes.Count - _writes);
            r.Received = _received;
            r.Report.Planned.RemoveRange(_planned, r.Report.Planned.Count - _planned);
            var local = r.Report.Local;
            (local.Added, local.Updated, local.Deleted, local.Conflicts) = _counts;
        }

        private static void Reset(HashSet<string> set, HashSet<string> to)
        {
            set.Clear();
            set.UnionWith(to);
        }
    }
}
