using Concord.Storage.Client;
using Concord.Sync;
using Concord.SyncML.Client;

namespace Concord.Client.Tests.Support;

/// <summary>A local collection for a test: a folder of item files with its client state beside it.</summary>
internal sealed class LocalFolder : IDisposable
{
    public LocalFolder(StoreKind kind = StoreKind.Contacts, string? path = null)
    {
        Path = path ?? TempFolder.Create("concord-client-local-");
        Store = new FolderDataStore(Path, kind);
        State = SqliteClientState.ForFolder(Path);
    }

    public string Path { get; }

    public FolderDataStore Store { get; }

    public SqliteClientState State { get; }

    public ClientStoreBinding Bind(SyncType mode, string remote = "./contacts") => new(Store, State, remote, mode);

    public void Write(string name, string content) => File.WriteAllText(System.IO.Path.Combine(Path, name), content);

    public void Delete(string name) => File.Delete(System.IO.Path.Combine(Path, name));

    /// <summary>Every item file: name to content.</summary>
    public SortedDictionary<string, string> Items()
    {
        var items = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in Store.List()) items[v.Id] = Store.Read(v.Id)!.Content;
        return items;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempFolder.Delete(Path);
    }
}
