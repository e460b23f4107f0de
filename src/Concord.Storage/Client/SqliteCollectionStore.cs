using Concord.Pim.Matching;
using Concord.Storage.Sqlite;
using Concord.Sync;
using Concord.Sync.Client;
using Concord.Sync.State;
using Concord.Sync.Stores;

namespace Concord.Storage.Client;

/// <summary>
/// One account's collection (contacts, calendar, tasks, notes) in Concord's own SQLite database, the one
/// <c>concord serve</c> keeps, as the local side of a sync client: the portal that syncs its users' data with
/// another SyncML server. The client's state (anchors, ID maps, confirmed versions, nonces) lives in the same
/// database in tables named <c>client_*</c>, so each message's local writes commit in one transaction with it.
/// </summary>
/// <remarks>
/// An item's id is its server GUID and its version the account's change sequence number of its last change, so
/// changes made by the server's own devices between two syncs are found. Writes go through the server's change log
/// (changed by <see cref="ChangedBy"/>), so the server's devices receive what this client brings in, and deletes
/// leave the server's tombstones. The store is both <see cref="IDataStore"/> and <see cref="IClientStateStore"/>:
/// while a unit from <see cref="Begin"/> is open, every read and write of the store happens in its transaction.
/// </remarks>
public sealed class SqliteCollectionStore : IDataStore, IClientStateStore
{
    /// <summary>The change log's name for writes of this client (never a device id, so every device gets them).</summary>
    public const string ChangedBy = "concord-sync";

    private const string TablePrefix = "client_";

    private readonly SqliteSyncRepository _repository;
    private readonly long _userId;
    private readonly string _storeName;

    // The unit of the open state transaction; store calls join it. Null between units.
    private SqliteSyncUnit? _active;

    // Contents read by the last List, by id with the version they had: handed to Read once, then dropped.
    private readonly Dictionary<string, StoredItem> _listed = new(StringComparer.Ordinal);

    /// <summary>Opens the collection of a kind of an account in a database (created and migrated when needed).</summary>
    /// <param name="databasePath">The database file, e.g. <c>concord-data/concord.db</c>.</param>
    /// <param name="user">The account, which must exist (<c>concord user add</c>).</param>
    /// <param name="kind">What the collection holds.</param>
    /// <exception cref="InvalidOperationException">The database has no such account.</exception>
    public SqliteCollectionStore(string databasePath, string user, StoreKind kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        ArgumentException.ThrowIfNullOrEmpty(user);
        _repository = new SqliteSyncRepository(Path.GetFullPath(databasePath));
        Kind = kind;
        User = user;
        _storeName = kind.CanonicalName();
        using var unit = (SqliteSyncUnit)_repository.Begin();
        _userId = unit.FindUser(user)?.Id ?? throw new InvalidOperationException(
            $"There is no account '{user}' in {_repository.DatabasePath}; add it first with: concord user add {user} --data {Path.GetDirectoryName(_repository.DatabasePath)}");
        SqliteClientState.Migrate(unit.Connection, TablePrefix, unit.Transaction!);
        DeviceId = SqliteClientState.LoadOrCreateDeviceId(unit.Connection, TablePrefix, $"device_id {user}/{_storeName}", unit.Transaction!);
        unit.Commit();
    }

    /// <summary>The account whose collection this is.</summary>
    public string User { get; }

    /// <summary>The database file.</summary>
    public string DatabasePath => _repository.DatabasePath;

    /// <inheritdoc />
    public StoreKind Kind { get; }

    /// <inheritdoc />
    public string Name => $"{DatabasePath}#{User}/{_storeName}";

    /// <inheritdoc />
    public IReadOnlyList<ContentTypeInfo> ContentTypes => FolderDataStore.ContentTypesOf(Kind);

    /// <inheritdoc />
    public string DeviceId { get; }

    /// <inheritdoc />
    /// <remarks>Until the unit is disposed, the store's reads and writes happen in its transaction.</remarks>
    public IClientStateUnit Begin()
    {
        if (_active is not null) throw new InvalidOperationException("A unit of this collection is open already; commit or dispose it first.");
        var sync = (SqliteSyncUnit)_repository.Begin();
        _active = sync;
        return new SqliteClientStateUnit(sync.Connection, sync.Transaction!, TablePrefix, new EndUnit(this, sync));
    }

    /// <inheritdoc />
    public IEnumerable<ItemVersion> List()
    {
        _listed.Clear();
        var items = Within(unit => unit.AllItems(_userId, _storeName).ToList());
        foreach (var item in items)
        {
            _listed[item.Guid] = item;
            yield return new ItemVersion(item.Guid, VersionOf(item.Sequence));
        }
    }

    /// <inheritdoc />
    public StoreItem? Read(string id)
    {
        var item = _listed.Remove(id, out var listed) ? listed : Within(unit => unit.GetItem(_userId, _storeName, id));
        if (item is null || item.Deleted || item.Content is null) return null;
        return new StoreItem(id, item.Content, item.ContentType ?? FolderDataStore.TypeOf(Kind, item.Content));
    }

    /// <inheritdoc />
    /// <remarks>A new GUID, as the server gives its own items.</remarks>
    public string NewId(string content, string contentType, IReadOnlySet<string> reserved) => Guid.NewGuid().ToString("N");

    /// <inheritdoc />
    public ItemVersion Write(string id, string content, string contentType)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(content);
        var key = MatchKeys.For(content);
        var stored = Within(unit => unit.PutItem(_userId, _storeName, id,
            new ItemContent(content, contentType, key.Primary, key.Secondary, key.DetailsText), ChangedBy));
        _listed.Remove(id);
        return new ItemVersion(id, VersionOf(stored.Sequence));
    }

    /// <inheritdoc />
    public void Delete(string id)
    {
        Within(unit =>
        {
            if (unit.GetItem(_userId, _storeName, id) is { Deleted: false }) unit.DeleteItem(_userId, _storeName, id, ChangedBy);
            return 0;
        });
        _listed.Remove(id);
    }

    private static string VersionOf(long sequence) => sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs in the open unit, else in a transaction of its own that commits.</summary>
    private T Within<T>(Func<SqliteSyncUnit, T> work)
    {
        if (_active is not null) return work(_active);
        using var unit = (SqliteSyncUnit)_repository.Begin();
        var result = work(unit);
        unit.Commit();
        return result;
    }

    private sealed class EndUnit(SqliteCollectionStore store, SqliteSyncUnit unit) : IDisposable
    {
        public void Dispose()
        {
            store._active = null;
            unit.Dispose();
        }
    }
}
