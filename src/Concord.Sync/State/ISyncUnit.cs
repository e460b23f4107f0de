namespace Concord.Sync.State;

/// <summary>One transaction over the sync state. Disposing without <see cref="Commit"/> rolls everything back.</summary>
public interface ISyncUnit : IDisposable
{
    /// <summary>Makes every change of this unit durable.</summary>
    void Commit();

    /// <summary>Marks a point the unit can roll back to (Atomic, RepPro §6.6.3).</summary>
    void Savepoint(string name);

    /// <summary>Undoes everything since the savepoint, which stays set.</summary>
    void RollbackTo(string name);

    /// <summary>Forgets a savepoint, keeping what was done since.</summary>
    void Release(string name);

    // accounts

    /// <summary>The user with this name, or null.</summary>
    UserRecord? FindUser(string name);

    /// <summary>The MD5 nonce the server last gave this device, or null.</summary>
    string? GetNonce(long userId, string deviceId);

    /// <summary>Stores the nonce the device must use next.</summary>
    void SetNonce(long userId, string deviceId, string nonce);

    /// <summary>The device information a device last sent (its DevInf document, as XML), or null.</summary>
    string? GetDeviceInfo(long userId, string deviceId);

    /// <summary>Stores the device information a device sent (its DevInf document, as XML).</summary>
    void SaveDeviceInfo(long userId, string deviceId, string devInfXml);

    // session state

    /// <summary>The session with this key, or null.</summary>
    SessionRecord? LoadSession(string key);

    /// <summary>The live session of a device with the client's session id, or null.</summary>
    SessionRecord? FindSession(string deviceId, string clientSessionId);

    /// <summary>Every session of a device still kept, newest first.</summary>
    IReadOnlyList<SessionRecord> SessionsOfDevice(string deviceId);

    /// <summary>The last answer a session gave, or null.</summary>
    byte[]? LastResponse(string key);

    /// <summary>Inserts or updates a session.</summary>
    void SaveSession(SessionRecord session);

    /// <summary>Removes a session and everything it keeps per item.</summary>
    void DeleteSession(string key);

    /// <summary>Keys of sessions idle since before the cutoff.</summary>
    IReadOnlyList<string> ExpiredSessions(DateTimeOffset idleSince);

    // per device and store

    /// <summary>The anchors and change position of a device's store, or null before its first sync.</summary>
    StoreState? LoadStoreState(long userId, string deviceId, string store);

    /// <summary>Stores the anchors and change position of a device's store.</summary>
    void SaveStoreState(StoreState state);

    /// <summary>Forgets a device's store state (refresh, or a mismatch).</summary>
    void DeleteStoreState(long userId, string deviceId, string store);

    /// <summary>The server id mapped to a client LUID, or null.</summary>
    string? FindGuid(long userId, string deviceId, string store, string luid);

    /// <summary>The client LUID mapped to a server id, or null.</summary>
    string? FindLuid(long userId, string deviceId, string store, string guid);

    /// <summary>
    /// Maps a LUID to a server id, replacing any earlier mapping of either; stamps it with the session. Only an item
    /// the store holds (live or deleted) is mapped: false when there is none.
    /// </summary>
    bool SetMap(long userId, string deviceId, string store, string luid, string guid, string sessionKey);

    /// <summary>The session that last confirmed the mapping of a server id, or null when it is not mapped.</summary>
    string? MapSession(long userId, string deviceId, string store, string guid);

    /// <summary>Removes the mapping of a server id.</summary>
    void RemoveMapByGuid(long userId, string deviceId, string store, string guid);

    /// <summary>Removes every mapping of a device's store.</summary>
    void ClearMap(long userId, string deviceId, string store);

    /// <summary>Removes the mappings not stamped with this session, returning their server ids.</summary>
    IReadOnlyList<string> RemoveMapsNotInSession(long userId, string deviceId, string store, string sessionKey);

    // items and change log

    /// <summary>The highest change sequence number of the user so far.</summary>
    long CurrentSequence(long userId);

    /// <summary>An item by server id, deleted ones included, or null.</summary>
    StoredItem? GetItem(long userId, string store, string guid);

    /// <summary>Whether an item with this server id exists (deleted ones included).</summary>
    bool ItemExists(long userId, string store, string guid);

    /// <summary>Live items whose match keys equal either key given: their keys only, no content.</summary>
    IReadOnlyList<MatchCandidate> FindCandidates(long userId, string store, string key, string? key2);

    /// <summary>Stores a new item or a new version of one (taking the next sequence number).</summary>
    StoredItem PutItem(long userId, string store, string guid, ItemContent content, string changedBy);

    /// <summary>Marks an item deleted, keeping a tombstone for the change log.</summary>
    void DeleteItem(long userId, string store, string guid, string changedBy);

    /// <summary>The version of an item a device last sent or received (the base of a three-way merge), or null.</summary>
    string? GetBase(long userId, string deviceId, string store, string guid);

    /// <summary>Records the version of an item a device now has.</summary>
    void SetBase(long userId, string deviceId, string store, string guid, string content);

    /// <summary>Forgets a device's base of an item (deleted there).</summary>
    void RemoveBase(long userId, string deviceId, string store, string guid);

    /// <summary>
    /// Records what a session is sending a device, to become the device's base once it confirms the change
    /// (<see cref="ConfirmBase"/>); null content stands for a delete.
    /// </summary>
    void StageBase(string sessionKey, long userId, string deviceId, string store, string guid, string? content);

    /// <summary>The device confirmed a change sent in this session: what was staged for it becomes its base.</summary>
    void ConfirmBase(string sessionKey, string store, string guid);

    /// <summary>Forgets what a session staged and its device never confirmed.</summary>
    void DiscardStagedBases(string sessionKey);

    /// <summary>The server changes a device's store did not confirm, each with the device's mapping: to send again.</summary>
    IReadOnlyList<MappedHeader> PendingHeaders(long userId, string deviceId, string store);

    /// <summary>Replaces the changes kept pending for a device's store with those of the session just completed.</summary>
    void SetPending(long userId, string deviceId, string store, IReadOnlyCollection<PendingChange> changes);

    /// <summary>How many sessions in a row a device's store has not confirmed a change; 0 when it is not pending.</summary>
    int PendingAttempts(long userId, string deviceId, string store, string guid);

    /// <summary>Every item of a store, tombstones included, whose calendar UID is this one (one indexed lookup).</summary>
    IReadOnlyList<StoredItem> ItemsWithUid(long userId, string store, string uid);

    /// <summary>Keeps a version that lost a conflict, or was replaced, in the item's history.</summary>
    void AddHistory(long userId, string store, string guid, string content, string reason);

    /// <summary>How many versions the history keeps for an item.</summary>
    int CountHistory(long userId, string store, string guid);

    /// <summary>
    /// Headers (no content) of items changed after a sequence number up to another, not last changed by the device,
    /// each with the device's mapping of it.
    /// </summary>
    IReadOnlyList<MappedHeader> ChangedHeaders(long userId, string deviceId, string store, long afterSeq, long uptoSeq);

    /// <summary>Headers (no content) of every live item of a store, each with the device's mapping of it.</summary>
    IReadOnlyList<MappedHeader> LiveHeaders(long userId, string deviceId, string store);

    /// <summary>
    /// The next live items of a store, with content, in change-log order: at most max of those whose sequence number is
    /// after one and up to another, each with the device's mapping of it. A slow sync reads the store this way, batch
    /// by batch, instead of queueing every item. The items come without their match keys (empty).
    /// </summary>
    IReadOnlyList<MappedItem> LiveItemsBetween(long userId, string deviceId, string store, long afterSeq, long uptoSeq, int max);

    /// <summary>Every live item of a store, in server id order.</summary>
    IEnumerable<StoredItem> AllItems(long userId, string store);

    // the outbox: server changes queued for the client in a session

    /// <summary>Queues server changes for a session.</summary>
    void Enqueue(string sessionKey, IEnumerable<OutboxEntry> entries);

    /// <summary>The next queued changes, oldest first.</summary>
    IReadOnlyList<OutboxEntry> PeekOutbox(string sessionKey, int max);

    /// <summary>Removes a queued change once sent.</summary>
    void Dequeue(string sessionKey, long position);

    /// <summary>Removes every queued change up to a position (those sent in one message).</summary>
    void DequeueThrough(string sessionKey, long position);

    /// <summary>How many changes are still queued.</summary>
    int OutboxCount(string sessionKey);
}
