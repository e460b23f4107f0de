using Concord.Sync;
using Concord.SyncML.Commands;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Client;

internal sealed partial class ClientSession
{
    // The server's answer carried Alert 224: the session ends once that answer is processed.
    private bool _suspendedByServer;

    /// <summary>
    /// Records, in the unit of the message that brought the server's Alert, that a sync of this type is under way:
    /// a client killed before it ends (no chance to say so) finds the record next time and asks to resume
    /// (OMA DS 1.2 Protocol §6.13) or, with SyncML 1.1, starts again with a slow sync where one was cut off.
    /// </summary>
    private void MarkUnderWay(StoreRun run, SyncType type)
    {
        if (!_options.DryRun) UnitOf(run).SaveInterrupted(run.Peer, type);
    }

    /// <summary>
    /// Alert 224 from the server (OMA DS 1.2 Protocol §6.13): it suspends the session. What this answer brought is
    /// kept, the session ends without a further message, and the next one asks to resume (Alert 225).
    /// </summary>
    private void OnServerSuspend(SyncMLMessage reply, AlertCommand alert)
    {
        if (_options.Version != SyncMLVersion.V12)
        {
            if (!alert.NoResp) QueueStatus(reply, alert, 406);
            return;
        }
        if (!alert.NoResp) QueueStatus(reply, alert, 200);
        _suspendedByServer = true;
    }

    /// <summary>How long a cancelled session waits for the server to take its suspend.</summary>
    private static readonly TimeSpan SuspendTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A session cancelled once the sync was under way (Ctrl-C, a caller's token), SyncML 1.2: the client suspends
    /// it (Alert 224 for each store, OMA DS 1.2 Protocol §6.13) with the statuses it owes, so the server ends it
    /// knowing it will be resumed. Whatever happens to that message, the next session asks to resume (225).
    /// </summary>
    /// <returns>Whether the server took the suspend (status 200).</returns>
    private async Task<bool> SuspendAsync()
    {
        var active = _runs.Where(r => r.Active).ToList();
        if (_options.Version != SyncMLVersion.V12 || _options.DryRun || active.Count == 0
            || _phase is not (SyncPhase.Sending or SyncPhase.Receiving or SyncPhase.Mapping))
        {
            return false;
        }
        try
        {
            using var timeout = new CancellationTokenSource(SuspendTimeout);
            var message = NewMessage();
            var alertId = message.NextCmdId();
            message.Add(new AlertCommand
            {
                CmdId = alertId, Code = 224,
                Items = [.. active.Select(r => new Item { Target = r.Binding.RemoteUri, Source = r.LocalUri })],
            });
            var reply = await ExchangeAsync(message, true, timeout.Token).ConfigureAwait(false);
            var id = message.MsgId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return reply.Commands.OfType<StatusCommand>().Any(s => s.MsgRef == id && s.CmdRef == alertId && s.Code == 200);
        }
        catch (Exception e) when (e is SyncMLClientException or SyncMLTransportException or OperationCanceledException or IOException)
        {
            return false;   // the server did not hear it: the session is merely cut off, which resumes the same way
        }
    }

    /// <summary>
    /// A SyncML 1.1 slow sync or refresh that was under way when the client was killed left the server's ID map for
    /// this device half rebuilt: as <see cref="Fail"/> does when it can, the next sync is a slow sync again.
    /// </summary>
    private void ForgetCutOffRebuild(StoreRun run, Sync.Client.IClientStateUnit unit)
    {
        if (_options.Version == SyncMLVersion.V12 || _options.DryRun) return;
        if (run.Interrupted is SyncType.Slow or SyncType.RefreshFromClient or SyncType.RefreshFromServer)
        {
            unit.ForgetAnchors(run.Peer);
            run.Anchors = null;
        }
    }
}
