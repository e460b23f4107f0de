using Concord.Sync;
using Concord.Sync.Client;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Client;

/// <summary>One BEGIN IMMEDIATE transaction over a client's state file; statements are prepared once per unit.</summary>
internal sealed class SqliteClientStateUnit : IClientStateUnit
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private bool _done;

    public SqliteClientStateUnit(SqliteConnection connection)
    {
        _connection = connection;
        _transaction = connection.BeginTransaction(deferred: false);
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] args)
    {
        if (!_commands.TryGetValue(sql, out var cmd))
        {
            cmd = _connection.CreateCommand();
            cmd.Transaction = _transaction;
            cmd.CommandText = sql;
            foreach (var (name, _) in args) cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
            cmd.Prepare();
            _commands[sql] = cmd;
        }
        foreach (var (name, value) in args) cmd.Parameters[name].Value = value ?? DBNull.Value;
        return cmd;
    }

    private int Execute(string sql, params (string, object?)[] args) => Command(sql, args).ExecuteNonQuery();

    private string? Scalar(string sql, params (string, object?)[] args) => Command(sql, args).ExecuteScalar() as string;

    public void Commit()
    {
        _transaction.Commit();
        _done = true;
    }

    public ClientAnchors? LoadAnchors(string peer)
    {
        using var r = Command("SELECT client_last, server_last FROM anchors WHERE peer = $p", ("$p", peer)).ExecuteReader();
        return r.Read() ? new ClientAnchors(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)) : null;
    }

    public void SaveAnchors(string peer, ClientAnchors anchors) =>
        Execute("INSERT INTO anchors (peer, client_last, server_last) VALUES ($p, $c, $s) " +
            "ON CONFLICT(peer) DO UPDATE SET client_last = excluded.client_last, server_last = excluded.server_last",
            ("$p", peer), ("$c", anchors.ClientLast), ("$s", anchors.ServerLast));

    public void ForgetAnchors(string peer) => Execute("DELETE FROM anchors WHERE peer = $p", ("$p", peer));

    public SyncType? LoadInterrupted(string peer) =>
        Command("SELECT sync_type FROM interrupted WHERE peer = $p", ("$p", peer)).ExecuteScalar() is long t ? (SyncType)t : null;

    public void SaveInterrupted(string peer, SyncType? type)
    {
        if (type is null) Execute("DELETE FROM interrupted WHERE peer = $p", ("$p", peer));
        else Execute("INSERT INTO interrupted (peer, sync_type) VALUES ($p, $t) ON CONFLICT(peer) DO UPDATE SET sync_type = excluded.sync_type",
            ("$p", peer), ("$t", (long)type.Value));
    }

    public string? GetNonce(string server) => Scalar("SELECT nonce FROM nonces WHERE server = $s", ("$s", server));

    public void SetNonce(string server, string nonce) =>
        Execute("INSERT INTO nonces (server, nonce) VALUES ($s, $n) ON CONFLICT(server) DO UPDATE SET nonce = excluded.nonce",
            ("$s", server), ("$n", nonce));

    public IReadOnlyDictionary<string, string> ConfirmedVersions(string peer)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var r = Command("SELECT id, version FROM confirmed WHERE peer = $p", ("$p", peer)).ExecuteReader();
        while (r.Read()) result[r.GetString(0)] = r.GetString(1);
        return result;
    }

    public void SetConfirmed(string peer, string id, string version) =>
        Execute("INSERT INTO confirmed (peer, id, version) VALUES ($p, $i, $v) ON CONFLICT(peer, id) DO UPDATE SET version = excluded.version",
            ("$p", peer), ("$i", id), ("$v", version));

    public void RemoveConfirmed(string peer, string id) =>
        Execute("DELETE FROM confirmed WHERE peer = $p AND id = $i", ("$p", peer), ("$i", id));

    public string? FindLocalId(string peer, string remoteId) =>
        Scalar("SELECT local_id FROM id_map WHERE peer = $p AND remote_id = $r", ("$p", peer), ("$r", remoteId));

    public string? FindRemoteId(string peer, string localId) =>
        Scalar("SELECT remote_id FROM id_map WHERE peer = $p AND local_id = $l", ("$p", peer), ("$l", localId));

    public void SetMap(string peer, string localId, string remoteId, bool confirmed)
    {
        Execute("DELETE FROM id_map WHERE peer = $p AND remote_id = $r AND local_id <> $l", ("$p", peer), ("$r", remoteId), ("$l", localId));
        Execute("INSERT INTO id_map (peer, local_id, remote_id, confirmed) VALUES ($p, $l, $r, $c) " +
            "ON CONFLICT(peer, local_id) DO UPDATE SET remote_id = excluded.remote_id, confirmed = excluded.confirmed",
            ("$p", peer), ("$l", localId), ("$r", remoteId), ("$c", confirmed ? 1 : 0));
    }

    public void RemoveMap(string peer, string localId) =>
        Execute("DELETE FROM id_map WHERE peer = $p AND local_id = $l", ("$p", peer), ("$l", localId));

    public IReadOnlyList<(string RemoteId, string LocalId)> UnconfirmedMaps(string peer)
    {
        var result = new List<(string, string)>();
        using var r = Command("SELECT remote_id, local_id FROM id_map WHERE peer = $p AND confirmed = 0 ORDER BY local_id", ("$p", peer)).ExecuteReader();
        while (r.Read()) result.Add((r.GetString(0), r.GetString(1)));
        return result;
    }

    public void ConfirmMaps(string peer, IEnumerable<string> localIds)
    {
        foreach (var id in localIds) Execute("UPDATE id_map SET confirmed = 1 WHERE peer = $p AND local_id = $l", ("$p", peer), ("$l", id));
    }

    public long AddPendingWrite(PendingWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Execute("INSERT INTO pending_writes (peer, id, kind, content, content_type) VALUES ($p, $i, $k, $c, $t)",
            ("$p", write.Peer), ("$i", write.Id), ("$k", (long)write.Kind), ("$c", write.Content), ("$t", write.ContentType));
        return (long)Command("SELECT last_insert_rowid()").ExecuteScalar()!;
    }

    public IReadOnlyList<PendingWrite> PendingWrites()
    {
        var result = new List<PendingWrite>();
        using var r = Command("SELECT seq, peer, id, kind, content, content_type FROM pending_writes ORDER BY seq").ExecuteReader();
        while (r.Read())
        {
            result.Add(new PendingWrite(r.GetInt64(0), r.GetString(1), r.GetString(2), (ChangeKind)r.GetInt64(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)));
        }
        return result;
    }

    public void RemovePendingWrite(long sequence) => Execute("DELETE FROM pending_writes WHERE seq = $s", ("$s", sequence));

    public void Dispose()
    {
        foreach (var cmd in _commands.Values) cmd.Dispose();
        if (!_done)
        {
            try
            {
                _transaction.Rollback();
            }
            catch (SqliteException)
            {
                // the connection is going away: SQLite rolls back on its own
            }
        }
        _transaction.Dispose();
        _connection.Dispose();
    }
}
