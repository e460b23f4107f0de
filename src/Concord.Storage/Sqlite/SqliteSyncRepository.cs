using Concord.Storage.Migrations;
using Concord.Sync.State;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file (WAL mode) in the data folder. Each unit of work is a BEGIN IMMEDIATE
/// transaction, so messages of different sessions serialize their writes and each commits whole or not at all.
/// </summary>
public sealed class SqliteSyncRepository : ISyncRepository
{
    private readonly string _connectionString;

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
    public ISyncUnit Begin() => new SqliteSyncUnit(Open());
}
