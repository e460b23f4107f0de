using System.Text;
using Concord.Sync;
using Concord.SyncML.Commands;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Client;

internal sealed partial class ClientSession
{
    // Below this much room a chunk is not worth starting: the rest goes in the next message.
    private const int MinChunk = 256;

    /// <summary>Fills a package 3 message with changes, store by store, within the size; true when nothing is left.</summary>
    private bool FillChanges(OutgoingMessage message)
    {
        var addedItems = false;
        foreach (var run in _runs.Where(r => r.Active))
        {
            var first = !run.SyncSent;
            if (!first && run.Outgoing.Count == 0 && run.Chunk is null) continue;
            var items = new List<Command>();
            var sync = new SyncCommand
            {
                CmdId = message.NextCmdId(),
                Target = run.Binding.RemoteUri,
                Source = run.LocalUri,
                NumberOfChanges = first && run.Type!.Value.ClientSends() && _options.Version != SyncMLVersion.V10 ? run.ToSend : null,
                Commands = items,
            };
            message.Add(sync);
            Register(message, sync.CmdId, new SentCommand("Sync", run));
            run.SyncSent = true;
            var done = FillStore(message, run, items, ref addedItems);
            if (items.Count == 0 && !first)
            {
                message.Commands.Remove(sync);
                _sent.Remove((message.MsgId, sync.CmdId));
            }
            if (!done) return false;
        }
        return true;
    }

    /// <summary>Adds one store's changes while they fit; true when the store has nothing left to send.</summary>
    private bool FillStore(OutgoingMessage message, StoreRun run, List<Command> items, ref bool addedItems)
    {
        while (true)
        {
            if (run.Chunk is not null)
            {
                if (!AddChunk(message, run, items, addedItems)) return false;
                addedItems = true;
                continue;
            }
            if (!run.Outgoing.TryPeek(out var change)) return true;
            var built = BuildChange(run, change);
            if (built is null)
            {
                run.Outgoing.Dequeue();
                continue;
            }
            var (command, size, version, content, type) = built.Value;
            if (size <= message.Remaining)
            {
                var withId = command with { CmdId = message.NextCmdId() };
                items.Add(withId);
                message.Grow(size);
                Register(message, withId.CmdId, new SentCommand(command.Kind, run, change.Kind, change.Id, version));
                run.Outgoing.Dequeue();
                run.Sent++;
                addedItems = true;
                continue;
            }
            // OMA DS 1.2 Protocol §6.12: an object that cannot fit a message travels in chunks; one that merely does
            // not fit what is left of this message waits for the next.
            if (change.Kind != ChangeKind.Delete && (size > message.Capacity || !addedItems))
            {
                run.Outgoing.Dequeue();
                run.Chunk = new OutgoingChunk(change.Kind, change.Id, content!, type!, version ?? "", Encoding.UTF8.GetByteCount(content!));
                continue;
            }
            return false;
        }
    }

    /// <summary>Builds the command for one change, or null when there is nothing to send (gone, or too large).</summary>
    private (ItemCommand Command, long Size, string? Version, string? Content, string? Type)? BuildChange(StoreRun run, Sync.Stores.ItemChange change)
    {
        if (change.Kind == ChangeKind.Delete)
        {
            var delete = new ItemCommand { Kind = "Delete", CmdId = "", Items = [new Item { Source = change.Id }] };
            return (delete, SizeEstimate.Of(delete) + 8, null, null, null);
        }
        var item = run.Store.Read(change.Id);
        if (item is null) return null;   // gone since it was listed: the next sync sends its delete
        var bytes = Encoding.UTF8.GetByteCount(item.Content);
        if (_serverMaxObjSize is { } maxObj && bytes > maxObj)
        {
            ItemFailed(run, run.Report.Remote, new ItemFailure(change.Id, 413, ClientErrors.TooLarge(bytes, maxObj)));
            return null;
        }
        var command = new ItemCommand
        {
            Kind = change.Kind == ChangeKind.Add ? "Add" : "Replace",
            CmdId = "",
            Meta = new Meta { Type = item.ContentType },
            Items = [new Item { Source = change.Id, Data = new SyncMLElement("Data") { Text = item.Content } }],
        };
        var version = run.LocalVersions.GetValueOrDefault(change.Id);
        return (command, SizeEstimate.Of(command) + 8, version, item.Content, item.ContentType);
    }

    /// <summary>Adds the next chunk of a large object; true when it was the last.</summary>
    private bool AddChunk(OutgoingMessage message, StoreRun run, List<Command> items, bool addedItems)
    {
        var chunk = run.Chunk!;
        var overhead = SizeEstimate.Of(ChunkCommand(chunk, "", "", more: true)) + 16;
        var budget = message.Remaining - overhead;
        if (budget < MinChunk && addedItems) return false;
        budget = Math.Max(budget, MinChunk);
        var content = chunk.Content;
        var end = chunk.Offset;
        long used = 0;
        while (end < content.Length)
        {
            // Cut on a character boundary so that every chunk is valid text in either encoding.
            var width = char.IsHighSurrogate(content[end]) && end + 1 < content.Length ? 2 : 1;
            var cost = SizeEstimate.Char(content[end]) + (width == 2 ? SizeEstimate.Char(content[end + 1]) : 0);
            if (used + cost > budget) break;
            used += cost;
            end += width;
        }
        if (end == chunk.Offset) end = Math.Min(content.Length, chunk.Offset + 1);
        // Some XML parsers (the SyncML Reference Toolkit's among them) trim whitespace at the edges of Data, which
        // loses bytes at a chunk edge and breaks the declared Size (424): cut between two visible characters.
        if (end < content.Length)
        {
            var cut = end;
            while (cut > chunk.Offset + 1 && (IsSpace(content[cut - 1]) || IsSpace(content[cut]) || char.IsLowSurrogate(content[cut]))) cut--;
            if (cut > chunk.Offset + 1) end = cut;   // else the chunk is all whitespace: cut where it was
        }
        var more = end < content.Length;
        var command = ChunkCommand(chunk, message.NextCmdId(), content[chunk.Offset..end], more);
        items.Add(command);
        message.Grow(overhead + used);
        Register(message, command.CmdId, new SentCommand(command.Kind, run, chunk.Kind, chunk.Id, chunk.Version, MoreData: more));
        chunk.Offset = end;
        if (more) return false;
        run.Chunk = null;
        run.Sent++;
        return true;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static ItemCommand ChunkCommand(OutgoingChunk chunk, string cmdId, string part, bool more) => new()
    {
        Kind = chunk.Kind == ChangeKind.Add ? "Add" : "Replace",
        CmdId = cmdId,
        Meta = new Meta { Type = chunk.ContentType },
        Items =
        [
            new Item
            {
                Source = chunk.Id,
                // OMA DS 1.2 Protocol §6.12: the first chunk carries the whole object's size.
                Meta = chunk.Offset == 0 ? new Meta { Size = chunk.TotalBytes } : null,
                Data = new SyncMLElement("Data") { Text = part },
                MoreData = more,
            },
        ],
    };

    /// <summary>A dry run's package 3: an empty Sync per store, so the server sends its changes and takes none.</summary>
    private bool AddEmptySyncs(OutgoingMessage message)
    {
        foreach (var run in _runs.Where(r => r.Active))
        {
            var sync = new SyncCommand { CmdId = message.NextCmdId(), Target = run.Binding.RemoteUri, Source = run.LocalUri };
            message.Add(sync);
            Register(message, sync.CmdId, new SentCommand("Sync", run));
        }
        return true;
    }

    /// <summary>Fills a package 5 message with Map commands within the size; true when every mapping went.</summary>
    private bool FillMaps(OutgoingMessage message)
    {
        foreach (var run in _runs.Where(r => r.Active && r.Maps.Count > 0))
        {
            var pairs = new List<(string ServerId, string ClientId)>();
            var ids = new List<string>();
            var map = new MapCommand { CmdId = message.NextCmdId(), Target = run.Binding.RemoteUri, Source = run.LocalUri, MapItems = pairs };
            message.Add(map);
            while (run.Maps.TryPeek(out var pair))
            {
                var size = 96 + SizeEstimate.Text(pair.RemoteId) + SizeEstimate.Text(pair.LocalId);
                if (size > message.Remaining && pairs.Count > 0) break;
                pairs.Add((pair.RemoteId, pair.LocalId));
                ids.Add(pair.LocalId);
                message.Grow(size);
                run.Maps.Dequeue();
            }
            Register(message, map.CmdId, new SentCommand("Map", run, MapIds: ids));
            if (run.Maps.Count > 0) return false;
        }
        return true;
    }
}
