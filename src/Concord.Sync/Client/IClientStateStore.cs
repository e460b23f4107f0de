namespace Concord.Sync.Client;

/// <summary>
/// The state a sync client keeps beside one local collection: its device id, and per peer the anchors, the ID map,
/// the versions of items the peer confirmed, the MD5 nonce, and the redo log of local writes. One unit per message
/// changes it all at once.
/// </summary>
public interface IClientStateStore
{
    /// <summary>The device id generated for this collection the first time and kept ever after.</summary>
    string DeviceId { get; }

    /// <summary>Starts a transaction; disposing it without <see cref="IClientStateUnit.Commit"/> changes nothing.</summary>
    IClientStateUnit Begin();
}
