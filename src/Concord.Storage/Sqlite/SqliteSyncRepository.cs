using System.Collections.Concurrent;
using Concord.Storage.Migrations;
using Concord.Sync.State;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file (WAL mode) in the data folder. Each unit of work is a BEGIN IMMEDIATE
/// transaction, so messages of different sessions serialize their writes and each commits whole or not at all.
/// </summary>
/// <remarks>
/// Units run on connections this repository keeps open, each with the statements prepared on it: preparing the
/// same twenty statements again for every message (and setting a new connection's pragmas) was a tenth of the
/// server's CPU. The most recently used connection is taken first, so one session's messages find its pages in the
/// cache. <see cref="Dispose"/> closes the idle ones.
/// </remarks>
public sealed class SqliteSyncRepository : ISyncRepository, IDisposable
{
    private const int MaxIdle = 4;
    private readonly string _connectionString;
    private readonly ConcurrentStack<PreparedConnection> _idle = new();
    private bool _disposed;

    /// <summary>Opens (creating and migrating when needed) the database at a path.</summary>
    public SqliteSyncRepository(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        DatabasePath = databasePath;
        _connectionString = SqliteFile.ConnectionString(databasePath);
        using var connection = Open();
        Migrate(connection);
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    // A slow sync touches every item and map row of a store: with SQLite's default 2 MB page cache each page came in
    // again by a read system call (a quarter of a session's CPU in the kernel). Pooled connections keep their cache,
    // so a larger one (64 MB) and memory-mapped reads pay once.
    internal SqliteConnection Open() =>
        SqliteFile.Open(_connectionString, " PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;");

    private static void Migrate(SqliteConnection connection)
    {
        using var get = connection.CreateCommand();
        get.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt32(get.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        for (var step = version; step < SqliteMigrations.Steps.Length; step++)
        {
            using var tx = connection.BeginTransaction();
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = SqliteMigrations.Steps[step] + $"; PRAGMA user_version = {step + 1};";
            cmd.ExecuteNonQuery();
            tx.Commit();
        }
    }

    /// <inheritdoc />
    public ISyncUnit Begin() => new SqliteSyncUnit(_idle.TryPop(out var kept) ? kept : new PreparedConnection(Open()), Return);

    // A connection whose unit ended cleanly (committed or rolled back) is kept for the next; one that failed is closed.
    private void Return(PreparedConnection connection, bool clean)
    {
        if (clean && !_disposed && _idle.Count < MaxIdle)
        {
            _idle.Push(connection);
            if (_disposed) Dispose();   // disposed meanwhile
            return;
        }
        connection.Dispose();
    }

    /// <summary>Closes the connections kept for later units; units still running close theirs when they end.</summary>
    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryPop(out var connection)) connection.Dispose();
    }
}

/// <summary>An open connection and the statements prepared on it, kept together between units.</summary>
internal sealed class PreparedConnection(SqliteConnection connection) : IDisposable
{
    public SqliteConnection Connection { get; } = connection;

    public Dictionary<string, SqliteCommand> Statements { get; } = new(StringComparer.Ordinal);

    public void Dispose()
    {
        foreach (var cmd in Statements.Values) cmd.Dispose();
        Statements.Clear();
        Connection.Dispose();
    }
}
