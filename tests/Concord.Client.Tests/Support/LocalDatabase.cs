using Concord.Server.Hosting;
using Concord.Storage.Client;
using Concord.Sync;
using Concord.SyncML.Client;
using Microsoft.Data.Sqlite;

namespace Concord.Client.Tests.Support;

/// <summary>A throwaway Concord data folder with account alice, whose contacts are the local side of a client.</summary>
internal sealed class LocalDatabase : IDisposable
{
    public LocalDatabase()
    {
        Data = ConcordDataFolder.Open(TempFolder.Create("concord-client-db-"));
        Data.Accounts.Add("alice", "alice-secret");
        Store = new SqliteCollectionStore(DatabasePath, "alice", StoreKind.Contacts);
    }

    public ConcordDataFolder Data { get; }

    public string DatabasePath => Data.Repository.DatabasePath;

    public SqliteCollectionStore Store { get; }

    public ClientStoreBinding Bind(SyncType mode, string remote = "./contacts") => new(Store, Store, remote, mode);

    /// <summary>The live contents of alice's contacts.</summary>
    public List<string> Items() => Store.List().ToList().Select(v => Store.Read(v.Id)!.Content).ToList();

    /// <summary>Adds or replaces an item between two syncs, as anything else writing alice's contacts would.</summary>
    public string Put(string content, string? id = null)
    {
        id ??= Guid.NewGuid().ToString("N");
        Store.Write(id, content, "text/vcard");
        return id;
    }

    /// <summary>A number from the client's tables (its state in the same database).</summary>
    public long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    public void Dispose()
    {
        Data.Dispose();
        SqliteConnection.ClearAllPools();
        TempFolder.Delete(Data.Path);
    }
}
