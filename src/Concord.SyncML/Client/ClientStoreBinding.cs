using Concord.Sync;
using Concord.Sync.Client;
using Concord.Sync.Stores;

namespace Concord.SyncML.Client;

/// <summary>One store of a client session: the local collection, the state kept beside it, the remote store and the mode.</summary>
/// <param name="Store">The local collection.</param>
/// <param name="State">The client state kept beside it (anchors, maps, confirmed versions).</param>
/// <param name="RemoteUri">The server's name for the store: <c>./contacts</c>, <c>addressbook</c>, <c>calendar</c>...</param>
/// <param name="Mode">The sync type to ask for; the server may answer with another (a slow sync when anchors differ).</param>
/// <param name="LocalUri">The client's name for the store (Source LocURI); null names it after the store kind.</param>
public sealed record ClientStoreBinding(IDataStore Store, IClientStateStore State, string RemoteUri, SyncType Mode, string? LocalUri = null);
