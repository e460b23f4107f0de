using System.Globalization;
using System.Security.Cryptography;
using Concord.Sync.Client;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Client;

/// <summary>
/// A sync client's state in one SQLite file beside its local collection (for a folder, <c>.concord/sync.db</c>
/// inside it): device id, anchors, ID maps, confirmed versions, nonces and the redo log of local writes.
/// </summary>
public sealed class SqliteClientState : IClientStateStore
{
    /// <summary>The state file of a folder collection, relative to the folder.</summary>
    public const string FolderStatePath = ".concord/sync.db";

    // The schema in numbered steps, its tables named with a prefix: none in a state file of its own, "client_" in
    // the database of a collection. Never edit a step that has shipped: add the next one.
    private static string[] Steps(string p) =>
    [
        // 1: everything a client keeps per collection
        $"""
        CREATE TABLE {p}meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE {p}anchors (peer TEXT PRIMARY KEY, client_last TEXT NOT NULL, server_last TEXT);
        CREATE TABLE {p}nonces (server TEXT PRIMARY KEY, nonce TEXT NOT NULL);
        CREATE TABLE {p}confirmed (peer TEXT NOT NULL, id TEXT NOT NULL, version TEXT NOT NULL, PRIMARY KEY (peer, id)) WITHOUT ROWID;
        CREATE TABLE {p}id_map (peer TEXT NOT NULL, local_id TEXT NOT NULL, remote_id TEXT NOT NULL, confirmed INTEGER NOT NULL,
            PRIMARY KEY (peer, local_id)) WITHOUT ROWID;
        CREATE UNIQUE INDEX {p}id_map_remote ON {p}id_map(peer, remote_id);
        CREATE TABLE {p}pending_writes (seq INTEGER PRIMARY KEY AUTOINCREMENT, peer TEXT NOT NULL, id TEXT NOT NULL,
            kind INTEGER NOT NULL, content TEXT, content_type TEXT);
        """,
        // 2: sessions that broke off, to resume (OMA DS 1.2 Protocol §6.13)
        $"""
        CREATE TABLE {p}interrupted (peer TEXT PRIMARY KEY, sync_type INTEGER NOT NULL);
        """,
    ];

    private readonly string _connectionString;

    private SqliteClientState(string databasePath)
    {
        DatabasePath = databasePath;
        _connectionString = SqliteFile.ConnectionString(databasePath);
        using var connection = Open();
        Migrate(connection);
        DeviceId = LoadOrCreateDeviceId(connection);
    }

    /// <summary>The state file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public string DeviceId { get; }

    /// <summary>Opens (creating when missing) a state file.</summary>
    public static SqliteClientState Open(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        var full = Path.GetFullPath(databasePath);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
            else Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return new SqliteClientState(full);
    }

    /// <summary>Opens the state of a folder collection (<see cref="FolderStatePath"/> inside it).</summary>
    public static SqliteClientState ForFolder(string folder) => Open(Path.Combine(folder, FolderStatePath));

    /// <inheritdoc />
    public IClientStateUnit Begin() => new SqliteClientStateUnit(Open());

    private SqliteConnection Open() => SqliteFile.Open(_connectionString);

    private static void Migrate(SqliteConnection connection) => Migrate(connection, "");

    /// <summary>
    /// Brings the state tables named with a prefix up to date. Without a prefix the file is the state's own and
    /// <c>PRAGMA user_version</c> counts the steps; with one, the database belongs to someone else and the count is
    /// the row <c>schema</c> of the prefixed meta table.
    /// </summary>
    /// <param name="connection">The database.</param>
    /// <param name="prefix">The tables' prefix.</param>
    /// <param name="open">A transaction already open on the connection to work in (not committed here), else null.</param>
    internal static void Migrate(SqliteConnection connection, string prefix, SqliteTransaction? open = null)
    {
        var steps = Steps(prefix);
        using var own = open is null ? connection.BeginTransaction(deferred: false) : null;
        var tx = open ?? own!;
        using var get = connection.CreateCommand();
        get.Transaction = tx;
        int version;
        if (prefix.Length == 0)
        {
            get.CommandText = "PRAGMA user_version";
            version = Convert.ToInt32(get.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        else
        {
            get.CommandText = $"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{prefix}meta'";
            get.CommandText = get.ExecuteScalar() is null ? "SELECT 0" : $"SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM {prefix}meta WHERE key = 'schema'), 0)";
            version = Convert.ToInt32(get.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        for (var step = version; step < steps.Length; step++)
        {
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = steps[step] + (prefix.Length == 0
                ? $"; PRAGMA user_version = {step + 1};"
                : $"; INSERT INTO {prefix}meta (key, value) VALUES ('schema', '{step + 1}') ON CONFLICT(key) DO UPDATE SET value = excluded.value;");
            cmd.ExecuteNonQuery();
        }
        own?.Commit();
    }

    private static string LoadOrCreateDeviceId(SqliteConnection connection) => LoadOrCreateDeviceId(connection, "", "device_id");

    /// <summary>The device id kept under a key of the (prefixed) meta table, made the first time.</summary>
    internal static string LoadOrCreateDeviceId(SqliteConnection connection, string prefix, string key, SqliteTransaction? open = null)
    {
        using var own = open is null ? connection.BeginTransaction() : null;
        var tx = open ?? own!;
        using var get = connection.CreateCommand();
        get.Transaction = tx;
        get.CommandText = $"SELECT value FROM {prefix}meta WHERE key = $k";
        get.Parameters.AddWithValue("$k", key);
        if (get.ExecuteScalar() is string existing) return existing;
        // Servers key per-device state (anchors, maps, configurations) on it: made once, never changed.
        var id = "concord-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        using var put = connection.CreateCommand();
        put.Transaction = tx;
        put.CommandText = $"INSERT INTO {prefix}meta (key, value) VALUES ($k, $v)";
        put.Parameters.AddWithValue("$k", key);
        put.Parameters.AddWithValue("$v", id);
        put.ExecuteNonQuery();
        own?.Commit();
        return id;
    }
}
