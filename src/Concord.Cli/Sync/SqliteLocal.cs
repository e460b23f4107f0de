using Concord.Storage.Client;
using Concord.Sync;
using Concord.SyncML.Client;

namespace Concord.Cli.Sync;

/// <summary>
/// The local side <c>sqlite:DB#USER[/STORE]</c>: a collection of an account in Concord's own SQLite database (the
/// <c>concord.db</c> of <c>concord serve</c>, or its data folder). Any other LOCAL is a folder path.
/// </summary>
internal static class SqliteLocal
{
    public const string Prefix = "sqlite:";

    /// <summary>The database a data folder keeps.</summary>
    private const string DatabaseName = "concord.db";

    public static bool Is(string local) => local.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Splits <c>sqlite:DB#USER[/STORE]</c> (at the last '#').</summary>
    /// <exception cref="InvalidOperationException">It is not of that form.</exception>
    public static (string Database, string User, string? Store) Parse(string local)
    {
        var body = local[Prefix.Length..];
        var hash = body.LastIndexOf('#');
        var slash = hash < 0 ? -1 : body.IndexOf('/', hash);
        var user = hash < 0 ? "" : slash < 0 ? body[(hash + 1)..] : body[(hash + 1)..slash];
        var store = slash < 0 ? null : body[(slash + 1)..];
        if (hash <= 0 || user.Length == 0 || store is { Length: 0 })
        {
            throw new InvalidOperationException($"--store '{local}=...' is not {Prefix}DB#USER or {Prefix}DB#USER/STORE (a database or data folder, '#', an account, e.g. {Prefix}concord-data#bob/contacts).");
        }
        if (store is not null && StoreCatalog.Resolve(store) is null)
        {
            throw new InvalidOperationException($"'{store}' in --store '{local}' is not a store name (contacts, calendar, tasks, notes).");
        }
        return (body[..hash], user, store);
    }

    /// <summary>The same spec with the database as a full path (a data folder becomes its database).</summary>
    public static string Normalize(string local, Func<string, string> fullPath)
    {
        var (database, user, store) = Parse(local);
        var path = fullPath(database);
        if (Directory.Exists(path)) path = Path.Combine(path, DatabaseName);
        return $"{Prefix}{path}#{user}" + (store is null ? "" : "/" + store);
    }

    /// <summary>Opens the collection; its kind is the STORE given, else the remote store's, else contacts.</summary>
    /// <exception cref="InvalidOperationException">The database has no such account, or no database is there.</exception>
    public static ClientStoreBinding Open(string local, string remote, SyncType mode)
    {
        var (database, user, store) = Parse(local);
        if (!File.Exists(database)) throw new InvalidOperationException($"There is no database {database} (start `concord serve` on its data folder once, or give the path of a concord.db).");
        var kind = (store is null ? null : StoreCatalog.Resolve(store)) ?? StoreCatalog.Resolve(remote) ?? StoreKind.Contacts;
        var collection = new SqliteCollectionStore(database, user, kind);
        return new ClientStoreBinding(collection, collection, remote, mode);
    }
}
