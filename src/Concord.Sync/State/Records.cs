namespace Concord.Sync.State;

/// <summary>A user account: the password as a salted slow hash, and the MD5 secret sealed at rest.</summary>
public sealed record UserRecord(long Id, string Name, string PasswordHash, byte[]? SealedSecret);

/// <summary>
/// A SyncML session, whole: its state as a document the session engine owns, and the last answer it gave so a
/// repeated message gets the same answer. A record read back carries no answer (LastResponse null): the answer is
/// as large as a message and needed only for a repeat, so it is read on its own (<see cref="ISyncUnit.LastResponse"/>).
/// </summary>
public sealed record SessionRecord(
    string Key, string DeviceId, string ClientSessionId, long? UserId, string State,
    string? LastRequestHash, byte[]? LastResponse, string? LastResponseType, DateTimeOffset UpdatedAt);

/// <summary>The anchors and change position of one store of one device after its last successful sync.</summary>
/// <param name="ClientAnchor">The client's Next anchor of the last completed session.</param>
/// <param name="ServerAnchor">The anchor the server gave (its change sequence then).</param>
/// <param name="ServerSequence">Changes up to this sequence number are on the device.</param>
public sealed record StoreState(long UserId, string DeviceId, string Store, string ClientAnchor, string ServerAnchor, long ServerSequence);

/// <summary>An item's content as stored: what the client sent, its type and its match keys.</summary>
public sealed record ItemContent(string Content, string? ContentType, string MatchKey, string? MatchKey2, string MatchDetails);

/// <summary>An item as stored, with its place in the change log.</summary>
/// <param name="Uid">A calendar item's UID (kept on its tombstone), or null.</param>
/// <param name="RecurrenceId">A detached recurrence exception's RECURRENCE-ID as its match key has it, or null.</param>
public sealed record StoredItem(string Guid, string? Content, string? ContentType, long Sequence, string ChangedBy, bool Deleted,
    string MatchKey, string? MatchKey2, string MatchDetails, string? Uid = null, string? RecurrenceId = null);

/// <summary>A server change queued for a client within a session.</summary>
/// <param name="Position">Order in the queue (assigned by the repository).</param>
/// <param name="StoreIndex">Which of the session's stores.</param>
/// <param name="Kind">Add, Replace or Delete.</param>
/// <param name="Guid">The server id.</param>
public sealed record OutboxEntry(long Position, int StoreIndex, ChangeKind Kind, string Guid);

/// <summary>An item's change-log header with one device's mapping of it (null when the device does not have it).</summary>
/// <param name="Uid">A calendar item's UID (kept on its tombstone), or null.</param>
/// <param name="RecurrenceId">Set when the item is a detached recurrence exception.</param>
public sealed record MappedHeader(string Guid, long Sequence, string ChangedBy, bool Deleted, string? Luid, string? MapSession,
    string? Uid = null, string? RecurrenceId = null);

/// <summary>A live item with one device's mapping of it (null when the device does not have it).</summary>
public sealed record MappedItem(StoredItem Item, string? Luid, string? MapSession);

/// <summary>
/// A server change a device did not confirm: it answered a failure the server retries, or no status at all. It is
/// sent again, in its newest version, in the device's next session.
/// </summary>
/// <param name="Guid">The server id.</param>
/// <param name="Status">The device's status code, or 0 when none came.</param>
public sealed record PendingChange(string Guid, int Status);

/// <summary>An item that may be the same as an incoming one: its match keys, without its content.</summary>
public sealed record MatchCandidate(string Guid, string MatchKey, string? MatchKey2, string MatchDetails);
