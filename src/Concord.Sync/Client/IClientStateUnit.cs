namespace Concord.Sync.Client;

/// <summary>One transaction over a client's state. Disposing without <see cref="Commit"/> rolls everything back.</summary>
/// <remarks>A peer is named by a key the client builds (server, account, remote store, device id).</remarks>
public interface IClientStateUnit : IDisposable
{
    /// <summary>Makes every change of this unit durable.</summary>
    void Commit();

    /// <summary>The anchors of the last completed sync with a peer, or null when there was none.</summary>
    ClientAnchors? LoadAnchors(string peer);

    /// <summary>Stores the anchors of a completed sync.</summary>
    void SaveAnchors(string peer, ClientAnchors anchors);

    /// <summary>Forgets the anchors of a peer: the next sync with it is a slow sync.</summary>
    void ForgetAnchors(string peer);

    /// <summary>The sync type of a session with the peer that broke off after it started, or null.</summary>
    SyncType? LoadInterrupted(string peer);

    /// <summary>Records the sync type of a session that broke off (OMA DS 1.2 §6.13: the next one asks to resume it); null clears it.</summary>
    void SaveInterrupted(string peer, SyncType? type);

    /// <summary>The MD5 nonce a server gave for the next session of this account and device, or null.</summary>
    string? GetNonce(string server);

    /// <summary>Stores the nonce to use next.</summary>
    void SetNonce(string server, string nonce);

    /// <summary>Every item version the peer confirmed: item id to version.</summary>
    IReadOnlyDictionary<string, string> ConfirmedVersions(string peer);

    /// <summary>Records the version of an item the peer now has.</summary>
    void SetConfirmed(string peer, string id, string version);

    /// <summary>Forgets an item the peer no longer has.</summary>
    void RemoveConfirmed(string peer, string id);

    /// <summary>The local id mapped to a peer's id, or null.</summary>
    string? FindLocalId(string peer, string remoteId);

    /// <summary>The peer's id mapped to a local id, or null.</summary>
    string? FindRemoteId(string peer, string localId);

    /// <summary>Maps a local id to the peer's id, replacing any earlier mapping of either.</summary>
    /// <param name="confirmed">The peer already knows the mapping (false until a Map carrying it is answered).</param>
    void SetMap(string peer, string localId, string remoteId, bool confirmed);

    /// <summary>Removes the mapping of a local id.</summary>
    void RemoveMap(string peer, string localId);

    /// <summary>Mappings the peer has not confirmed yet: (peer's id, local id).</summary>
    IReadOnlyList<(string RemoteId, string LocalId)> UnconfirmedMaps(string peer);

    /// <summary>Marks mappings as known to the peer.</summary>
    void ConfirmMaps(string peer, IEnumerable<string> localIds);

    /// <summary>Records a local write to apply once this unit commits.</summary>
    /// <returns>The write's sequence number.</returns>
    long AddPendingWrite(PendingWrite write);

    /// <summary>Writes recorded and not yet applied, in order.</summary>
    IReadOnlyList<PendingWrite> PendingWrites();

    /// <summary>Forgets a write once it is applied.</summary>
    void RemovePendingWrite(long sequence);
}
