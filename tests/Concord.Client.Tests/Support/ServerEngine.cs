using Concord.Server.Hosting;
using Concord.Storage.Accounts;
using Concord.Sync.State;
using Concord.SyncML.Server;
using Microsoft.Extensions.Logging.Abstractions;

namespace Concord.Client.Tests.Support;

/// <summary>The real server engine over a throwaway data folder with users bob (secret) and alice (wonder).</summary>
internal sealed class ServerEngine : IDisposable
{
    public ServerEngine(SyncMLServerOptions? options = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "concord-client-srv-" + Guid.NewGuid().ToString("N"));
        Data = ConcordDataFolder.Open(Folder);
        Data.Accounts.Add("bob", "secret");
        Data.Accounts.Add("alice", "wonder");
        Options = options ?? new SyncMLServerOptions();
        Server = new SyncMLServer(Data.Repository, new Verifier(Data.Box), Options, TimeProvider.System, NullLogger<SyncMLServer>.Instance);
    }

    public string Folder { get; }

    public ConcordDataFolder Data { get; }

    public SyncMLServerOptions Options { get; }

    public SyncMLServer Server { get; }

    /// <summary>The live items of a user's store on the server.</summary>
    public List<string> Items(string store, string user = "bob")
    {
        using var unit = Data.Repository.Begin();
        var id = unit.FindUser(user)!.Id;
        return unit.AllItems(id, store).Select(i => i.Content!).ToList();
    }

    public void Dispose()
    {
        Data.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempFolder.Delete(Folder);
    }

    /// <summary>Checks passwords against the account hashes, remembering the ones that verified (PBKDF2 is slow).</summary>
    private sealed class Verifier(SecretBox box) : ICredentialVerifier
    {
        private readonly HashSet<string> _ok = [];

        public bool VerifyPassword(UserRecord user, string password)
        {
            var key = user.Name + "\0" + user.PasswordHash + "\0" + password;
            lock (_ok)
            {
                if (_ok.Contains(key)) return true;
            }
            if (!AccountStore.VerifyHash(user.Name, user.PasswordHash, password)) return false;
            lock (_ok) _ok.Add(key);
            return true;
        }

        public string? RevealSecret(UserRecord user) => user.SealedSecret is null ? null : box.Open(user.SealedSecret);
    }
}
