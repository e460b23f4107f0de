using Microsoft.Data.Sqlite;

namespace Concord.Storage;

/// <summary>How Concord opens its SQLite files: pooled, created when missing, WAL, and the pragmas of each use.</summary>
internal static class SqliteFile
{
    /// <summary>The pragmas every connection gets: WAL, NORMAL sync (durable at each checkpoint), 30 s of waiting for a lock.</summary>
    public const string CommonPragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    /// <summary>A pooled, read-write-create connection string for a database file.</summary>
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Opens a connection and applies <see cref="CommonPragmas"/> and then <paramref name="pragmas"/>.</summary>
    public static SqliteConnection Open(string connectionString, string pragmas = "")
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = CommonPragmas + pragmas;
        cmd.ExecuteNonQuery();
        return connection;
    }
}
