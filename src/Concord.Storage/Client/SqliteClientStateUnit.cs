using Concord.Sync;
using Concord.Sync.Client;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Client;

/// <summary>
/// One BEGIN IMMEDIATE transaction over a client's state tables; statements are prepared once per unit. The tables
/// are in a state file of their own, or (named with a prefix) in the database of the collection they describe, in
/// the collection's transaction.
/// </summary>
internal sealed class SqliteClientStateUnit : IClientStateUnit
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly string _p;
    private readonly IDisposable? _owner;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private bool _done;

    /// <summary>A unit over a state file of its own: begins its transaction and closes the connection at the end.</summary>
    public SqliteClientStateUnit(SqliteConnection connection)
    {
        _connection = connection;
        _transaction = connection.BeginTransaction(deferred: false);
        _p = "";
    }

    /// <summary>A unit inside a transaction <paramref name="owner"/> holds; disposing it disposes the owner.</summary>
    public SqliteClientStateUnit(SqliteConnection connection, SqliteTransaction transaction, string tablePrefix, IDisposable owner)
    {
        _connection = connection;
        _transaction = transaction;
        _p = tablePrefix;
        _owner = owner;
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
        using var r = Command($"SELECT client_last, server_last FROM {_p}anchors WHERE peer = $p", ("$p", peer)).ExecuteReader();
        return r.Read() ? new ClientAnchors(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)) : null;
    }

    public void SaveAnchors(string peer, ClientAnchors anchors) =>
        Execute($"INSERT INTO {_p}anchors (peer, client_last, server_last) VALUES ($p, $c, $s) " +
            "ON CONFLICT(peer) DO UPDATE SET client_last = excluded.client_last, server_last = excluded.server_last",
            ("$p", peer), ("$c", anchors.ClientLast), ("$s", anchors.ServerLast));

    public void ForgetAnchors(string peer) => Execute($"DELETE FROM {_p}anchors WHERE peer = $p", ("$p", peer));

    public SyncType? LoadInterrupted(string peer) =>
        Command($"SELECT sync_type FROM {_p}interrupted WHERE peer = $p", ("$p", peer)).ExecuteScalar() is long t ? (SyncType)t : null;

    public void SaveInterrupted(string peer, SyncType? type)
    {
        if (type is null) Execute($"DELETE FROM {_p}interrupted WHERE peer = $p", ("$p", peer));
        else Execute($"INSERT INTO {_p}interrupted (peer, sync_type) VALUES ($p, $t) ON CONFLICT(peer) DO UPDATE SET sync_type = excluded.sync_type",
            ("$p", peer), ("$t", (long)type.Value));
    }

    public string? GetNonce(string server) => Scalar($"SELECT nonce FROM {_p}nonces WHERE server = $s", ("$s", server));

    public void SetNonce(string server, string nonce) =>
        Execute($"INSERT INTO {_p}nonces (server, nonce) VALUES ($s, $n) ON CONFLICT(server) DO UPDATE SET nonce = excluded.nonce",
            ("$s", server), ("$n", nonce));

    public IReadOnlyDictionary<string, string> ConfirmedVersions(string peer)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var r = Command($"SELECT id, version FROM {_p}confirmed WHERE peer = $p", ("$p", peer)).ExecuteReader();
        while (r.Read()) result[r.GetString(0)] = r.GetString(1);
        return result;
    }

    public void SetConfirmed(string peer, string id, string version) =>
        Execute($"INSERT INTO {_p}confirmed (peer, id, version) VALUES ($p, $i, $v) ON CONFLICT(peer, id) DO UPDATE SET version = excluded.version",
            ("$p", peer), ("$i", id), ("$v", version));

    public void RemoveConfirmed(string peer, string id) =>
        Execute($"DELETE FROM {_p}confirmed WHERE peer = $p AND id = $i", ("$p", peer), ("$i", id));

    public string? FindLocalId(string peer, string remoteId) =>
        Scalar($"SELECT local_id FROM {_p}id_map WHERE peer = $p AND remote_id = $r", ("$p", peer), ("$r", remoteId));

    public string? FindRemoteId(string peer, string localId) =>
        Scalar($"SELECT remote_id FROM {_p}id_map WHERE peer = $p AND local_id = $l", ("$p", peer), ("$l", localId));

    public void SetMap(string peer, string localId, string remoteId, bool confirmed)
    {
        Execute($"DELETE FROM {_p}id_map WHERE peer = $p AND remote_id = $r AND local_id <> $l", ("$p", peer), ("$r", remoteId), ("$l", localId));
        Execute($"INSERT INTO {_p}id_map (peer, local_id, remote_id, confirmed) VALUES ($p, $l, $r, $c) " +
            "ON CONFLICT(peer, local_id) DO UPDATE SET remote_id = excluded.remote_id, confirmed = excluded.confirmed",
            ("$p", peer), ("$l", localId), ("$r", remoteId), ("$c", confirmed ? 1 : 0));
    }

    public void RemoveMap(string peer, string localId) =>
        Execute($"DELETE FROM {_p}id_map WHERE peer = $p AND local_id = $l", ("$p", peer), ("$l", localId));

    public IReadOnlyList<(string RemoteId, string LocalId)> UnconfirmedMaps(string peer)
    {
        var result = new List<(string, string)>();
        using var r = Command($"SELECT remote_id, local_id FROM {_p}id_map WHERE peer = $p AND confirmed = 0 ORDER BY local_id", ("$p", peer)).ExecuteReader();
        while (r.Read()) result.Add((r.GetString(0), r.GetString(1)));
        return result;
    }

    public void ConfirmMaps(string peer, IEnumerable<string> localIds)
    {
        foreach (var id in localIds) Execute($"UPDATE {_p}id_map SET confirmed = 1 WHERE peer = $p AND local_id = $l", ("$p", peer), ("$l", id));
    }

    public long AddPendingWrite(PendingWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Execute($"INSERT INTO {_p}pending_writes (peer, id, kind, content, content_type) VALUES ($p, $i, $k, $c, $t)",
            ("$p", write.Peer), ("$i", write.Id), ("$k", (long)write.Kind), ("$c", write.Content), ("$t", write.ContentType));
        return (long)Command("SELECT last_insert_rowid()").ExecuteScalar()!;
    }

    public IReadOnlyList<PendingWrite> PendingWrites()
    {
        var result = new List<PendingWrite>();
        using var r = Command($"SELECT seq, peer, id, kind, content, content_type FROM {_p}pending_writes ORDER BY seq").ExecuteReader();
        while (r.Read())
        {
            result.Add(new PendingWrite(r.GetInt64(0), r.GetString(1), r.GetString(2), (ChangeKind)r.GetInt64(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)));
        }
        return result;
    }

    public void RemovePendingWrite(long sequence) => Execute($"DELETE FROM {_p}pending_writes WHERE seq = $s", ("$s", sequence));

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
        if (_owner is not null)
        {
            _owner.Dispose();
            return;
        }
        _transaction.Dispose();
        _connection.Dispose();
    }
}
