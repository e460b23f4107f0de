using Concord.Sync.State;

namespace Concord.Storage.Sqlite;

internal sealed partial class SqliteSyncUnit
{
    public void StageBase(string sessionKey, long userId, string deviceId, string store, string guid, string? content) =>
        Exec("INSERT INTO staged_bases(session, user_id, device_id, store, guid, content) VALUES($k, $u, $d, $s, $g, $c) " +
             "ON CONFLICT(session, store, guid) DO UPDATE SET content = $c",
            ("$k", sessionKey), ("$u", userId), ("$d", deviceId), ("$s", store), ("$g", guid), ("$c", content));

    public void ConfirmBase(string sessionKey, string store, string guid)
    {
        long userId;
        string deviceId;
        string? content;
        var cmd = Cmd("DELETE FROM staged_bases WHERE session = $k AND store = $s AND guid = $g RETURNING user_id, device_id, content",
            ("$k", sessionKey), ("$s", store), ("$g", guid));
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read()) return;
            (userId, deviceId, content) = (r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2));
        }
        // A staged row without content is a delete the device confirmed: it has no base of the item any more.
        if (content is null) RemoveBase(userId, deviceId, store, guid);
        else SetBase(userId, deviceId, store, guid, content);
    }

    public void DiscardStagedBases(string sessionKey) =>
        Exec("DELETE FROM staged_bases WHERE session = $k", ("$k", sessionKey));

    // Driven from the device's few pending rows (CROSS JOIN keeps that order): joined the other way round, SQLite walked
    // every item of the store in every session.
    public IReadOnlyList<MappedHeader> PendingHeaders(long userId, string deviceId, string store) =>
        MappedHeaders(
            "SELECT i.guid, i.seq, i.changed_by, i.deleted, m.luid, m.session, i.uid, i.recurrence_id FROM pending_changes p " +
            "CROSS JOIN items i ON i.user_id = p.user_id AND i.store = p.store AND i.guid = p.guid " +
            "LEFT JOIN id_maps m ON m.user_id = i.user_id AND m.device_id = $d AND m.store = i.store AND m.guid = i.guid " +
            "WHERE p.user_id = $u AND p.device_id = $d AND p.store = $s ORDER BY i.seq",
            ("$u", userId), ("$d", deviceId), ("$s", store));

    public void SetPending(long userId, string deviceId, string store, IReadOnlyCollection<PendingChange> changes)
    {
        var attempts = new Dictionary<string, int>(StringComparer.Ordinal);
        var cmd = Cmd("SELECT guid, attempts FROM pending_changes WHERE user_id = $u AND device_id = $d AND store = $s",
            ("$u", userId), ("$d", deviceId), ("$s", store));
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read()) attempts[r.GetString(0)] = r.GetInt32(1);
        }
        Exec("DELETE FROM pending_changes WHERE user_id = $u AND device_id = $d AND store = $s", ("$u", userId), ("$d", deviceId), ("$s", store));
        foreach (var change in changes)
        {
            Exec("INSERT OR REPLACE INTO pending_changes(user_id, device_id, store, guid, status, attempts) VALUES($u, $d, $s, $g, $c, $n)",
                ("$u", userId), ("$d", deviceId), ("$s", store), ("$g", change.Guid), ("$c", change.Status),
                ("$n", attempts.GetValueOrDefault(change.Guid) + 1));
        }
    }

    public int PendingAttempts(long userId, string deviceId, string store, string guid) =>
        Scalar("SELECT attempts FROM pending_changes WHERE user_id = $u AND device_id = $d AND store = $s AND guid = $g",
            ("$u", userId), ("$d", deviceId), ("$s", store), ("$g", guid)) is long n ? (int)n : 0;
}
