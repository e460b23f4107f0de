using System.Globalization;
using Concord.Sync;
using Concord.Sync.State;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite;

/// <summary>One BEGIN IMMEDIATE transaction over the SQLite store, on a connection the repository keeps.</summary>
internal sealed partial class SqliteSyncUnit : ISyncUnit
{
    private readonly PreparedConnection _prepared;
    private readonly SqliteConnection _connection;
    private readonly Action<PreparedConnection, bool> _return;
    private SqliteTransaction? _transaction;
    private bool _failed;
    private bool _disposed;

    public SqliteSyncUnit(PreparedConnection prepared, Action<PreparedConnection, bool> release)
    {
        _prepared = prepared;
        _connection = prepared.Connection;
        _return = release;
        try
        {
            // BEGIN IMMEDIATE: take the write lock now, so two sessions never interleave inside one message.
            _transaction = _connection.BeginTransaction(deferred: false);
        }
        catch
        {
            release(prepared, false);
            throw;
        }
    }

    /// <summary>The connection, for state that joins this unit's transaction (a sync client's state beside a collection).</summary>
    internal SqliteConnection Connection => _connection;

    /// <summary>The open transaction; null once committed.</summary>
    internal SqliteTransaction? Transaction => _transaction;

    public void Commit()
    {
        try
        {
            _transaction?.Commit();
        }
        catch
        {
            _failed = true;
            throw;
        }
        _transaction?.Dispose();
        _transaction = null;
    }

    public void Savepoint(string name) => ExecOnce($"SAVEPOINT \"{Check(name)}\"");

    public void RollbackTo(string name) => ExecOnce($"ROLLBACK TO \"{Check(name)}\"");

    public void Release(string name) => ExecOnce($"RELEASE \"{Check(name)}\"");

    // Not kept: the names vary, and the kept statements are the few a message runs over and over.
    private void ExecOnce(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string Check(string name) =>
        name.All(char.IsAsciiLetterOrDigit) ? name : throw new ArgumentException("Savepoint names are letters and digits.", nameof(name));

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        var clean = !_failed;
        try
        {
            _transaction?.Dispose();   // not committed: rolled back
        }
        catch (SqliteException)
        {
            clean = false;
        }
        _transaction = null;
        _return(_prepared, clean);
    }

    // Statements are prepared once per connection and reused by every unit on it: a message runs the same few
    // statements per item, and preparing them again each time cost more than running them.
    private SqliteCommand Cmd(string sql, params (string Name, object? Value)[] args)
    {
        var statements = _prepared.Statements;
        if (statements.TryGetValue(sql, out var cmd))
        {
            cmd.Parameters.Clear();
        }
        else
        {
            cmd = _connection.CreateCommand();
            cmd.CommandText = sql;
            statements[sql] = cmd;
        }
        cmd.Transaction = _transaction;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    private int Exec(string sql, params (string, object?)[] args)
    {
        var cmd = Cmd(sql, args);
        return cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string, object?)[] args)
    {
        var cmd = Cmd(sql, args);
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    public UserRecord? FindUser(string name)
    {
        var cmd = Cmd("SELECT id, name, password_hash, sealed_secret FROM users WHERE name = $n", ("$n", name));
        using var r = cmd.ExecuteReader();
        return r.Read() ? new UserRecord(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : (byte[])r[3]) : null;
    }

    public string? GetNonce(long userId, string deviceId) =>
        Scalar("SELECT nonce FROM nonces WHERE user_id = $u AND device_id = $d", ("$u", userId), ("$d", deviceId)) as string;

    public void SetNonce(long userId, string deviceId, string nonce) =>
        Exec("INSERT INTO nonces(user_id, device_id, nonce) VALUES($u, $d, $n) ON CONFLICT(user_id, device_id) DO UPDATE SET nonce = $n",
            ("$u", userId), ("$d", deviceId), ("$n", nonce));

    public string? GetDeviceInfo(long userId, string deviceId) =>
        Scalar("SELECT devinf FROM devices WHERE user_id = $u AND device_id = $d", ("$u", userId), ("$d", deviceId)) as string;

    public void SaveDeviceInfo(long userId, string deviceId, string devInfXml) =>
        Exec("INSERT INTO devices(user_id, device_id, devinf, updated_at) VALUES($u, $d, $x, $t) " +
             "ON CONFLICT(user_id, device_id) DO UPDATE SET devinf = $x, updated_at = $t",
            ("$u", userId), ("$d", deviceId), ("$x", devInfXml), ("$t", Now()));

    public SessionRecord? LoadSession(string key) =>
        ReadSession("SELECT key, device_id, client_session_id, user_id, state, last_request_hash, NULL, last_response_type, updated_at FROM sessions WHERE key = $k",
            ("$k", key));

    public SessionRecord? FindSession(string deviceId, string clientSessionId) =>
        ReadSession("SELECT key, device_id, client_session_id, user_id, state, last_request_hash, NULL, last_response_type, updated_at FROM sessions " +
                    "WHERE device_id = $d AND client_session_id = $s ORDER BY updated_at DESC LIMIT 1",
            ("$d", deviceId), ("$s", clientSessionId));

    public IReadOnlyList<SessionRecord> SessionsOfDevice(string deviceId)
    {
        var cmd = Cmd("SELECT key, device_id, client_session_id, user_id, state, last_request_hash, NULL, last_response_type, updated_at FROM sessions " +
                            "WHERE device_id = $d ORDER BY updated_at DESC", ("$d", deviceId));
        using var r = cmd.ExecuteReader();
        var list = new List<SessionRecord>();
        while (r.Read()) list.Add(Session(r));
        return list;
    }

    private SessionRecord? ReadSession(string sql, params (string, object?)[] args)
    {
        var cmd = Cmd(sql, args);
        using var r = cmd.ExecuteReader();
        return r.Read() ? Session(r) : null;
    }

    private static SessionRecord Session(SqliteDataReader r)
    {
        return new SessionRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3), r.GetString(4),
            r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : (byte[])r[6], r.IsDBNull(7) ? null : r.GetString(7),
            DateTimeOffset.Parse(r.GetString(8), CultureInfo.InvariantCulture));
    }

    public byte[]? LastResponse(string key) => Scalar("SELECT last_response FROM sessions WHERE key = $k", ("$k", key)) as byte[];

    public void SaveSession(SessionRecord s) =>
        Exec("INSERT INTO sessions(key, device_id, client_session_id, user_id, state, last_request_hash, last_response, last_response_type, updated_at) " +
             "VALUES($k, $d, $c, $u, $s, $h, $r, $t, $at) ON CONFLICT(key) DO UPDATE SET user_id = $u, state = $s, last_request_hash = $h, " +
             "last_response = $r, last_response_type = $t, updated_at = $at",
            ("$k", s.Key), ("$d", s.DeviceId), ("$c", s.ClientSessionId), ("$u", s.UserId), ("$s", s.State), ("$h", s.LastRequestHash),
            ("$r", s.LastResponse), ("$t", s.LastResponseType), ("$at", s.UpdatedAt.ToString("O", CultureInfo.InvariantCulture)));

    public void DeleteSession(string key)
    {
        Exec("DELETE FROM outbox WHERE session = $k", ("$k", key));
        Exec("DELETE FROM staged_bases WHERE session = $k", ("$k", key));
        Exec("DELETE FROM sessions WHERE key = $k", ("$k", key));
    }

    public IReadOnlyList<string> ExpiredSessions(DateTimeOffset idleSince)
    {
        var cmd = Cmd("SELECT key FROM sessions WHERE updated_at < $t", ("$t", idleSince.ToString("O", CultureInfo.InvariantCulture)));
        using var r = cmd.ExecuteReader();
        var keys = new List<string>();
        while (r.Read()) keys.Add(r.GetString(0));
        return keys;
    }

    public StoreState? LoadStoreState(long userId, string deviceId, string store)
    {
        var cmd = Cmd("SELECT client_anchor, server_anchor, server_seq FROM store_states WHERE user_id = $u AND device_id = $d AND store = $s",
            ("$u", userId), ("$d", deviceId), ("$s", store));
        using var r = cmd.ExecuteReader();
        return r.Read() ? new StoreState(userId, deviceId, store, r.GetString(0), r.GetString(1), r.GetInt64(2)) : null;
    }

    public void SaveStoreState(StoreState s) =>
        Exec("INSERT INTO store_states(user_id, device_id, store, client_anchor, server_anchor, server_seq) VALUES($u, $d, $s, $c, $a, $q) " +
             "ON CONFLICT(user_id, device_id, store) DO UPDATE SET client_anchor = $c, server_anchor = $a, server_seq = $q",
            ("$u", s.UserId), ("$d", s.DeviceId), ("$s", s.Store), ("$c", s.ClientAnchor), ("$a", s.ServerAnchor), ("$q", s.ServerSequence));

    public void DeleteStoreState(long userId, string deviceId, string store) =>
        Exec("DELETE FROM store_states WHERE user_id = $u AND device_id = $d AND store = $s", ("$u", userId), ("$d", deviceId), ("$s", store));
}
