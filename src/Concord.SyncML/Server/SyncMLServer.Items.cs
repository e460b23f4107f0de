using System.Text;
using Concord.Pim;
using Concord.Pim.Matching;
using Concord.Pim.Merging;
using Concord.Sync;
using Concord.Sync.State;
using Concord.SyncML.Commands;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Server;

public sealed partial class SyncMLServer
{
    private void HandleSync(MessageContext c, SyncCommand sync)
    {
        var index = FindStore(c.State, sync.Target);
        if (index < 0)
        {
            Log.CommandRefused(_logger, "Sync", 404, $"no alerted store named '{sync.Target}'");
            if (!sync.NoResp) c.Response.AddAlways(StatusFor(c, sync, 404, sync.Target, sync.Source));
            return;
        }
        var store = c.State.Stores[index];
        store.ClientSyncReceived = true;
        if (!sync.NoResp) c.Response.AddAlways(StatusFor(c, sync, 200, sync.Target, sync.Source));
        foreach (var cmd in sync.Commands) HandleSyncChild(c, index, cmd, sync.Meta);
    }

    private void HandleSyncChild(MessageContext c, int index, Command cmd, Meta? syncMeta)
    {
        switch (cmd)
        {
            case ItemCommand item:
                foreach (var it in item.Items)
                {
                    var (code, reason) = ApplyClientItem(c, index, item, it, item.Meta ?? syncMeta);
                    if (code >= 300)
                    {
                        c.State.Stores[index].Failures++;
                        Log.ItemRefused(_logger, it.Source ?? it.Target ?? "", c.State.Stores[index].ServerUri, c.State.DeviceId, code, reason ?? "");
                    }
                    if (item.NoResp) continue;
                    var status = StatusFor(c, item, code, it.Target, it.Source);
                    // RepPro §6.6.15: a Status may carry Items; a refused item's says why, so the device's log does.
                    if (code >= 400 && reason is not null) status = status with { Items = [new Item { Data = new SyncMLElement("Data") { Text = reason } }] };
                    c.Response.AddAlways(status);
                }
                break;
            case ContainerCommand { Kind: "Atomic" } atomic:
                HandleAtomic(c, atomic, inner => HandleSyncChild(c, index, inner, syncMeta));
                break;
            case ContainerCommand container:
                if (!container.NoResp) c.Response.AddAlways(StatusFor(c, container, 200));
                foreach (var inner in container.Commands) HandleSyncChild(c, index, inner, syncMeta);
                break;
            default:
                if (!cmd.NoResp) c.Response.AddAlways(StatusFor(c, cmd, 406));
                break;
        }
    }

    /// <summary>
    /// RepPro §6.6.3: the commands of an Atomic succeed together or not at all. On a failure everything they did is
    /// rolled back, the Atomic answers 507 and each command that had succeeded answers 216 (rolled back).
    /// </summary>
    private void HandleAtomic(MessageContext c, ContainerCommand atomic, Action<Command> handle)
    {
        var name = "atomic" + c.Response.Commands.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var counters = c.State.Stores.Select(x => (x.ClientAdded, x.ClientUpdated, x.ClientDeleted, x.Conflicts)).ToList();
        c.Unit.Savepoint(name);
        var status = StatusFor(c, atomic, 200);
        c.Response.AddAlways(status);
        var first = c.Response.Commands.Count;
        foreach (var inner in atomic.Commands) handle(inner);
        var added = c.Response.Commands.Skip(first).OfType<StatusCommand>().ToList();
        if (added.All(x => x.Code is < 300 or 418))
        {
            c.Unit.Release(name);
            return;
        }
        c.Unit.RollbackTo(name);
        c.Unit.Release(name);
        for (var i = 0; i < c.State.Stores.Count; i++)
        {
            (c.State.Stores[i].ClientAdded, c.State.Stores[i].ClientUpdated, c.State.Stores[i].ClientDeleted, c.State.Stores[i].Conflicts) = counters[i];
        }
        var at = c.Response.Commands.IndexOf(status);
        c.Response.Commands[at] = status with { Code = 507 };
        for (var i = first; i < c.Response.Commands.Count; i++)
        {
            if (c.Response.Commands[i] is StatusCommand { Code: < 300 } ok) c.Response.Commands[i] = ok with { Code = 216 };
        }
    }

    /// <summary>Applies one item of the client's Add/Replace/Delete/Copy/Move; returns its status and, for a failure, why.</summary>
    private (int Code, string? Reason) ApplyClientItem(MessageContext c, int index, ItemCommand cmd, Item item, Meta? meta)
    {
        var s = c.State;
        var store = s.Stores[index];
        if (!store.Type.ClientSends()) return (403, $"the {store.Type.ToModeName()} sync of {store.ServerUri} takes no changes from the client");
        var storeName = store.Kind.CanonicalName();
        var luid = item.Source ?? "";
        if (cmd.Kind == "Delete") return DeleteClientItem(c, store, storeName, luid, item.Target, cmd);
        if (luid.Length == 0) return (400, "the item has no Source LocURI");

        // Large objects (OMA DS 1.2 Protocol §6.12): chunks of one item arrive with MoreData until the last.
        var type = item.Meta?.Type ?? meta?.Type ?? store.ClientType;
        var format = item.Meta?.Format ?? meta?.Format;
        var chunk = item.Data?.ContentAsBytes() ?? [];
        if (string.Equals(format, "b64", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                chunk = Convert.FromBase64String(Encoding.ASCII.GetString(chunk));
            }
            catch (FormatException)
            {
                return (400, "the item's data says b64 but is not base64");
            }
        }
        if (s.Incoming is { } inc && (inc.Luid != luid || inc.StoreIndex != index))
        {
            s.Incoming = null; // OMA DS 1.2 Protocol §6.12: a new item before the last chunk abandons the old one
            store.Failures++;
        }
        long? declared = item.Meta?.Size ?? meta?.Size;
        if (item.MoreData || s.Incoming is not null)
        {
            s.Incoming ??= new IncomingChunk { StoreIndex = index, Command = cmd.Kind, Luid = luid, DeclaredSize = declared, Type = type };
            var sofar = Convert.FromBase64String(s.Incoming.DataBase64);
            var all = new byte[sofar.Length + chunk.Length];
            sofar.CopyTo(all, 0);
            chunk.CopyTo(all, sofar.Length);
            if (all.Length > _options.MaxObjSize)
            {
                s.Incoming = null;
                return (413, $"the object exceeds this server's MaxObjSize of {_options.MaxObjSize} bytes");
            }
            if (item.MoreData)
            {
                s.Incoming.DataBase64 = Convert.ToBase64String(all);
                return (213, null);
            }
            var expected = s.Incoming.DeclaredSize;
            type = s.Incoming.Type ?? type;
            s.Incoming = null;
            if (expected is not null && expected.Value != all.Length)
            {
                return (424, $"the chunks add up to {all.Length} bytes but Size said {expected}");
            }
            chunk = all;
        }
        else if (chunk.Length > _options.MaxObjSize)
        {
            return (413, $"the object exceeds this server's MaxObjSize of {_options.MaxObjSize} bytes");
        }
        if (!store.Kind.Accepts(type)) return (415, $"the {storeName} store does not take items of type {type}");
        // One canonical form per item (vCard 3.0, iCalendar 2.0, text): every device gets it in its own format.
        CanonicalItem canonical;
        try
        {
            canonical = PimItems.Read(chunk, type);
        }
        catch (PimFormatException e)
        {
            return (e.SyncMLStatus, e.Message);
        }
        // RepPro §10: content this store cannot take is 415, as for any item the PIM reader refuses.
        if (ContentProblem(store.Kind, canonical.Content) is { } problem) return (415, problem);
        if (type is not null) store.ClientType = type;
        return PutClientItem(c, store, storeName, luid, item.Target, canonical.Content, canonical.ContentType);
    }

    private static string? ContentProblem(StoreKind kind, string text)
    {
        if (text.Trim().Length == 0) return "the item is empty";
        return kind switch
        {
            StoreKind.Contacts when !(text.Contains("BEGIN:VCARD", StringComparison.OrdinalIgnoreCase) && text.Contains("END:VCARD", StringComparison.OrdinalIgnoreCase))
                => "a contact must be a vCard (BEGIN:VCARD ... END:VCARD)",
            StoreKind.Calendar or StoreKind.Tasks when !(text.Contains("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase) && text.Contains("END:VCALENDAR", StringComparison.OrdinalIgnoreCase))
                => "an event or task must be a vCalendar or iCalendar object (BEGIN:VCALENDAR ... END:VCALENDAR)",
            _ => null,
        };
    }

    private static ItemContent ContentOf(string text, string? type)
    {
        var key = MatchKeys.For(text);
        return new ItemContent(text, type, key.Primary, key.Secondary, key.DetailsText);
    }

    private (int, string?) PutClientItem(MessageContext c, StoreSession store, string storeName, string luid, string? target, string text, string? type)
    {
        var s = c.State;
        var user = c.UserId;
        var guid = c.Unit.FindGuid(user, s.DeviceId, storeName, luid);
        var existing = guid is null ? null : c.Unit.GetItem(user, storeName, guid);
        if (existing is { Deleted: false, Content: { } serverText })
        {
            // Changed here by someone else since this device last synced, and changed on the device: a conflict.
            var conflict = existing.Sequence > store.PreviousSequence && existing.ChangedBy != s.DeviceId
                && store.Type is SyncType.TwoWay or SyncType.OneWayFromClient;
            if (store.Type is SyncType.Slow or SyncType.RefreshFromClient || conflict)
            {
                return Resolve(c, store, storeName, existing, serverText, luid, text, type, slow: !conflict);
            }
            var stored = KeepWhatTheDeviceNeverGot(c, store, storeName, existing.Guid, serverText, text);
            if (serverText != stored) c.Unit.PutItem(user, storeName, existing.Guid, ContentOf(stored, type), s.DeviceId);
            c.Unit.SetMap(user, s.DeviceId, storeName, luid, existing.Guid, s.Key);
            c.Unit.SetBase(user, s.DeviceId, storeName, existing.Guid, text);
            store.ClientUpdated++;
            return (200, null);
        }
        if (store.Type is SyncType.Slow or SyncType.RefreshFromClient)
        {
            // Slow sync never adds an item twice: an item that matches one the device has not claimed this session is the same item.
            var key = MatchKeys.For(text);
            foreach (var candidate in c.Unit.FindCandidates(user, storeName, key.Primary, key.Secondary))
            {
                // The cheap test first: many contacts can share a name, few also share a phone or an email.
                var candidateKey = new MatchKey(candidate.MatchKey, candidate.MatchKey2,
                    candidate.MatchDetails.Length == 0 ? [] : candidate.MatchDetails.Split('\n'));
                if (!key.Matches(candidateKey)) continue;
                if (c.Unit.MapSession(user, s.DeviceId, storeName, candidate.Guid) == s.Key) continue;
                if (c.Unit.GetItem(user, storeName, candidate.Guid) is not { Content: { } content } match) continue;
                return Resolve(c, store, storeName, match, content, luid, text, type, slow: true);
            }
        }
        var newGuid = Guid.CreateVersion7().ToString("N");
        c.Unit.PutItem(user, storeName, newGuid, ContentOf(text, type), s.DeviceId);
        // Recorded now, not at Map time: a client that resends this Add after a broken session updates, not doubles.
        c.Unit.SetMap(user, s.DeviceId, storeName, luid, newGuid, s.Key);
        c.Unit.SetBase(user, s.DeviceId, storeName, newGuid, text);
        store.ClientAdded++;
        return (201, null);
    }

    /// <summary>
    /// A device's update of an item nobody else changed, merged three ways against what the device last got: a field
    /// it changed or dropped is taken, one it never got is kept. So what its format cannot carry (attendees and time
    /// zones in SIF, RECURRENCE-ID in vCalendar 1.0) or its DevInf CTCap does not declare, and a value it holds cut
    /// to its MaxSize, survive its update.
    /// </summary>
    private static string KeepWhatTheDeviceNeverGot(MessageContext c, StoreSession store, string storeName, string guid, string serverText, string clientText)
    {
        if (!serverText.StartsWith("BEGIN:", StringComparison.OrdinalIgnoreCase) || !clientText.StartsWith("BEGIN:", StringComparison.OrdinalIgnoreCase)) return clientText;
        var baseText = MergeBase(c, storeName, guid);
        return baseText is null ? clientText : ItemMerger.Merge(baseText, serverText, clientText, c.Capabilities(store.ClientUri)).Content;
    }

    /// <summary>The device's base as the merge reads it: a SIF base (what a SIF client got) in its vCard or iCalendar form.</summary>
    private static string? MergeBase(MessageContext c, string storeName, string guid)
    {
        var text = c.Unit.GetBase(c.UserId, c.State.DeviceId, storeName, guid);
        if (text is null || !text.TrimStart().StartsWith('<')) return text;
        try
        {
            return PimItems.Read(text, null).Content;
        }
        catch (PimFormatException)
        {
            return null;
        }
    }

    private (int, string?) Resolve(MessageContext c, StoreSession store, string storeName, StoredItem existing, string serverText,
        string luid, string clientText, string? type, bool slow)
    {
        var s = c.State;
        var user = c.UserId;
        var baseText = MergeBase(c, storeName, existing.Guid);
        c.Unit.SetMap(user, s.DeviceId, storeName, luid, existing.Guid, s.Key);
        c.Unit.SetBase(user, s.DeviceId, storeName, existing.Guid, clientText);
        if (serverText == clientText) return (200, null);
        if (store.Type == SyncType.RefreshFromClient)
        {
            c.Unit.AddHistory(user, storeName, existing.Guid, serverText, "replaced by refresh from client");
            c.Unit.PutItem(user, storeName, existing.Guid, ContentOf(clientText, type), s.DeviceId);
            store.ClientUpdated++;
            return (200, null);
        }
        var policy = _options.PolicyFor(store.Kind);
        int code;
        string result;
        string changedBy;
        switch (policy)
        {
            case ConflictPolicy.ClientWins:
                result = clientText;
                changedBy = s.DeviceId;
                code = slow ? 200 : 208;
                break;
            case ConflictPolicy.ServerWins:
                result = serverText;
                changedBy = "server";
                code = slow ? 200 : 419;
                break;
            case ConflictPolicy.Duplicate when !slow:
                var copy = Guid.CreateVersion7().ToString("N");
                c.Unit.PutItem(user, storeName, copy, ContentOf(clientText, type), "server");
                c.Unit.PutItem(user, storeName, existing.Guid, ContentOf(serverText, existing.ContentType), "server");
                store.Conflicts++;
                Log.Conflict(_logger, storeName, existing.Guid, s.DeviceId, "duplicated");
                return (209, null);
            default:
                // Three-way against what this device last had: a field only one side changed takes that side's
                // value; one both changed differently keeps the server's (OMA leaves the policy to the server).
                var merged = ItemMerger.Merge(baseText, serverText, clientText, c.Capabilities(store.ClientUri));
                result = merged.Content;
                changedBy = result == clientText ? s.DeviceId : "server";
                code = slow ? 200 : 207;
                break;
        }
        // The losing version is never dropped silently: it stays in the item's history.
        if (result != clientText) c.Unit.AddHistory(user, storeName, existing.Guid, clientText, slow ? "slow sync merge: client version" : "conflict: client version");
        if (result != serverText) c.Unit.AddHistory(user, storeName, existing.Guid, serverText, slow ? "slow sync merge: server version" : "conflict: server version");
        if (result != serverText || changedBy == "server")
        {
            c.Unit.PutItem(user, storeName, existing.Guid, ContentOf(result, type ?? existing.ContentType), changedBy);
        }
        if (!slow)
        {
            store.Conflicts++;
            Log.Conflict(_logger, storeName, existing.Guid, s.DeviceId, policy.ToString());
        }
        store.ClientUpdated++;
        return (code, null);
    }

    private (int, string?) DeleteClientItem(MessageContext c, StoreSession store, string storeName, string luid, string? target, ItemCommand cmd)
    {
        var s = c.State;
        var user = c.UserId;
        var guid = (luid.Length > 0 ? c.Unit.FindGuid(user, s.DeviceId, storeName, luid) : null) ?? target;
        var existing = guid is null ? null : c.Unit.GetItem(user, storeName, guid);
        if (existing is null || existing.Deleted)
        {
            if (guid is not null) c.Unit.RemoveMapByGuid(user, s.DeviceId, storeName, guid);
            return (211, "no such item");
        }
        var changedOnServer = existing.Sequence > store.PreviousSequence && existing.ChangedBy != s.DeviceId && store.Type == SyncType.TwoWay;
        if (changedOnServer && _options.PolicyFor(store.Kind) is ConflictPolicy.ServerWins or ConflictPolicy.Merge)
        {
            // Deleted on the client, changed here: the change wins and the item goes back to the client as new.
            c.Unit.RemoveMapByGuid(user, s.DeviceId, storeName, existing.Guid);
            c.Unit.PutItem(user, storeName, existing.Guid, ContentOf(existing.Content ?? "", existing.ContentType), "server");
            store.Conflicts++;
            Log.Conflict(_logger, storeName, existing.Guid, s.DeviceId, "delete lost to a server change");
            return (419, null);
        }
        c.Unit.AddHistory(user, storeName, existing.Guid, existing.Content ?? "",
            cmd.Archive ? "archived by client delete" : cmd.SoftDelete ? "soft-deleted by client" : "deleted by client");
        ExcludeDeletedOccurrence(c, store, storeName, existing);
        c.Unit.DeleteItem(user, storeName, existing.Guid, s.DeviceId);
        c.Unit.RemoveMapByGuid(user, s.DeviceId, storeName, existing.Guid);
        c.Unit.RemoveBase(user, s.DeviceId, storeName, existing.Guid);
        store.ClientDeleted++;
        return (200, null);
    }
}
