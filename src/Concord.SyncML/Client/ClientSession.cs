using System.Globalization;
using System.Security.Cryptography;
using Concord.Sync;
using Concord.Sync.Stores;
using Concord.SyncML.Commands;
using Microsoft.Extensions.Logging;

namespace Concord.SyncML.Client;

/// <summary>
/// One client session, package by package (OMA DS 1.2 Protocol §5): 1 alerts and device information, 2 the
/// server's alerts, 3 the client's changes, 4 the server's changes, 5 the ID map, 6 the server's last statuses.
/// Every answer is processed in one state transaction per store, committed before the next message goes out, so
/// the statuses the client sends never claim what is not durable; local writes go through a redo log.
/// </summary>
internal sealed partial class ClientSession
{
    private readonly ISyncMLTransport _transport;
    private readonly SyncMLClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly IProgress<SyncProgress>? _progress;
    private readonly List<StoreRun> _runs = [];
    private readonly SyncReport _report;
    private readonly string _sessionId;
    private readonly string _deviceId;

    // Commands of ours waiting for their status, by (MsgID, CmdID).
    private readonly Dictionary<(int, string), SentCommand> _sent = [];

    // Statuses (and Results) for the server's last message, sent with our next one; CmdIDs are given then.
    private readonly List<StatusCommand> _statuses = [];
    private readonly List<Command> _results = [];

    private Uri _url;
    private int _msgId;
    private long? _serverMaxMsgSize;
    private long? _serverMaxObjSize;
    private SyncPhase _phase = SyncPhase.Init;
    private SyncMLMessage? _reply;

    public ClientSession(ISyncMLTransport transport, SyncMLClientOptions options, ILogger logger, TimeProvider time,
        IProgress<SyncProgress>? progress, IReadOnlyList<ClientStoreBinding> stores)
    {
        _transport = transport;
        _options = options;
        _logger = logger;
        _time = time;
        _progress = progress;
        _url = options.ServerUrl;
        _auth = options.Auth;
        _deviceId = options.DeviceId ?? (stores[0].Store as IChangeLogDataStore)?.DeviceId ?? stores[0].State.DeviceId;
        _sessionId = RandomNumberGenerator.GetInt32(1, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var uris = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var binding in stores)
        {
            var uri = binding.LocalUri ?? "./" + binding.Store.Kind.CanonicalName();
            for (var n = 2; !uris.Add(uri); n++) uri = (binding.LocalUri ?? "./" + binding.Store.Kind.CanonicalName()) + "-" + n.ToString(CultureInfo.InvariantCulture);
            var peer = string.Join('|', options.ServerUrl.ToString(), options.User, binding.RemoteUri, _deviceId);
            var anchor = stamp + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
            _runs.Add(new StoreRun(binding, uri, peer, new StoreReport(binding.Store.Name, binding.RemoteUri, binding.Mode), anchor));
        }
        _report = new SyncReport(_runs.Select(r => r.Report).ToList(), _deviceId) { DryRun = options.DryRun };
    }

    public async Task<SyncReport> RunAsync(CancellationToken token)
    {
        ClientLog.SessionStart(_logger, _sessionId, _options.ServerUrl, _deviceId,
            string.Join(", ", _runs.Select(r => $"{r.Report.Name}={r.Binding.RemoteUri} ({r.Binding.Mode.ToModeName()})")));
        try
        {
            Prepare();
            await InitAsync(token).ConfigureAwait(false);
            if (_runs.Any(r => r.Active))
            {
                ListLocalChanges();
                if (_options.DryRun && !CanPreviewServer())
                {
                    foreach (var run in _runs.Where(r => r.Active))
                    {
                        run.Report.PlanNote = ClientErrors.SlowPlanNote(run.Type!.Value);
                        run.Report.Completed = true;
                    }
                    return _report;
                }
                _phase = SyncPhase.Sending;
                await SendChangesAsync(token).ConfigureAwait(false);
                _phase = SyncPhase.Receiving;
                await ReceiveChangesAsync(token).ConfigureAwait(false);
                if (_options.DryRun)
                {
                    foreach (var run in _runs.Where(r => r.Active)) run.Report.Completed = true;
                    return _report;
                }
                EndServerPackage();
                _phase = SyncPhase.Mapping;
                await SendMapsAsync(token).ConfigureAwait(false);
                Complete();
            }
        }
        catch (SyncMLClientException e)
        {
            Fail(e.Message);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            var at = _msgId;
            Fail(await SuspendAsync().ConfigureAwait(false) ? ClientErrors.Suspended(at) : ClientErrors.Cancelled(at));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            // The local side failed (a file unreadable, the state file locked or full): what was committed stands.
            Fail(ClientErrors.LocalFailed(_msgId, e.Message));
        }
        finally
        {
            foreach (var run in _runs)
            {
                run.Unit?.Dispose();
                run.Unit = null;
            }
            _phase = SyncPhase.Done;
            ReportProgress();
        }
        return _report;
    }

    private void Fail(string reason)
    {
        _report.Error = reason;
        ClientLog.SessionFailed(_logger, _sessionId, reason);
        foreach (var run in _runs)
        {
            if (run.Report.Completed) continue;
            if (run.Report.Error is null) run.Report.Error = ClientErrors.SessionUnfinished(reason);
            if (_options.DryRun || _phase == SyncPhase.Init || run.Type is not { } type) continue;
            run.Unit?.Dispose();
            run.Unit = null;
            using var unit = run.State.Begin();
            if (_options.Version == Documents.SyncMLVersion.V12)
            {
                // OMA DS 1.2 Protocol §6.13: the next session asks to resume this one, with the same anchors.
                unit.SaveInterrupted(run.Peer, type);
            }
            else if (type is SyncType.Slow or SyncType.RefreshFromClient or SyncType.RefreshFromServer)
            {
                // Without resume, a slow sync or a refresh cut off half way leaves the server's ID map for this device
                // half rebuilt: the next sync must be a slow sync again, not a two-way on the old anchors.
                unit.ForgetAnchors(run.Peer);
            }
            unit.Commit();
        }
    }

    private static void FailStore(StoreRun run, string reason) => run.Report.Error ??= reason;

    /// <summary>Finishes what an interrupted sync left in the redo log, and loads each store's state.</summary>
    private void Prepare()
    {
        foreach (var run in _runs)
        {
            if (!_options.DryRun)
            {
                var applied = ApplyPendingWrites(run);
                if (applied > 0) ClientLog.Recovered(_logger, applied, run.Report.Name);
            }
            using var unit = run.State.Begin();
            run.Anchors = unit.LoadAnchors(run.Peer);
            run.Confirmed = unit.ConfirmedVersions(run.Peer);
            run.Interrupted = unit.LoadInterrupted(run.Peer);
            ForgetCutOffRebuild(run, unit);
            if (run == _runs[0] && unit.GetNonce(NonceKey) is { } nonce) _nonce = Convert.FromBase64String(nonce);
            if (run.Store is IChangeLogDataStore log) StartChangeLog(run, log);
            unit.Commit();
        }
    }

    private int AlertCode(StoreRun run)
    {
        var mode = run.Binding.Mode;
        // OMA DS 1.2 Protocol §6.13: a session that broke off is resumed (225) when the same sync is asked again, or
        // the default two-way; the server answers with the type it resumes, or 509/508 and a normal or slow sync.
        // A dry run does not ask: resuming changes the server's session records.
        run.AskedResume = _options.Version == Documents.SyncMLVersion.V12 && !_options.DryRun && run.Interrupted is { } broken
            && (mode == broken || mode == SyncType.TwoWay);
        if (run.AskedResume) return 225;
        // A store that lost its change log for this peer cannot say what changed: it asks for a slow sync itself.
        if (run.Store is IChangeLogDataStore && run.ChangeLog is null && mode is SyncType.TwoWay) return (int)SyncType.Slow;
        return (int)mode;
    }

    /// <summary>Once the server said what it runs: what goes up in package 3, store by store.</summary>
    private void ListLocalChanges()
    {
        foreach (var run in _runs.Where(r => r.Active))
        {
            // A change log answers for two-way and one-way-from-client: the store is not read whole.
            run.Listed = run.ChangeLog is null || run.Type is not (SyncType.TwoWay or SyncType.OneWayFromClient);
            foreach (var v in run.Listed ? run.Store.List() : [])
            {
                run.LocalVersions[v.Id] = v.Version;
                run.Present.Add(v.Id);
            }
            IReadOnlyList<ItemChange> changes = run.Type switch
            {
                // A resumed slow sync sends what the server had not confirmed when it broke off.
                SyncType.Slow or SyncType.RefreshFromClient when run.Resumed => ChangeDetector.Compare(
                        run.LocalVersions.Select(p => new ItemVersion(p.Key, p.Value)), run.Confirmed)
                    .Where(c => c.Kind != ChangeKind.Delete).Select(c => new ItemChange(c.Id, ChangeKind.Replace)).ToList(),
                SyncType.TwoWay or SyncType.OneWayFromClient => run.ChangeLog ?? ChangeDetector.Compare(
                    run.LocalVersions.Select(p => new ItemVersion(p.Key, p.Value)), run.Confirmed),
                // OMA DS 1.2 Protocol §5.2.3: a slow sync (and a refresh) sends every item, as Replace.
                SyncType.Slow or SyncType.RefreshFromClient => run.LocalVersions.Keys.Order(StringComparer.Ordinal)
                    .Select(id => new ItemChange(id, ChangeKind.Replace)).ToList(),
                _ => [],
            };
            foreach (var change in changes) run.Outgoing.Enqueue(change);
            run.ToSend = changes.Count;
            if (!_options.DryRun) continue;
            foreach (var change in changes)
            {
                var summary = change.Kind == ChangeKind.Delete ? "" : ItemSummary.Of(run.Store.Read(change.Id)?.Content);
                run.Report.Planned.Add(new PlannedChange(SyncSide.Remote, change.Kind, change.Id, summary));
            }
        }
    }

    /// <summary>
    /// A dry run fetches the server's changes only where asking for them changes nothing on the server: two-way and
    /// one-way syncs. A slow sync or a refresh would make the server rebuild its ID map for this device.
    /// </summary>
    private bool CanPreviewServer() =>
        _runs.Where(r => r.Active).All(r => r.Type is SyncType.TwoWay or SyncType.OneWayFromClient or SyncType.OneWayFromServer);

    /// <summary>Package 6 arrived: the sync of every store still standing is complete; anchors move on.</summary>
    private void Complete()
    {
        foreach (var run in _runs.Where(r => r.Active))
        {
            using (var unit = run.State.Begin())
            {
                // A change of the server's that could not be taken for a passing reason (a write failed, an Atomic
                // rolled back) is one a server need not send again on a two-way sync: without anchors the next sync
                // is a slow sync, which brings it.
                if (run.Report.Local.Failures.Any(f => f.Status is 500 or 507 or 424)) ForgetAnchorsForRetry(run, unit);
                else unit.SaveAnchors(run.Peer, new Sync.Client.ClientAnchors(run.NextAnchor, run.ServerNext));
                unit.SaveInterrupted(run.Peer, null);
                if (run.Type is SyncType.Slow or SyncType.RefreshFromClient or SyncType.RefreshFromServer)
                {
                    // The server now holds exactly what was sent or received: versions of items gone from here are stale.
                    foreach (var id in unit.ConfirmedVersions(run.Peer).Keys.Where(id => !run.Present.Contains(id)).ToList())
                    {
                        unit.RemoveConfirmed(run.Peer, id);
                    }
                }
                unit.Commit();
            }
            ConfirmChangeLog(run);
            run.Report.Completed = true;
            var r = run.Report;
            ClientLog.StoreDone(_logger, r.Name, r.Local.Added, r.Local.Updated, r.Local.Deleted, r.Remote.Added, r.Remote.Updated,
                r.Remote.Deleted, r.Local.Conflicts + r.Remote.Conflicts, r.Local.Failures.Count + r.Remote.Failures.Count);
        }
    }

    private void ForgetAnchorsForRetry(StoreRun run, Sync.Client.IClientStateUnit unit)
    {
        unit.ForgetAnchors(run.Peer);
        ClientLog.SlowNext(_logger, run.Report.Name);
    }

    private void ReportProgress()
    {
        if (_progress is null) return;
        foreach (var run in _runs)
        {
            _progress.Report(new SyncProgress(run.Report.Name, _phase, run.Type, run.Sent, run.ToSend, run.Received, run.Announced));
        }
    }

    private StoreRun? FindRun(string? localUri, string? remoteUri)
    {
        static string Bare(string? s) => (s ?? "").Trim().TrimStart('.', '/');
        return _runs.Find(r => localUri is not null && string.Equals(Bare(r.LocalUri), Bare(localUri), StringComparison.OrdinalIgnoreCase))
            ?? _runs.Find(r => remoteUri is not null && string.Equals(Bare(r.Binding.RemoteUri), Bare(remoteUri), StringComparison.OrdinalIgnoreCase));
    }
}
