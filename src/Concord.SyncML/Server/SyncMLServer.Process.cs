using System.Globalization;
using Concord.Sync;
using Concord.Sync.State;
using Concord.SyncML.Commands;
using Concord.SyncML.Documents;
using Concord.SyncML.Xml;

namespace Concord.SyncML.Server;

public sealed partial class SyncMLServer
{
    private static StatusCommand StatusFor(MessageContext c, Command cmd, int code, string? target = null, string? source = null) => new()
    {
        CmdId = c.Response.NextCmdId(),
        MsgRef = c.MsgId,
        CmdRef = cmd.CmdId,
        Cmd = cmd.Name,
        Code = code,
        TargetRefs = target is null ? [] : [target],
        SourceRefs = source is null ? [] : [source],
    };

    private StatusCommand HeaderStatus(MessageContext c, int code, Meta? challenge) => new()
    {
        CmdId = c.Response.NextCmdId(),
        MsgRef = c.MsgId,
        CmdRef = "0",
        Cmd = "SyncHdr",
        Code = code,
        TargetRefs = [c.Message.Header.Target],
        SourceRefs = [c.Message.Header.Source],
        Challenge = challenge,
    };

    private static bool AnswerUnknownSession(MessageContext c)
    {
        // The RespURI named a session this server does not have (expired, or never existed).
        c.Response.AddAlways(new StatusCommand
        {
            CmdId = c.Response.NextCmdId(), MsgRef = c.MsgId, CmdRef = "0", Cmd = "SyncHdr", Code = 404,
            TargetRefs = [c.Message.Header.Target], SourceRefs = [c.Message.Header.Source],
        });
        return true;
    }

    private bool Process(MessageContext c)
    {
        var s = c.State;
        var m = c.Message;
        if (!s.Authenticated)
        {
            var (code, challenge) = Authenticate(c);
            if (code != 212)
            {
                c.Response.AddAlways(HeaderStatus(c, code, challenge));
                foreach (var cmd in m.Commands)
                {
                    if (cmd is not StatusCommand) c.Response.AddAlways(StatusFor(c, cmd, 407));
                }
                return true;
            }
            c.Response.AddAlways(HeaderStatus(c, 212, challenge));
        }
        else if (!m.Header.NoResp)
        {
            c.Response.AddAlways(HeaderStatus(c, 200, null));
        }

        var sawSync = false;
        foreach (var cmd in m.Commands)
        {
            sawSync |= cmd is SyncCommand;
            Dispatch(c, cmd);
        }

        if (c.SuspendRequested && s.Version == SyncMLVersion.V12) return true;
        switch (s.Phase)
        {
            case ServerPhase.Init when m.Final && !sawSync:
                s.Phase = ServerPhase.ClientSync;
                return true;
            case ServerPhase.Init when !m.Final:
            case ServerPhase.ClientSync when !m.Final:
                if (sawSync) s.Phase = ServerPhase.ClientSync;
                AddNextMessageAlert(c);
                return false;
            case ServerPhase.Init:
            case ServerPhase.ClientSync:
                QueueServerChanges(c);
                s.Phase = ServerPhase.ServerSync;
                goto case ServerPhase.ServerSync;
            case ServerPhase.ServerSync:
                if (!SendOutbox(c)) return false;
                s.Phase = ServerPhase.Map;
                // A last package 4 of statuses only asks nothing of the client, and clients end the session there
                // (the Synthesis engine does, e.g. in one-way-from-client): the sync is complete now.
                if (c.Response.Commands.All(x => x is StatusCommand)) Complete(c);
                return true;
            case ServerPhase.Map when m.Final:
                Complete(c);
                return true;
            case ServerPhase.Map:
                AddNextMessageAlert(c);
                return false;
            default:
                return true;
        }
    }

    // OMA DS 1.2 Protocol §9.1: a message that is not the last of its package is answered with at least an
    // Alert 222 (next message) when there is nothing else to send.
    private static void AddNextMessageAlert(MessageContext c)
    {
        if (c.Response.Commands.Any(x => x is not StatusCommand)) return;
        c.Response.AddAlways(new AlertCommand
        {
            CmdId = c.Response.NextCmdId(),
            Code = 222,
            Items = [new Item { Target = c.Message.Header.Source, Source = c.Message.Header.Target }],
        });
    }

    private void Dispatch(MessageContext c, Command cmd)
    {
        switch (cmd)
        {
            case StatusCommand status:
                HandleStatus(c, status);
                break;
            case AlertCommand alert:
                HandleAlert(c, alert);
                break;
            case SyncCommand sync:
                HandleSync(c, sync);
                break;
            case MapCommand map:
                HandleMap(c, map);
                break;
            case DeviceInfoCommand dev:
                HandleDeviceInfo(c, dev);
                break;
            case ContainerCommand { Kind: "Atomic" } atomic:
                HandleAtomic(c, atomic, inner => Dispatch(c, inner));
                break;
            case ContainerCommand container:
                if (!container.NoResp) c.Response.AddAlways(StatusFor(c, container, 200));
                foreach (var inner in container.Commands) Dispatch(c, inner);
                break;
            default:
                Log.CommandRefused(_logger, cmd.Name, 406, Errors.UnknownCommand(cmd.Name));
                if (!cmd.NoResp) c.Response.AddAlways(StatusFor(c, cmd, 406));
                break;
        }
    }

    private void HandleAlert(MessageContext c, AlertCommand alert)
    {
        var s = c.State;
        var item = alert.Items.FirstOrDefault();
        if (alert.Code is 222 or 223)
        {
            if (!alert.NoResp) c.Response.AddAlways(StatusFor(c, alert, 200));
            return;
        }
        if (alert.Code == 224)
        {
            // OMA DS 1.2 Protocol §6.13: the client suspends. The session ends here, incomplete, so that a later
            // Alert 225 can resume it; nothing queued for the client is lost, anchors stay as they were.
            c.SuspendRequested = true;
            if (!alert.NoResp) c.Response.AddAlways(StatusFor(c, alert, s.Version == SyncMLVersion.V12 ? 200 : 406));
            return;
        }
        var resume = alert.Code == 225 && s.Version == SyncMLVersion.V12;
        var requested = resume ? SyncType.TwoWay : SyncTypeExtensions.FromAlertCode(alert.Code);
        if (requested is null || s.Phase != ServerPhase.Init)
        {
            // 225 before OMA DS 1.2 does not exist; other codes are not sync types.
            Log.CommandRefused(_logger, "Alert " + alert.Code.ToString(CultureInfo.InvariantCulture), 406, "alert code not supported in this phase or version");
            c.Response.AddAlways(StatusFor(c, alert, 406, item?.Target, item?.Source));
            return;
        }
        var kind = StoreCatalog.Resolve(item?.Target);
        if (kind is null || item?.Source is null)
        {
            Log.CommandRefused(_logger, "Alert", 404, $"no store named '{item?.Target}'");
            c.Response.AddAlways(StatusFor(c, alert, 404, item?.Target, item?.Source));
            return;
        }
        var storeName = kind.Value.CanonicalName();
        var stored = c.Unit.LoadStoreState(c.UserId, s.DeviceId, storeName);
        var type = requested.Value;
        var code = 200;
        StoreSession? interrupted = null;
        if (resume)
        {
            (type, code, interrupted) = Resume(c, kind.Value, stored, item.Meta?.AnchorLast);
        }
        else if (type is SyncType.TwoWay or SyncType.OneWayFromClient or SyncType.OneWayFromServer
            && (stored is null || stored.ClientAnchor != item.Meta?.AnchorLast))
        {
            // OMA DS 1.2 Protocol §6.3.1: anchors that do not match force a slow sync, answered 508.
            Log.SlowSyncForced(_logger, storeName, s.DeviceId, stored is null ? "no earlier sync" :
                $"client anchor '{item.Meta?.AnchorLast}' does not match '{stored.ClientAnchor}'");
            type = SyncType.Slow;
            code = 508;
        }
        if (type == SyncType.RefreshFromServer) c.Unit.ClearMap(c.UserId, s.DeviceId, storeName);
        s.Stores.RemoveAll(x => x.Kind == kind.Value);
        var serverNext = c.Unit.CurrentSequence(c.UserId).ToString(CultureInfo.InvariantCulture) + "-"
            + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3));
        s.Stores.Add(new StoreSession
        {
            ClientUri = item.Source,
            ServerUri = item.Target!,
            Kind = kind.Value,
            Type = type,
            ClientNextAnchor = item.Meta?.AnchorNext ?? "",
            ServerLastAnchor = stored?.ServerAnchor ?? "",
            ServerNextAnchor = serverNext,
            PreviousSequence = interrupted?.PreviousSequence
                ?? (type is SyncType.TwoWay or SyncType.OneWayFromClient or SyncType.OneWayFromServer ? stored!.ServerSequence : 0),
            ClientType = item.Meta?.Type,
            Resumed = interrupted is not null,
        });
        var anchorData = new SyncMLElement("Data");
        var anchor = anchorData.Add(new SyncMLElement("Anchor", SyncMLNamespaces.MetInf));
        anchor.AddText("Next", item.Meta?.AnchorNext ?? "");
        var status = StatusFor(c, alert, code, item.Target, item.Source) with { Items = [new Item { Data = anchorData }] };
        c.Response.AddAlways(status);
        c.Response.AddAlways(new AlertCommand
        {
            CmdId = c.Response.NextCmdId(),
            Code = (int)type,
            Items =
            [
                new Item
                {
                    Target = item.Source,
                    Source = item.Target,
                    Meta = new Meta { AnchorLast = stored?.ServerAnchor, AnchorNext = serverNext },
                },
            ],
        });
    }

    /// <summary>
    /// OMA DS 1.2 Protocol §6.13: the client asks to resume an interrupted session of a store (Alert 225). When
    /// this device has such a session on record and its anchors still hold, the store resumes with the sync type
    /// it had (status 200; the server's Alert names that type, never 225, which clients cannot map to a mode).
    /// Otherwise the resume is refused with 509 and a normal two-way sync follows, or 508 and a slow sync when the
    /// anchors do not match either (the Synthesis engine's behaviour, which its clients expect).
    /// </summary>
    private (SyncType Type, int Code, StoreSession? Interrupted) Resume(MessageContext c, StoreKind kind, StoreState? stored, string? clientLast)
    {
        var s = c.State;
        var anchorsHold = stored is null ? string.IsNullOrEmpty(clientLast) : string.IsNullOrEmpty(clientLast) || stored.ClientAnchor == clientLast;
        if (anchorsHold)
        {
            foreach (var record in c.Unit.SessionsOfDevice(s.DeviceId))
            {
                if (record.Key == s.Key || record.UserId != s.UserId) continue;
                var old = StateOf(record);
                if (old.Phase == ServerPhase.Done) continue;
                var store = old.Stores.Find(x => x.Kind == kind);
                if (store is null) continue;
                c.Unit.DeleteSession(record.Key);   // its state lives on in this session
                Log.Resumed(_logger, kind.CanonicalName(), s.DeviceId, record.Key, store.Type.ToModeName());
                return (store.Type, 200, store);
            }
        }
        if (stored is not null && anchorsHold) return (SyncType.TwoWay, 509, null);
        Log.SlowSyncForced(_logger, kind.CanonicalName(), s.DeviceId, "a resume with nothing to resume and no matching anchors");
        return (SyncType.Slow, 508, null);
    }

    private void HandleDeviceInfo(MessageContext c, DeviceInfoCommand cmd)
    {
        switch (cmd.Kind)
        {
            case "Put" or "Results":
                foreach (var item in cmd.Items)
                {
                    var devInf = item.Data?.Child("DevInf");
                    if (devInf is null) continue;
                    c.Unit.SaveDeviceInfo(c.UserId, c.State.DeviceId, SyncMLXmlCodec.EncodeFragment(devInf));
                    c.ForgetCapabilities();
                }
                if (!cmd.NoResp) c.Response.AddAlways(StatusFor(c, cmd, 200, cmd.Items.FirstOrDefault()?.Target, cmd.Items.FirstOrDefault()?.Source));
                break;
            case "Get":
                var target = cmd.Items.FirstOrDefault()?.Target;
                if (target is null || !target.Contains("devinf", StringComparison.OrdinalIgnoreCase))
                {
                    c.Response.AddAlways(StatusFor(c, cmd, 404, target));
                    return;
                }
                c.Response.AddAlways(StatusFor(c, cmd, 200, target));
                var data = new SyncMLElement("Data");
                data.Add(ServerDevInf.Build(c.State.Version, c.Message.Header.Target));
                c.Response.AddAlways(new DeviceInfoCommand
                {
                    Kind = "Results",
                    CmdId = c.Response.NextCmdId(),
                    MsgRef = c.MsgId,
                    CmdRef = cmd.CmdId,
                    Meta = new Meta { Type = c.State.Wbxml ? "application/vnd.syncml-devinf+wbxml" : "application/vnd.syncml-devinf+xml" },
                    Items = [new Item { Source = ServerDevInf.Uri(c.State.Version), Data = data }],
                });
                break;
        }
    }

    private void HandleMap(MessageContext c, MapCommand map)
    {
        var index = FindStore(c.State, map.Target);
        if (index < 0)
        {
            if (!map.NoResp) c.Response.AddAlways(StatusFor(c, map, 404, map.Target, map.Source));
            return;
        }
        var store = c.State.Stores[index];
        var storeName = store.Kind.CanonicalName();
        foreach (var (serverId, clientId) in map.MapItems)
        {
            if (serverId.Length == 0 || clientId.Length == 0) continue;
            c.Unit.SetMap(c.UserId, c.State.DeviceId, storeName, clientId, serverId, c.State.Key); // none for an unknown id
        }
        if (!map.NoResp) c.Response.AddAlways(StatusFor(c, map, 200, map.Target, map.Source));
    }

    /// <summary>
    /// A device's status for a server change: a delivered change becomes the device's base; one it may get over
    /// (RepPro §10: 500, 420, 424, 507, 510...) stays pending for the device; a final refusal (415, 413...) does not.
    /// </summary>
    private void HandleStatus(MessageContext c, StatusCommand status)
    {
        var s = c.State;
        if (!s.AwaitingStatus.Remove(status.MsgRef + "/" + status.CmdRef, out var sent) || sent.StoreIndex >= s.Stores.Count) return;
        var store = s.Stores[sent.StoreIndex];
        var storeName = store.Kind.CanonicalName();
        var kind = sent.Kind switch { ChangeKind.Add => "Add", ChangeKind.Replace => "Replace", _ => "Delete" };
        var outcome = DeliveryOutcomes.Of(status.Code, kind);
        if (outcome == DeliveryOutcome.Chunk) return;
        // The status of a large object's last chunk answers for its earlier chunks too.
        if (sent.Chunked)
        {
            foreach (var key in s.AwaitingStatus.Where(x => x.Value == sent).Select(x => x.Key).ToList()) s.AwaitingStatus.Remove(key);
        }
        var staged = s.StagedBases.Remove(StagedKey(sent.StoreIndex, sent.Guid), out var sentBase);
        // A whole Add's base was written when it was sent (SendOutbox): nothing to confirm, removed if refused.
        var baseWritten = !staged && sent.Kind == ChangeKind.Add && !sent.Chunked;
        if (outcome != DeliveryOutcome.Delivered && baseWritten) c.Unit.RemoveBase(c.UserId, s.DeviceId, storeName, sent.Guid);
        switch (outcome)
        {
            case DeliveryOutcome.Delivered:
                if (staged && sentBase is null) c.Unit.RemoveBase(c.UserId, s.DeviceId, storeName, sent.Guid);
                else if (staged) c.Unit.SetBase(c.UserId, s.DeviceId, storeName, sent.Guid, sentBase!);
                else if (!baseWritten) c.Unit.ConfirmBase(s.Key, storeName, sent.Guid);
                store.Unconfirmed.Remove(sent.Guid);
                if (status.Code >= 300 && status.Code != 418) store.Failures++;
                return;
            case DeliveryOutcome.Retry:
                store.Unconfirmed[sent.Guid] = status.Code;
                store.Failures++;
                Log.ChangeNotDelivered(_logger, s.DeviceId, status.Code, kind, storeName, sent.Guid, "sent again next session");
                return;
            default:
                store.Unconfirmed.Remove(sent.Guid);
                store.Failures++;
                Log.ChangeNotDelivered(_logger, s.DeviceId, status.Code, kind, storeName, sent.Guid, "refused for good; sent again only when it changes");
                return;
        }
    }

    /// <summary>
    /// At completion, the server changes of a store the device did not confirm (a failure it may get over, or no
    /// status at all) replace what was pending for it: its next session sends them again, in their newest version.
    /// </summary>
    private void KeepUnconfirmedPending(MessageContext c, int index)
    {
        var s = c.State;
        var store = s.Stores[index];
        if (!store.Type.ServerSends()) return;
        var pending = new Dictionary<string, int>(store.Unconfirmed, StringComparer.Ordinal);
        foreach (var sent in s.AwaitingStatus.Values.Where(x => x.StoreIndex == index)) pending.TryAdd(sent.Guid, 0);
        var storeName = store.Kind.CanonicalName();
        c.Unit.SetPending(c.UserId, s.DeviceId, storeName, [.. pending.Select(x => new PendingChange(x.Key, x.Value))]);
        if (pending.Count > 0) Log.ChangesPending(_logger, pending.Count, storeName, s.DeviceId);
    }

    private static int FindStore(ServerSessionState s, string? uri)
    {
        var i = s.Stores.FindIndex(x => string.Equals(x.ServerUri, uri, StringComparison.Ordinal));
        if (i >= 0) return i;
        var kind = StoreCatalog.Resolve(uri);
        return kind is null ? -1 : s.Stores.FindIndex(x => x.Kind == kind.Value);
    }

    private void Complete(MessageContext c)
    {
        var s = c.State;
        foreach (var store in s.Stores)
        {
            var seq = store.Type switch
            {
                SyncType.OneWayFromClient => store.PreviousSequence,
                SyncType.RefreshFromClient => c.Unit.CurrentSequence(c.UserId),
                _ => store.SnapshotSequence,
            };
            c.Unit.SaveStoreState(new StoreState(c.UserId, s.DeviceId, store.Kind.CanonicalName(), store.ClientNextAnchor, store.ServerNextAnchor, seq));
        }
        for (var i = 0; i < s.Stores.Count; i++) KeepUnconfirmedPending(c, i);
        c.Unit.DiscardStagedBases(s.Key);
        s.StagedBases.Clear();
        s.Phase = ServerPhase.Done;
        c.CompletedNow = true;
        c.Unit.Enqueue(s.Key, []);
    }
}
