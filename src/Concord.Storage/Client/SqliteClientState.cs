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

    private static readonly string[] Steps =
    [
        // 1: everything a client keeps per collection
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE anchors (peer TEXT PRIMARY KEY, client_last TEXT NOT NULL, server_last TEXT);
        CREATE TABLE nonces (server TEXT PRIMARY KEY, nonce TEXT NOT NULL);
        CREATE TABLE confirmed (peer TEXT NOT NULL, id TEXT NOT NULL, version TEXT NOT NULL, PRIMARY KEY (peer, id)) WITHOUT ROWID;
        CREATE TABLE id_map (peer TEXT NOT NULL, local_id TEXT NOT NULL, remote_id TEXT NOT NULL, confirmed INTEGER NOT NULL,
            PRIMARY KEY (peer, local_id)) WITHOUT ROWID;
        CREATE UNIQUE INDEX id_map_remote ON id_map(peer, remote_id);
        CREATE TABLE pending_writes (seq INTEGER PRIMARY KEY AUTOINCREMENT, peer TEXT NOT NULL, id TEXT NOT NULL,
            kind INTEGER NOT NULL, content TEXT, content_type TEXT);
        """,
        // 2: sessions that broke off, to resume (OMA DS 1.2 Protocol §6.13)
        """
        CREATE TABLE interrupted (peer TEXT PRIMARY KEY, sync_type INTEGER NOT NULL);
        """,
    ];

    private readonly string _connectionString;

    private SqliteClientState(string databasePath)
    {
        DatabasePath = databasePath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
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

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
        cmd.ExecuteNonQuery();
        return connection;
    }

    private static void Migrate(SqliteConnection connection)
    {
        using var get = connection.CreateCommand();
        get.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt32(get.ExecuteScalar(), CultureInfo.InvariantCulture);
        for (var step = version; step < Steps.Length; step++)
        {
            using var tx = connection.BeginTransaction();
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = Steps[step] + $"; PRAGMA user_version = {step + 1};";
            cmd.ExecuteNonQuery();
            tx.Commit();
        }
    }

    private static string LoadOrCreateDeviceId(SqliteConnection connection)
    {
        using var tx = connection.BeginTransaction();
        using var get = connection.CreateCommand();
        get.Transaction = tx;
        get.CommandText = "SELECT value FROM meta WHERE key = 'device_id'";
        if (get.ExecuteScalar() is string existing) return existing;
        // Servers key per-device state (anchors, maps, configurations) on it: made once, never changed.
        var id = "concord-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        using var put = connection.CreateCommand();
        put.Transaction = tx;
        put.CommandText = "INSERT INTO meta (key, value) VALUES ('device_id', $v)";
        put.Parameters.AddWithValue("$v", id);
        put.ExecuteNonQuery();
        tx.Commit();
        return id;
    }
}
