using System.Globalization;
using System.Text;
using Concord.Pim;
using Concord.Pim.Documents;
using Concord.Sync;
using Concord.Sync.State;
using Concord.SyncML.Commands;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Server;

public sealed partial class SyncMLServer
{
    /// <summary>Once the client's package 3 is complete: queue what the server sends in package 4, per store.</summary>
    private static void QueueServerChanges(MessageContext c)
    {
        var s = c.State;
        var user = c.UserId;
        for (var i = 0; i < s.Stores.Count; i++)
        {
            var store = s.Stores[i];
            var storeName = store.Kind.CanonicalName();
            var snapshot = c.Unit.CurrentSequence(user);
            store.SnapshotSequence = snapshot;
            var queue = new List<OutboxEntry>();
            switch (store.Type)
            {
                case SyncType.RefreshFromClient:
                    // The client's items are the whole store now: what it did not send goes.
                    foreach (var item in c.Unit.LiveHeaders(user, s.DeviceId, storeName))
                    {
                        if (item.MapSession == s.Key) continue;
                        c.Unit.AddHistory(user, storeName, item.Guid, c.Unit.GetItem(user, storeName, item.Guid)?.Content ?? "", "removed by refresh from client");
                        c.Unit.DeleteItem(user, storeName, item.Guid, s.DeviceId);
                        c.Unit.RemoveMapByGuid(user, s.DeviceId, storeName, item.Guid);
                    }
                    store.SnapshotSequence = c.Unit.CurrentSequence(user);
                    break;
                case SyncType.Slow or SyncType.RefreshFromServer:
                    // Every live item goes (see SlowSyncChange): read from the store batch by batch as messages fill
                    // (NextChanges), not queued one row per item.
                    store.Streams = true;
                    store.StreamedThrough = 0;
                    break;
                case SyncType.TwoWay or SyncType.OneWayFromServer:
                    // What the device did not confirm last time goes again, with what changed since; once per item, and
                    // as it is now: Add while the device has not mapped it, Replace once it has, Delete for a tombstone.
                    var pending = c.Unit.PendingHeaders(user, s.DeviceId, storeName);
                    var changed = c.Unit.ChangedHeaders(user, s.DeviceId, storeName, store.PreviousSequence, snapshot);
                    var masters = MastersOfChangedExceptions(c, store, changed);
                    foreach (var item in pending.Concat(changed).Concat(masters).DistinctBy(h => h.Guid).OrderBy(h => h.Sequence))
                    {
                        var luid = item.Luid;
                        if (item.Deleted)
                        {
                            if (luid is not null) queue.Add(new OutboxEntry(0, i, ChangeKind.Delete, item.Guid));
                        }
                        else
                        {
                            queue.Add(new OutboxEntry(0, i, luid is null ? ChangeKind.Add : ChangeKind.Replace, item.Guid));
                        }
                    }
                    break;
            }
            c.Unit.Enqueue(s.Key, queue);
        }
    }

    /// <summary>Fills this answer with queued server changes within MaxMsgSize; true when the queue is empty.</summary>
    private bool SendOutbox(MessageContext c)
    {
        var s = c.State;
        var r = c.Response;
        var user = c.UserId;
        var groups = new Dictionary<int, (string CmdId, List<Command> Commands)>();
        var firstOfPackage = !s.Stores.Any(x => x.ServerAdded + x.ServerUpdated + x.ServerDeleted > 0) && s.AwaitingStatus.Count == 0;

        (string CmdId, List<Command> Commands) Group(int index)
        {
            if (!groups.TryGetValue(index, out var g))
            {
                g = (r.NextCmdId(), []);
                groups[index] = g;
                r.AddMeasured(new SyncCommand { CmdId = "0" }, 80 + 2 * (s.Stores[index].ClientUri.Length + s.Stores[index].ServerUri.Length));
            }
            return g;
        }

        if (firstOfPackage)
        {
            for (var i = 0; i < s.Stores.Count; i++)
            {
                if (s.Stores[i].Type.ServerSends()) Group(i);
            }
        }
        var done = true;
        var addedAny = false;
        while (true)
        {
            var (changes, streamIndex) = NextChanges(c, 64);
            if (changes.Count == 0) break;
            var full = false;
            long through = 0;  // changes up to here are sent (or dropped): removed from the queue, or passed, in one go
            foreach (var (entry, streamed, skip) in changes)
            {
                if (skip)
                {
                    through = entry.Position;
                    continue;
                }
                var store = s.Stores[entry.StoreIndex];
                var storeName = store.Kind.CanonicalName();
                var item = streamed is null ? c.Unit.GetItem(user, storeName, entry.Guid) : streamed.Item;
                var luid = entry.Kind == ChangeKind.Add ? null : streamed is null ? c.Unit.FindLuid(user, s.DeviceId, storeName, entry.Guid) : streamed.Luid;
                if (item is null || (entry.Kind != ChangeKind.Delete && (item.Deleted || item.Content is null)) || (entry.Kind != ChangeKind.Add && luid is null))
                {
                    through = entry.Position;
                    continue;
                }
                var (sent, sentType, sentBase) = entry.Kind == ChangeKind.Delete ? ("", "", "") : ForDevice(c, store, item);
                if (entry.Kind != ChangeKind.Delete && s.ClientMaxObjSize is { } maxObj && Encoding.UTF8.GetByteCount(sent) > maxObj)
                {
                    // The device said it cannot take objects this large (its MaxObjSize): it keeps its old version.
                    Log.ItemRefused(_logger, entry.Guid, storeName, s.DeviceId, 413, $"larger than the device's MaxObjSize of {maxObj} bytes; not sent");
                    store.Failures++;
                    through = entry.Position;
                    continue;
                }
                var group = Group(entry.StoreIndex);
                var cmdId = r.NextCmdId();
                var command = BuildOutgoing(entry, item, sent, sentType, luid, cmdId, null, 0, out _);
                var size = r.Measure(command.ToElement());
                if (size > r.Remaining)
                {
                    // Too big for what is left: chunk it when it could never fit a message (or nothing went in yet).
                    var canChunk = entry.Kind != ChangeKind.Delete && (size > r.MaxSize / 2 || !addedAny);
                    if (!canChunk || r.Remaining < 256)
                    {
                        full = true;
                        if (!addedAny && r.Remaining < 256) full = true;
                        break;
                    }
                    var offset = s.Outgoing?.Guid == entry.Guid ? s.Outgoing.Offset : 0;
                    var budget = (int)Math.Max(64, r.Remaining - (size - Encoding.UTF8.GetByteCount(sent)) - 64);
                    command = BuildOutgoing(entry, item, sent, sentType, luid, cmdId, budget, offset, out var next);
                    size = r.Measure(command.ToElement());
                    group.Commands.Add(command);
                    r.AddMeasured(new StatusCommand { CmdId = "0", MsgRef = "", CmdRef = "", Cmd = "", Code = 0 }, size);
                    s.AwaitingStatus[(s.NextServerMsgId) + "/" + cmdId] = new SentChange(entry.StoreIndex, entry.Kind, entry.Guid, Chunked: true);
                    if (next < 0)
                    {
                        s.Outgoing = null;
                        c.Unit.StageBase(s.Key, user, s.DeviceId, storeName, entry.Guid, sentBase);
                        through = entry.Position;
                        Count(store, entry.Kind);
                        addedAny = true;
                        continue;
                    }
                    s.Outgoing = new OutgoingChunk { Position = entry.Position, StoreIndex = entry.StoreIndex, Kind = entry.Kind, Guid = entry.Guid, Offset = next };
                    full = true;
                    break;
                }
                var lastChunk = s.Outgoing?.Guid == entry.Guid;
                if (lastChunk)
                {
                    // the rest of a chunked item fits whole now
                    command = BuildOutgoing(entry, item, sent, sentType, luid, cmdId, int.MaxValue, s.Outgoing!.Offset, out _);
                    size = r.Measure(command.ToElement());
                    s.Outgoing = null;
                }
                group.Commands.Add(command);
                r.AddMeasured(new StatusCommand { CmdId = "0", MsgRef = "", CmdRef = "", Cmd = "", Code = 0 }, size);
                s.AwaitingStatus[(s.NextServerMsgId) + "/" + cmdId] = new SentChange(entry.StoreIndex, entry.Kind, entry.Guid, lastChunk);
                // What the device gets becomes its base only once it confirms it (HandleStatus): a version it refused
                // must not be merged against as if it had it. Except an Add: a device without a mapping of the item
                // has no base of it worth keeping and can send no change of it before it maps it, so its base is
                // written now and removed if it refuses; the content is not carried in the session state meanwhile.
                var staged = entry.Kind == ChangeKind.Delete ? null : sentBase;
                if (lastChunk) c.Unit.StageBase(s.Key, user, s.DeviceId, storeName, entry.Guid, staged);
                else if (entry.Kind == ChangeKind.Add) c.Unit.SetBase(user, s.DeviceId, storeName, entry.Guid, sentBase);
                else s.StagedBases[StagedKey(entry.StoreIndex, entry.Guid)] = staged;
                through = entry.Position;
                Count(store, entry.Kind);
                addedAny = true;
            }
            if (through > 0)
            {
                if (streamIndex < 0) c.Unit.DequeueThrough(s.Key, through);
                else s.Stores[streamIndex].StreamedThrough = through;
            }
            if (full)
            {
                done = false;
                break;
            }
        }
        // Replace the size placeholders with the Sync commands themselves.
        r.Commands.RemoveAll(x => x is SyncCommand { CmdId: "0" } or StatusCommand { CmdId: "0" });
        foreach (var (index, (cmdId, commands)) in groups.OrderBy(g => g.Key))
        {
            var store = s.Stores[index];
            r.Commands.Add(new SyncCommand { CmdId = cmdId, Target = store.ClientUri, Source = store.ServerUri, Commands = commands });
        }
        return done;
    }

    /// <summary>A server change to send: queued in the outbox, or read from a store a slow sync streams (with the item).</summary>
    private readonly record struct NextChange(OutboxEntry Entry, MappedItem? Streamed, bool Skip);

    /// <summary>
    /// The next server changes to send: what the outbox holds first (two-way and one-way stores, a session from before
    /// streaming), then, store by store, the next items of a slow sync or refresh from server in change-log order,
    /// their position being their sequence number. The store index they come from, or -1 for the outbox.
    /// </summary>
    private static (List<NextChange> Changes, int StreamIndex) NextChanges(MessageContext c, int max)
    {
        var s = c.State;
        var queued = c.Unit.PeekOutbox(s.Key, max);
        if (queued.Count > 0) return ([.. queued.Select(e => new NextChange(e, null, false))], -1);
        for (var i = 0; i < s.Stores.Count; i++)
        {
            var store = s.Stores[i];
            if (!store.Streams || store.StreamDone) continue;
            // Up to the snapshot: an item another session changes meanwhile has a later number and goes next session.
            var rows = c.Unit.LiveItemsBetween(c.UserId, s.DeviceId, store.Kind.CanonicalName(), store.StreamedThrough, store.SnapshotSequence, max);
            if (rows.Count == 0)
            {
                store.StreamDone = true;
                continue;
            }
            var changes = new List<NextChange>(rows.Count);
            foreach (var row in rows)
            {
                var kind = SlowSyncChange(c, store, row);
                changes.Add(new NextChange(new OutboxEntry(row.Item.Sequence, i, kind ?? ChangeKind.Add, row.Item.Guid), row, kind is null));
            }
            return (changes, i);
        }
        return ([], -1);
    }

    /// <summary>
    /// What a slow sync or refresh from server sends for a live item: an Add unless the device mapped it in this
    /// session (it sent it in package 3, or a resumed session's interrupted one did); then a Replace when a merge
    /// changed it on the server, else nothing (null). A map from an earlier session is stale: the device maps the Add anew.
    /// </summary>
    private static ChangeKind? SlowSyncChange(MessageContext c, StoreSession store, MappedItem row)
    {
        var s = c.State;
        var item = row.Item;
        var mapped = row.MapSession;
        if (mapped is null || (mapped != s.Key && !store.Resumed))
        {
            if (mapped is not null) c.Unit.RemoveMapByGuid(c.UserId, s.DeviceId, store.Kind.CanonicalName(), item.Guid);
            return ChangeKind.Add;
        }
        return item.ChangedBy == "server" && item.Sequence > store.PreviousSequence && store.Type == SyncType.Slow ? ChangeKind.Replace : null;
    }

    private static string StagedKey(int storeIndex, string guid) => storeIndex.ToString(CultureInfo.InvariantCulture) + "/" + guid;

    /// <summary>
    /// The item as this device gets it: in the format it declared (DevInf Rx-Pref) or last sent, with only the
    /// fields it can store; and the base for a later three-way merge (exactly what the device got).
    /// </summary>
    private static (string Text, string Type, string Base) ForDevice(MessageContext c, StoreSession store, StoredItem item)
    {
        var caps = c.Capabilities(store.ClientUri);
        var type = DeviceType(c, store) ?? item.ContentType ?? "text/plain";
        var canonical = WithExceptionDates(c, store, item, type);
        if (caps is null && string.Equals(type, item.ContentType, StringComparison.OrdinalIgnoreCase)) return (canonical, type, canonical);
        try
        {
            var text = PimItems.ForDevice(canonical, type, caps);
            // The base is exactly what the device got; the merge compares field by field across formats.
            return (text, type, text);
        }
        catch (PimFormatException)
        {
            return (canonical, item.ContentType ?? type, canonical); // an item stored before it could be converted goes as it is
        }
    }

    /// <summary>The content type a device gets for a store: what its DevInf declares, else what it named; null when neither.</summary>
    private static string? DeviceType(MessageContext c, StoreSession store) =>
        c.Capabilities(store.ClientUri)?.Format.ContentType() ?? store.ClientType;

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static void Count(StoreSession store, ChangeKind kind)
    {
        switch (kind)
        {
            case ChangeKind.Add: store.ServerAdded++; break;
            case ChangeKind.Replace: store.ServerUpdated++; break;
            default: store.ServerDeleted++; break;
        }
    }

    /// <summary>
    /// Builds the Add/Replace/Delete for a queued change. With a byte budget, sends the part of the content from
    /// offset that fits, flagged MoreData, with the whole Size on the first chunk; next is the offset of the rest, or -1.
    /// </summary>
    private static ItemCommand BuildOutgoing(OutboxEntry entry, StoredItem item, string content, string type, string? luid, string cmdId,
        int? budget, int offset, out int next)
    {
        next = -1;
        if (entry.Kind == ChangeKind.Delete)
        {
            return new ItemCommand { Kind = "Delete", CmdId = cmdId, Items = [new Item { Target = luid, Source = item.Guid }] };
        }
        var part = content;
        var moreData = false;
        long? size = null;
        if (budget is not null)
        {
            // Cut on a character boundary so every chunk is valid text in either encoding.
            var end = offset;
            var bytes = 0;
            while (end < content.Length)
            {
                var width = char.IsHighSurrogate(content[end]) && end + 1 < content.Length ? 2 : 1;
                var w = Encoding.UTF8.GetByteCount(content.AsSpan(end, width));
                if (bytes + w > budget.Value) break;
                bytes += w;
                end += width;
            }
            // Never cut next to whitespace: clients trim it from element content (the Synthesis engine does), and a
            // folded line's leading space lost at a chunk boundary makes the object one byte short (424).
            while (end < content.Length && end > offset + 1 && (IsSpace(content[end - 1]) || IsSpace(content[end]))) end--;
            if (end == offset) end = Math.Min(content.Length, offset + 1);
            part = content[offset..end];
            moreData = end < content.Length;
            next = moreData ? end : -1;
            if (offset == 0 && moreData) size = Encoding.UTF8.GetByteCount(content);
        }
        var data = new SyncMLElement("Data") { Text = part };
        return new ItemCommand
        {
            Kind = entry.Kind == ChangeKind.Add ? "Add" : "Replace",
            CmdId = cmdId,
            Meta = new Meta { Type = type },
            Items = [new Item { Target = entry.Kind == ChangeKind.Add ? null : luid, Source = item.Guid, Meta = size is null ? null : new Meta { Size = size }, Data = data, MoreData = moreData }],
        };
    }
}
