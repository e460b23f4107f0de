using System.Text;
using Concord.Sync;
using Concord.SyncML.Commands;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Client;

internal sealed partial class ClientSession
{
    /// <summary>Processes one answer of the server: statuses for our commands, and every command of its own.</summary>
    private void Process(SyncMLMessage reply)
    {
        if (!reply.Header.NoResp)
        {
            _statuses.Add(new StatusCommand
            {
                CmdId = "", MsgRef = reply.Header.MsgId, CmdRef = "0", Cmd = "SyncHdr", Code = 200,
                TargetRefs = [reply.Header.Target], SourceRefs = [reply.Header.Source],
            });
        }
        foreach (var command in reply.Commands)
        {
            switch (command)
            {
                case StatusCommand status:
                    OnStatus(status);
                    break;
                case AlertCommand alert:
                    OnAlert(reply, alert);
                    break;
                case SyncCommand sync:
                    OnSync(reply, sync);
                    break;
                case DeviceInfoCommand devInf:
                    OnDeviceInfo(reply, devInf);
                    break;
                default:
                    if (!command.NoResp) QueueStatus(reply, command, 406);
                    break;
            }
        }
        CommitMessage();
        if (_suspendedByServer) throw new SyncMLClientException(ClientErrors.SuspendedByServer(_msgId));
    }

    private void QueueStatus(SyncMLMessage reply, Command command, int code, string? target = null, string? source = null,
        IReadOnlyList<Item>? items = null) =>
        _statuses.Add(new StatusCommand
        {
            CmdId = "", MsgRef = reply.Header.MsgId, CmdRef = command.CmdId, Cmd = command.Name, Code = code,
            TargetRefs = target is null ? [] : [target], SourceRefs = source is null ? [] : [source], Items = items ?? [],
        });

    private void OnAlert(SyncMLMessage reply, AlertCommand alert)
    {
        if (alert.Code is 222 or 223)
        {
            if (!alert.NoResp) QueueStatus(reply, alert, 200);
            return;
        }
        if (alert.Code == 224)
        {
            OnServerSuspend(reply, alert);
            return;
        }
        var item = alert.Items.FirstOrDefault();
        var run = FindRun(item?.Target, item?.Source);
        var type = SyncTypeExtensions.FromAlertCode(alert.Code);
        if (run is null || type is null || _phase != SyncPhase.Init)
        {
            if (run is not null && type is null) FailStore(run, ClientErrors.UnknownSyncType(run.Binding.RemoteUri, alert.Code));
            if (!alert.NoResp) QueueStatus(reply, alert, run is null ? 404 : 406, item?.Target, item?.Source);
            return;
        }
        run.Type = type;
        MarkUnderWay(run, type.Value);
        run.ServerNext = item?.Meta?.AnchorNext;
        run.Report.Performed = type;
        ClientLog.StoreType(_logger, run.Report.Name, type.Value.ToModeName(), run.Binding.Mode.ToModeName(), run.AlertStatus ?? 0);
        if (alert.NoResp) return;
        // RepPro §6.6.2: the status of a sync Alert echoes the sender's Next anchor.
        var data = new SyncMLElement("Data");
        data.Add(new SyncMLElement("Anchor", SyncMLNamespaces.MetInf)).AddText("Next", run.ServerNext ?? "");
        QueueStatus(reply, alert, 200, item?.Target, item?.Source, [new Item { Data = data }]);
    }

    private void OnDeviceInfo(SyncMLMessage reply, DeviceInfoCommand command)
    {
        if (!command.NoResp) QueueStatus(reply, command, 200, command.Items.FirstOrDefault()?.Target, command.Items.FirstOrDefault()?.Source);
        if (command.Kind != "Get") return;
        // RepPro §6.6.8: a Get of ./devinf1x is answered with Results carrying the client's DevInf.
        var data = new SyncMLElement("Data");
        data.Add(ClientDevInf.Build(_options.Version, _deviceId, _options.Model, _runs));
        _results.Add(new DeviceInfoCommand
        {
            Kind = "Results", CmdId = "", MsgRef = reply.Header.MsgId, CmdRef = command.CmdId,
            Meta = new Meta { Type = "application/vnd.syncml-devinf+xml" },
            Items = [new Item { Source = ClientDevInf.Uri(_options.Version), Data = data }],
        });
    }

    private void OnStatus(StatusCommand status)
    {
        if (status.CmdRef == "0") return;   // the header's: CheckHeader read it
        if (!int.TryParse(status.MsgRef, out var msgRef) || !_sent.Remove((msgRef, status.CmdRef), out var sent)) return;
        var run = sent.Run;
        switch (sent.Name)
        {
            case "Alert" when run is not null:
                run.AlertStatus = status.Code;
                // 508: the server runs a slow sync because anchors differ (Protocol §6.3.1); 509: nothing to resume,
                // a normal sync follows (§6.13). The server's Alert says which.
                run.Resumed = run.AskedResume && status.Code == 200;
                if (status.Code is not (200 or 508 or 509)) FailStore(run, ClientErrors.AlertRefused(run.Binding.RemoteUri, status.Code, msgRef));
                break;
            case "Sync" when run is not null:
                if (status.Code >= 300) FailStore(run, ClientErrors.SyncRefused(run.Binding.RemoteUri, status.Code, msgRef));
                break;
            case "Add" or "Replace" or "Delete" when run is not null:
                OnItemStatus(run, sent, status.Code, msgRef);
                break;
            case "Map" when run is not null && status.Code is 200 && !_options.DryRun:
                UnitOf(run).ConfirmMaps(run.Peer, sent.MapIds ?? []);
                break;
        }
    }

    /// <summary>
    /// The server's verdict on one of our changes: only a success makes the sent version the confirmed one, so a
    /// change the server refused, or whose status never came, is sent again next time.
    /// </summary>
    private void OnItemStatus(StoreRun run, SentCommand sent, int code, int msgRef)
    {
        var side = run.Report.Remote;
        if (sent.MoreData)
        {
            if (code == 213) return;   // chunk taken, send the next
            run.Chunk = null;
            ItemFailed(run, side, new ItemFailure(sent.Id, code, code >= 300
                ? ClientErrors.ItemRefused(sent.Name, sent.Id, code, msgRef) : ClientErrors.UnexpectedStatus(sent.Name, sent.Id, code, msgRef)));
            return;
        }
        var unit = UnitOf(run);
        var everything = run.Type!.Value.SendsEverything();
        if (sent.Kind == ChangeKind.Delete)
        {
            switch (code)
            {
                case 200 or 211 or 404 or 419:
                    // 211/404: the server did not have it either; 419: its change won and comes back as an Add.
                    unit.RemoveConfirmed(run.Peer, sent.Id);
                    unit.RemoveMap(run.Peer, sent.Id);
                    run.ConfirmedNow.Add(sent.Id);
                    if (code == 200) side.Deleted++;
                    if (code == 419) side.Conflicts++;
                    return;
            }
        }
        else
        {
            switch (code)
            {
                case 200 or 201 or 207 or 208 or 209 or 418:
                    unit.SetConfirmed(run.Peer, sent.Id, sent.Version ?? "");
                    run.ConfirmedNow.Add(sent.Id);
                    if (code == 201 || (sent.Kind == ChangeKind.Add && code == 200)) side.Added++;
                    else if (!everything) side.Updated++;
                    if (code is 207 or 208 or 209) side.Conflicts++;
                    return;
                case 419:
                    // The server's version won: it sends it in package 4; ours is not confirmed.
                    run.ConfirmedNow.Add(sent.Id);
                    side.Conflicts++;
                    return;
            }
        }
        ItemFailed(run, side, new ItemFailure(sent.Id, code, code >= 300
            ? ClientErrors.ItemRefused(sent.Name, sent.Id, code, msgRef) : ClientErrors.UnexpectedStatus(sent.Name, sent.Id, code, msgRef)));
    }

    private void OnSync(SyncMLMessage reply, SyncCommand sync)
    {
        var run = FindRun(sync.Target, sync.Source);
        if (run is null || !run.Active)
        {
            if (!sync.NoResp) QueueStatus(reply, sync, 404, sync.Target, sync.Source);
            return;
        }
        if (!sync.NoResp) QueueStatus(reply, sync, 200, sync.Target, sync.Source);
        if (sync.NumberOfChanges is { } n) run.Announced = n;
        foreach (var command in sync.Commands) OnSyncChild(reply, run, command, sync.Meta);
    }

    private void OnSyncChild(SyncMLMessage reply, StoreRun run, Command command, Meta? syncMeta)
    {
        switch (command)
        {
            case ItemCommand item:
                foreach (var it in item.Items)
                {
                    var statusIndex = item.NoResp ? -1 : _statuses.Count;
                    var (code, reason) = ApplyServerItem(run, item, it, item.Meta ?? syncMeta, statusIndex);
                    if (code >= 300) ItemFailed(run, run.Report.Local, new ItemFailure(it.Target ?? it.Source ?? "", code, reason ?? StatusText.Describe(code)));
                    if (!item.NoResp) QueueStatus(reply, item, code, it.Target, it.Source);
                }
                break;
            case ContainerCommand { Kind: "Sequence" } sequence:
                if (!sequence.NoResp) QueueStatus(reply, sequence, 200);
                foreach (var inner in sequence.Commands) OnSyncChild(reply, run, inner, syncMeta);
                break;
            case ContainerCommand atomic:
                OnAtomic(reply, run, atomic, syncMeta);
                break;
            default:
                if (!command.NoResp) QueueStatus(reply, command, 406);
                break;
        }
    }

    /// <summary>Applies one item of the server's Add/Replace/Delete; returns its status and, for a failure, why.</summary>
    private (int Code, string? Reason) ApplyServerItem(StoreRun run, ItemCommand command, Item item, Meta? meta, int statusIndex)
    {
        if (!run.Type!.Value.ServerSends()) return (403, $"a {run.Type.Value.ToModeName()} sync takes no changes from the server");
        var remoteId = item.Source;
        if (command.Kind == "Delete") return ServerDelete(run, item.Target, remoteId, statusIndex);
        if (command.Kind is not ("Add" or "Copy" or "Replace")) return (406, $"{command.Kind} is not supported by this client");

        var chunk = item.Data?.ContentAsBytes() ?? [];
        if (string.Equals(item.Meta?.Format ?? meta?.Format, "b64", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                chunk = Convert.FromBase64String(Encoding.ASCII.GetString(chunk));
            }
            catch (FormatException)
            {
                return (400, ClientErrors.BadBase64());
            }
        }
        var key = remoteId ?? item.Target ?? "";
        if (run.Incoming is { } old && old.RemoteId != key)
        {
            // OMA DS 1.2 Protocol §6.12: another item before the last chunk abandons the large object.
            run.Incoming = null;
            ItemFailed(run, run.Report.Local, new ItemFailure(old.RemoteId, 424, ClientErrors.ChunkAbandoned(old.RemoteId)));
        }
        var type = item.Meta?.Type ?? meta?.Type;
        if (item.MoreData || run.Incoming is not null)
        {
            run.Incoming ??= new IncomingChunk(key, item.Meta?.Size ?? meta?.Size, type);
            run.Incoming.Data.Write(chunk);
            if (run.Incoming.Data.Length > _options.MaxObjSize)
            {
                var size = run.Incoming.Data.Length;
                run.Incoming = null;
                return (413, ClientErrors.TooLarge(size, _options.MaxObjSize));
            }
            if (item.MoreData) return (213, null);
            var whole = run.Incoming;
            run.Incoming = null;
            chunk = whole.Data.ToArray();
            type = whole.Type ?? type;
            if (whole.DeclaredSize is { } declared && declared != chunk.Length) return (424, ClientErrors.ChunkSizeMismatch(chunk.Length, declared));
        }
        if (!run.Store.Kind.Accepts(type)) return (415, ClientErrors.WrongType(run.Store.Kind, type));
        type ??= run.Store.ContentTypes[0].MimeType;
        var content = Encoding.UTF8.GetString(chunk);
        run.Received++;
        return command.Kind == "Replace"
            ? ServerReplace(run, item.Target, remoteId, content, type, statusIndex)
            : ServerAdd(run, remoteId, content, type, statusIndex);
    }
}
