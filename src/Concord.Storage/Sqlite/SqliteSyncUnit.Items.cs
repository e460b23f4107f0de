using Concord.Sync;
using Concord.Sync.State;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite;

internal sealed partial class SqliteSyncUnit
{
    public string? FindGuid(long userId, string deviceId, string store, string luid) =>
        Scalar("SELECT guid FROM id_maps WHERE user_id = $u AND device_id = $d AND store = $s AND luid = $l",
            ("$u", userId), ("$d", deviceId), ("$s", store), ("$l", luid)) as string;

    public string? FindLuid(long userId, string deviceId, string store, string guid) =>
        Scalar("SELECT luid FROM id_maps WHERE user_id = $u AND device_id = $d AND store = $s AND guid = $g",
            ("$u", userId), ("$d", deviceId), ("$s", store), ("$g", guid)) as string;

    public string? MapSession(long userId, string deviceId, string store, string guid) =>
        Scalar("SELECT session FROM id_maps WHERE user_id = $u AND device_id = $d AND store = $s AND guid = $g",
            ("$u", userId), ("$d", deviceId), ("$s", store), ("$g", guid)) as string;

    // One statement: REPLACE removes the rows that conflict on either unique key (the LUID's, and the guid's other
    // mapping on id_maps_guid), and the EXISTS keeps a map to an item the store does not hold from being written.
    public bool SetMap(long userId, string deviceId, string store, string luid, string guid, string sessionKey) =>
        Exec("INSERT OR REPLACE INTO id_maps(user_id, device_id, store, luid, guid, session) SELECT $u, $d, $s, $l, $g, $k " +
             "WHERE EXISTS (SELECT 1 FROM items WHERE user_id = $u AND store = $s AND guid = $g)",
            ("$u", userId), ("$d", deviceId), ("$s", store), ("$l", luid), ("$g", guid), ("$k", sessionKey)) > 0;

    public void RemoveMapByGuid(long userId, string deviceId, string store, string guid) =>
        Exec("DELETE FROM id_maps WHERE user_id = $u AND device_id = $d AND store = $s AND guid = $g",
            ("$u", userId), ("$d", deviceId), ("$s", store), ("$g", guid));

    public void ClearMap(long userId, string deviceId, string store) =>
        Exec("DELETE FROM id_maps WHERE user_id = $u AND device_id = $d AND store = $s", ("$u", userId), ("$d", deviceId), ("$s", store));

    public IReadOnlyList<string> RemoveMapsNotInSession(long userId, string deviceId, string store, string sessionKey)
    {
        var guids = new List<string>();
        var cmd = Cmd("SELECT guid FROM id_maps WHERE user_id = $u AND device_id = $d AND store = $s AND session <> $k",
            ("$u", userId), ("$d", deviceId), ("$s", store), ("$k", sessionKey));
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read()) guids.Add(r.GetString(0));
        }
        Exec("DELETE FROM id_maps WHERE user_id = $u AND device_id = $d AND store = $s AND session <> $k",
            ("$u", userId), ("$d", deviceId), ("$s", store), ("$k", sessionKey));
        return guids;
    }

    public long CurrentSequence(long userId) =>
        Scalar("SELECT seq FROM sequences WHERE user_id = $u", ("$u", userId)) is long v ? v : 0;

    private long NextSequence(long userId)
    {
        var next = CurrentSequence(userId) + 1;
        Exec("INSERT INTO sequences(user_id, seq) VALUES($u, $q) ON CONFLICT(user_id) DO UPDATE SET seq = $q", ("$u", userId), ("$q", next));
        return next;
    }

    private const string ItemColumns = "guid, content, content_type, seq, changed_by, deleted, match_key, match_key2, match_details, uid, recurrence_id";

    private static StoredItem ReadItem(SqliteDataReader r) => new(
        r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3),
        r.GetString(4), r.GetInt64(5) != 0, r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetString(8),
        r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10));

    // Concord.Pim's MatchKeys gives a calendar item with a UID the primary key 'u:UID', and a detached exception
    // 'u:UID|r:RECURRENCE-ID' (migration 4 reads old rows the same way).
    private static (string? Uid, string? RecurrenceId) CalendarIdentity(string matchKey)
    {
        if (!matchKey.StartsWith("u:", StringComparison.Ordinal)) return (null, null);
        var r = matchKey.IndexOf("|r:", StringComparison.Ordinal);
        return r < 0 ? (matchKey[2..], null) : (matchKey[2..r], matchKey[(r + 3)..]);
    }

    private List<StoredItem> Items(string sql, params (string, object?)[] args)
    {
        var cmd = Cmd(sql, args);
        using var r = cmd.ExecuteReader();
        var list = new List<StoredItem>();
        while (r.Read()) list.Add(ReadItem(r));
        return list;
    }

    public StoredItem? GetItem(long userId, string store, string guid) =>
        Items($"SELECT {ItemColumns} FROM items WHERE user_id = $u AND store = $s AND guid = $g", ("$u", userId), ("$s", store), ("$g", guid))
            .FirstOrDefault();

    public bool ItemExists(long userId, string store, string guid) =>
        Scalar("SELECT 1 FROM items WHERE user_id = $u AND store = $s AND guid = $g", ("$u", userId), ("$s", store), ("$g", guid)) is not null;

    public IReadOnlyList<MatchCandidate> FindCandidates(long userId, string store, string key, string? key2)
    {
        // One indexed lookup per key and column: an OR across the columns scanned the whole store, and without
        // statistics the planner prefers the primary key here, hence INDEXED BY.
        var found = new Dictionary<string, MatchCandidate>(StringComparer.Ordinal);
        foreach (var k in key2 is null ? [key] : new[] { key, key2 })
        {
            foreach (var (column, index) in new[] { ("match_key", "items_match"), ("match_key2", "items_match2") })
            {
                var cmd = Cmd($"SELECT guid, match_key, match_key2, match_details FROM items INDEXED BY {index} " +
                              $"WHERE user_id = $u AND store = $s AND {column} = $k AND deleted = 0", ("$u", userId), ("$s", store), ("$k", k));
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    found.TryAdd(r.GetString(0), new MatchCandidate(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3)));
                }
            }
        }
        return [.. found.Values];
    }

    public StoredItem PutItem(long userId, string store, string guid, ItemContent content, string changedBy)
    {
        var seq = NextSequence(userId);
        var (uid, recurrenceId) = CalendarIdentity(content.MatchKey);
        Exec("INSERT INTO items(user_id, store, guid, content, content_type, seq, changed_by, deleted, match_key, match_key2, match_details, uid, recurrence_id) " +
             "VALUES($u, $s, $g, $c, $t, $q, $b, 0, $k, $k2, $md, $uid, $rid) ON CONFLICT(user_id, store, guid) DO UPDATE SET content = $c, " +
             "content_type = $t, seq = $q, changed_by = $b, deleted = 0, match_key = $k, match_key2 = $k2, match_details = $md, uid = $uid, recurrence_id = $rid",
            ("$u", userId), ("$s", store), ("$g", guid), ("$c", content.Content), ("$t", content.ContentType), ("$q", seq),
            ("$b", changedBy), ("$k", content.MatchKey), ("$k2", content.MatchKey2), ("$md", content.MatchDetails), ("$uid", uid), ("$rid", recurrenceId));
        return new StoredItem(guid, content.Content, content.ContentType, seq, changedBy, false, content.MatchKey, content.MatchKey2, content.MatchDetails,
            uid, recurrenceId);
    }

    public void DeleteItem(long userId, string store, string guid, string changedBy)
    {
        var seq = NextSequence(userId);
        // The tombstone keeps the row (without content) so the change log can tell other devices to delete it; its
        // UID and RECURRENCE-ID stay, so a removed exception still names its master.
        Exec("UPDATE items SET deleted = 1, content = NULL, seq = $q, changed_by = $b, match_key = '', match_key2 = NULL, match_details = '' " +
             "WHERE user_id = $u AND store = $s AND guid = $g",
            ("$u", userId), ("$s", store), ("$g", guid), ("$q", seq), ("$b", changedBy));
    }

    public string? GetBase(long userId, string deviceId, string store, string guid) =>
        Scalar("SELECT content FROM item_bases WHERE user_id = $u AND device_id = $d AND store = $s AND guid = $g",
            ("$u", userId), ("$d", deviceId), ("$s", store), ("$g", guid)) as string;

    public void SetBase(long userId, string deviceId, string store, string guid, string content) =>
        Exec("INSERT INTO item_bases(user_id, device_id, store, guid, content) VALUES($u, $d, $s, $g, $c) " +
             "ON CONFLICT(user_id, device_id, store, guid) DO UPDATE SET content = $c",
            ("$u", userId), ("$d", deviceId), ("$s", store), ("$g", guid), ("$c", content));

    public void RemoveBase(long userId, string deviceId, string store, string guid) =>
        Exec("DELETE FROM item_bases WHERE user_id = $u AND device_id = $d AND store = $s AND guid = $g",
            ("$u", userId), ("$d", deviceId), ("$s", store), ("$g", guid));

    public void AddHistory(long userId, string store, string guid, string content, string reason) =>
        Exec("INSERT INTO item_history(user_id, store, guid, content, reason, at) VALUES($u, $s, $g, $c, $r, $t)",
            ("$u", userId), ("$s", store), ("$g", guid), ("$c", content), ("$r", reason), ("$t", Now()));

    public int CountHistory(long userId, string store, string guid) =>
        Convert.ToInt32(Scalar("SELECT COUNT(*) FROM item_history WHERE user_id = $u AND store = $s AND guid = $g",
            ("$u", userId), ("$s", store), ("$g", guid)), System.Globalization.CultureInfo.InvariantCulture);

    private const string MappedHeaderSelect =
        "SELECT i.guid, i.seq, i.changed_by, i.deleted, m.luid, m.session, i.uid, i.recurrence_id FROM items i " +
        "LEFT JOIN id_maps m ON m.user_id = i.user_id AND m.device_id = $d AND m.store = i.store AND m.guid = i.guid ";

    public IReadOnlyList<MappedHeader> ChangedHeaders(long userId, string deviceId, string store, long afterSeq, long uptoSeq) =>
        MappedHeaders(MappedHeaderSelect + "WHERE i.user_id = $u AND i.store = $s AND i.seq > $a AND i.seq <= $b AND i.changed_by <> $d ORDER BY i.seq",
            ("$u", userId), ("$d", deviceId), ("$s", store), ("$a", afterSeq), ("$b", uptoSeq));

    public IReadOnlyList<MappedHeader> LiveHeaders(long userId, string deviceId, string store) =>
        MappedHeaders(MappedHeaderSelect + "WHERE i.user_id = $u AND i.store = $s AND i.deleted = 0 ORDER BY i.seq",
            ("$u", userId), ("$d", deviceId), ("$s", store));

    public IReadOnlyList<MappedItem> LiveItemsBetween(long userId, string deviceId, string store, long afterSeq, long uptoSeq, int max)
    {
        var cmd = Cmd("SELECT i.guid, i.content, i.content_type, i.seq, i.changed_by, i.uid, i.recurrence_id, m.luid, m.session FROM items i " +
                      "LEFT JOIN id_maps m ON m.user_id = i.user_id AND m.device_id = $d AND m.store = i.store AND m.guid = i.guid " +
                      "WHERE i.user_id = $u AND i.store = $s AND i.seq > $a AND i.seq <= $b AND i.deleted = 0 ORDER BY i.seq LIMIT $m",
            ("$u", userId), ("$d", deviceId), ("$s", store), ("$a", afterSeq), ("$b", uptoSeq), ("$m", max));
        using var r = cmd.ExecuteReader();
        var list = new List<MappedItem>();
        while (r.Read())
        {
            // What sending needs, not the match keys (a slow sync reads every item of the store this way).
            var item = new StoredItem(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3), r.GetString(4), false,
                "", null, "", r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6));
            list.Add(new MappedItem(item, r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8)));
        }
        return list;
    }

    private List<MappedHeader> MappedHeaders(string sql, params (string, object?)[] args)
    {
        var cmd = Cmd(sql, args);
        using var r = cmd.ExecuteReader();
        var list = new List<MappedHeader>();
        while (r.Read())
        {
            list.Add(new MappedHeader(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetInt64(3) != 0,
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7)));
        }
        return list;
    }

    public IReadOnlyList<StoredItem> ItemsWithUid(long userId, string store, string uid) =>
        Items($"SELECT {ItemColumns} FROM items INDEXED BY items_uid WHERE user_id = $u AND store = $s AND uid = $i ORDER BY seq",
            ("$u", userId), ("$s", store), ("$i", uid));

    public IEnumerable<StoredItem> AllItems(long userId, string store) =>
        Items($"SELECT {ItemColumns} FROM items WHERE user_id = $u AND store = $s AND deleted = 0 ORDER BY guid", ("$u", userId), ("$s", store));

    public void Enqueue(string sessionKey, IEnumerable<OutboxEntry> entries)
    {
        var next = (Scalar("SELECT MAX(position) FROM outbox WHERE session = $k", ("$k", sessionKey)) as long? ?? 0) + 1;
        var cmd = Cmd("INSERT INTO outbox(session, position, store_index, kind, guid) VALUES($k, $p, $i, $n, $g)");
        var p = cmd.Parameters.AddWithValue("$p", 0L);
        var i = cmd.Parameters.AddWithValue("$i", 0);
        var n = cmd.Parameters.AddWithValue("$n", 0);
        var g = cmd.Parameters.AddWithValue("$g", "");
        cmd.Parameters.AddWithValue("$k", sessionKey);
        foreach (var e in entries)
        {
            p.Value = next++;
            i.Value = e.StoreIndex;
            n.Value = (int)e.Kind;
            g.Value = e.Guid;
            cmd.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<OutboxEntry> PeekOutbox(string sessionKey, int max)
    {
        var cmd = Cmd("SELECT position, store_index, kind, guid FROM outbox WHERE session = $k ORDER BY position LIMIT $m", ("$k", sessionKey), ("$m", max));
        using var r = cmd.ExecuteReader();
        var list = new List<OutboxEntry>();
        while (r.Read()) list.Add(new OutboxEntry(r.GetInt64(0), r.GetInt32(1), (ChangeKind)r.GetInt32(2), r.GetString(3)));
        return list;
    }

    public void DequeueThrough(string sessionKey, long position) =>
        Exec("DELETE FROM outbox WHERE session = $k AND position <= $p", ("$k", sessionKey), ("$p", position));

    public void Dequeue(string sessionKey, long position) =>
        Exec("DELETE FROM outbox WHERE session = $k AND position = $p", ("$k", sessionKey), ("$p", position));

    public int OutboxCount(string sessionKey) =>
        Convert.ToInt32(Scalar("SELECT COUNT(*) FROM outbox WHERE session = $k", ("$k", sessionKey)), System.Globalization.CultureInfo.InvariantCulture);
}
