using Concord.Sync;
using Concord.Sync.Client;
using Concord.Sync.Stores;

namespace Concord.SyncML.Client;

/// <summary>One store during one client session: what was asked, what the server said, what is left to send.</summary>
internal sealed class StoreRun(ClientStoreBinding binding, string localUri, string peer, StoreReport report, string nextAnchor)
{
    public ClientStoreBinding Binding { get; } = binding;

    public IDataStore Store => Binding.Store;

    public IClientStateStore State => Binding.State;

    /// <summary>The client's name for the store (Source LocURI of its Alert and Sync).</summary>
    public string LocalUri { get; } = localUri;

    /// <summary>The key of this store's relation with the server, for anchors, maps and confirmed versions.</summary>
    public string Peer { get; } = peer;

    public StoreReport Report { get; } = report;

    public string NextAnchor { get; set; } = nextAnchor;

    public ClientAnchors? Anchors { get; set; }

    /// <summary>The type of this store's last session when it broke off (SyncML 1.2 resumes it), else null.</summary>
    public SyncType? Interrupted { get; set; }

    /// <summary>The Alert asked to resume (225).</summary>
    public bool AskedResume { get; set; }

    /// <summary>The server resumed the interrupted session (status 200 to Alert 225).</summary>
    public bool Resumed { get; set; }

    /// <summary>The sync type the server runs (from its Alert); null until it said.</summary>
    public SyncType? Type { get; set; }

    public string? ServerNext { get; set; }

    public int? AlertStatus { get; set; }

    /// <summary>For stores that keep their own change log: the changes since the last confirmed sync.</summary>
    public IReadOnlyList<ItemChange>? ChangeLog { get; set; }

    /// <summary>The session listed the store (false: a change log said what changed, items are probed one by one).</summary>
    public bool Listed { get; set; } = true;

    /// <summary>Ids of an unlisted store already asked for (<see cref="Present"/> holds those that were there).</summary>
    public HashSet<string> Probed { get; } = new(StringComparer.Ordinal);

    /// <summary>The store's items when the session listed them: id to version.</summary>
    public Dictionary<string, string> LocalVersions { get; } = new(StringComparer.Ordinal);

    /// <summary>The versions the server had confirmed when the session started.</summary>
    public IReadOnlyDictionary<string, string> Confirmed { get; set; } = new Dictionary<string, string>();

    /// <summary>Ids whose version the server confirmed during this session.</summary>
    public HashSet<string> ConfirmedNow { get; } = new(StringComparer.Ordinal);

    /// <summary>Changes still to send in package 3.</summary>
    public Queue<ItemChange> Outgoing { get; } = new();

    public int ToSend { get; set; }

    public int Sent { get; set; }

    public int Received { get; set; }

    public int? Announced { get; set; }

    /// <summary>A large object being sent in chunks.</summary>
    public OutgoingChunk? Chunk { get; set; }

    /// <summary>A large object arriving in chunks.</summary>
    public IncomingChunk? Incoming { get; set; }

    /// <summary>Ids the local store holds as far as this session knows (its listing, plus writes, minus deletes).</summary>
    public HashSet<string> Present { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids the server wrote or kept this session (a refresh from server deletes the rest at its end).</summary>
    public HashSet<string> Touched { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids chosen for new items in the message being processed, not yet written.</summary>
    public HashSet<string> Reserved { get; } = new(StringComparer.Ordinal);

    /// <summary>The state unit of the message being processed.</summary>
    public IClientStateUnit? Unit { get; set; }

    /// <summary>Local writes recorded for the message being processed, with the status that answers each.</summary>
    public List<RecordedWrite> Writes { get; } = [];

    /// <summary>A Sync for this store went into package 3 already.</summary>
    public bool SyncSent { get; set; }

    /// <summary>Unconfirmed ID map entries still to send in package 5.</summary>
    public Queue<(string RemoteId, string LocalId)> Maps { get; } = new();

    public bool Active => Report.Error is null && Type is not null;
}

/// <summary>A large object going up: which item, its content, and how far it got.</summary>
internal sealed class OutgoingChunk(ChangeKind kind, string id, string content, string contentType, string version, long totalBytes)
{
    public ChangeKind Kind { get; } = kind;
    public string Id { get; } = id;
    public string Content { get; } = content;
    public string ContentType { get; } = contentType;
    public string Version { get; } = version;
    public long TotalBytes { get; } = totalBytes;
    public int Offset { get; set; }
}

/// <summary>A large object coming down: the chunks so far and the Size the first one declared.</summary>
internal sealed class IncomingChunk(string remoteId, long? declaredSize, string? type)
{
    public string RemoteId { get; } = remoteId;
    public long? DeclaredSize { get; } = declaredSize;
    public string? Type { get; } = type;
    public MemoryStream Data { get; } = new();
}

/// <summary>A local write recorded in the state, the status that answers it, and how to count it once applied.</summary>
internal sealed record RecordedWrite(long Sequence, int StatusIndex, string Id, ChangeKind CountAs, bool LocalConflict);

/// <summary>A command of the client's waiting for its status.</summary>
internal sealed record SentCommand(string Name, StoreRun? Run, ChangeKind Kind = ChangeKind.Add, string Id = "", string? Version = null,
    bool MoreData = false, IReadOnlyList<string>? MapIds = null);
