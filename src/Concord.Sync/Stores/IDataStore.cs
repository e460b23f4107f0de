namespace Concord.Sync.Stores;

/// <summary>
/// The data-store contract: one local collection a sync client keeps equal with a peer (a folder of files, a
/// collection in a database, the phonebook of a SIM card). Stores hold items and say what they hold; they do not
/// track peers, anchors or ID maps, which the client keeps beside them.
/// </summary>
/// <remarks>
/// Writes must be idempotent (<see cref="Write"/> of the same id and content twice leaves one item), because a
/// client that is cut off between recording a change and applying it applies it again when it starts next.
/// </remarks>
public interface IDataStore
{
    /// <summary>What the store holds.</summary>
    StoreKind Kind { get; }

    /// <summary>A name for messages and reports: the folder path, the card and file.</summary>
    string Name { get; }

    /// <summary>The content types the store's items come in, preferred first (what the client's DevInf announces).</summary>
    IReadOnlyList<ContentTypeInfo> ContentTypes { get; }

    /// <summary>
    /// The properties the store keeps of its preferred content type, for the CTCap of the client's DevInf; null when
    /// it keeps every property (a file keeps the whole item).
    /// </summary>
    IReadOnlyList<StoreProperty>? Properties => null;

    /// <summary>Every item's id and version, in no particular order.</summary>
    IEnumerable<ItemVersion> List();

    /// <summary>Reads an item.</summary>
    /// <returns>The item, or null when the store has no item with this id.</returns>
    StoreItem? Read(string id);

    /// <summary>Chooses an id for a new item that is not yet written: unused in the store and not in <paramref name="reserved"/>.</summary>
    string NewId(string content, string contentType, IReadOnlySet<string> reserved);

    /// <summary>Creates or replaces an item.</summary>
    /// <returns>The item's id and its new version.</returns>
    /// <exception cref="IOException">The store could not be written.</exception>
    ItemVersion Write(string id, string content, string contentType);

    /// <summary>Deletes an item; deleting one that does not exist is not an error.</summary>
    /// <exception cref="IOException">The store could not be written.</exception>
    void Delete(string id);
}
