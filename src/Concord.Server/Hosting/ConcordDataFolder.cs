using Concord.Storage.Accounts;
using Concord.Storage.Sqlite;

namespace Concord.Server.Hosting;

/// <summary>
/// The data folder of a Concord server: <c>concord.db</c> (SQLite) and <c>secret.key</c> (the key sealing MD5
/// secrets, owner-only). Opening it creates and migrates what is missing; disposing it closes the database
/// connections it keeps open.
/// </summary>
public sealed class ConcordDataFolder : IDisposable
{
    private ConcordDataFolder(string path, SqliteSyncRepository repository, SecretBox box)
    {
        Path = path;
        Repository = repository;
        Box = box;
        Accounts = new AccountStore(repository, box);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>The sync state store.</summary>
    public SqliteSyncRepository Repository { get; }

    /// <summary>The box sealing MD5 secrets.</summary>
    public SecretBox Box { get; }

    /// <summary>The user accounts.</summary>
    public AccountStore Accounts { get; }

    /// <summary>Closes the database connections kept open (the last one to close checkpoints the WAL into the file).</summary>
    public void Dispose() => Repository.Dispose();

    /// <summary>Opens (creating when missing) a data folder.</summary>
    public static ConcordDataFolder Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(full))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(full);
            else Directory.CreateDirectory(full, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var repository = new SqliteSyncRepository(System.IO.Path.Combine(full, "concord.db"));
        var box = SecretBox.OpenOrCreate(System.IO.Path.Combine(full, "secret.key"));
        return new ConcordDataFolder(full, repository, box);
    }
}
