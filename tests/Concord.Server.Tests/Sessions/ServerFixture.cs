using Concord.Server.Hosting;
using Concord.SyncML.Server;
using Microsoft.Extensions.Logging.Abstractions;

namespace Concord.Server.Tests.Sessions;

/// <summary>A server engine over a throwaway data folder with users bob and alice.</summary>
internal sealed class ServerFixture : IDisposable
{
    public ServerFixture(SyncMLServerOptions? options = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "concord-test-" + Guid.NewGuid().ToString("N"));
        Data = ConcordDataFolder.Open(Folder);
        Data.Accounts.Add("bob", "secret");
        Data.Accounts.Add("alice", "wonder");
        Options = options ?? new SyncMLServerOptions();
        Server = NewServer();
    }

    public string Folder { get; }
    public ConcordDataFolder Data { get; }
    public SyncMLServerOptions Options { get; }
    public SyncMLServer Server { get; private set; }
    public ManualTime Time { get; } = new();

    /// <summary>A fresh engine over the same database, as after a restart.</summary>
    public SyncMLServer NewServer() =>
        Server = new SyncMLServer(Data.Repository, new StoredCredentialVerifier(Data.Box, Time), Options, Time, NullLogger<SyncMLServer>.Instance);

    public ScriptedDevice Device(string id, string user = "bob", string password = "secret") => new(Server, id, user, password);

    public void Dispose()
    {
        Data.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
        }
    }
}
