using System.Text.Json.Serialization;
using Concord.Sync;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Server;

/// <summary>Where a server session is in the OMA DS package flow (OMA DS 1.2 Protocol §5, §6).</summary>
public enum ServerPhase
{
    /// <summary>Receiving package 1 (client's alerts, DevInf); authenticating.</summary>
    Init,

    /// <summary>Receiving package 3 (client's Sync commands).</summary>
    ClientSync,

    /// <summary>Sending package 4 (server's Sync commands), possibly over many messages.</summary>
    ServerSync,

    /// <summary>Receiving package 5 (statuses and Map); answering package 6.</summary>
    Map,

    /// <summary>The session completed; anchors are committed.</summary>
    Done,
}

/// <summary>
/// Everything a server session remembers between messages. Serialized into the session row with every answer, so
/// any server process can take the next message and a restart loses nothing.
/// </summary>
public sealed class ServerSessionState
{
    public string Key { get; set; } = "";
    public string DeviceId { get; set; } = "";
    public string ClientSessionId { get; set; } = "";
    public SyncMLVersion Version { get; set; }
    public bool Wbxml { get; set; }
    public long? UserId { get; set; }
    public string? UserName { get; set; }
    public bool Authenticated { get; set; }
    public ServerPhase Phase { get; set; }
    public string LastClientMsgId { get; set; } = "0";
    public int NextServerMsgId { get; set; } = 1;

    /// <summary>Largest message the client accepts (its MaxMsgSize), or null for no limit.</summary>
    public long? ClientMaxMsgSize { get; set; }

    /// <summary>Largest object the client accepts (its MaxObjSize), or null.</summary>
    public long? ClientMaxObjSize { get; set; }

    public List<StoreSession> Stores { get; set; } = [];

    /// <summary>A large object arriving in chunks from the client (OMA DS 1.2 Protocol §6.12).</summary>
    public IncomingChunk? Incoming { get; set; }

    /// <summary>A large object being sent in chunks to the client.</summary>
    public OutgoingChunk? Outgoing { get; set; }

    /// <summary>Server commands sent and awaiting a status, by "msgId/cmdId".</summary>
    [JsonConverter(typeof(AwaitingStatusConverter))]
    public Dictionary<string, SentChange> AwaitingStatus { get; set; } = [];

    /// <summary>
    /// What a whole (unchunked) change sent in this session gives the device, by "storeIndex/guid" (null for a
    /// delete): it becomes the device's base once the device confirms it. Kept in the state, which is written with
    /// every message anyway; a chunked item's, too large for that, waits in the database (staged_bases).
    /// </summary>
    [JsonConverter(typeof(StagedBasesConverter))]
    public Dictionary<string, string?> StagedBases { get; set; } = [];

    /// <summary>Total counts for the session log line.</summary>
    public DateTimeOffset StartedAt { get; set; }
}

/// <summary>One store synchronized in a session.</summary>
public sealed class StoreSession
{
    public string ClientUri { get; set; } = "";
    public string ServerUri { get; set; } = "";
    public StoreKind Kind { get; set; }
    public SyncType Type { get; set; }
    public string ClientNextAnchor { get; set; } = "";
    public string ServerLastAnchor { get; set; } = "";
    public string ServerNextAnchor { get; set; } = "";

    /// <summary>Server changes up to this sequence were on the device before this session.</summary>
    public long PreviousSequence { get; set; }

    /// <summary>The sequence snapshot taken when the server's changes were queued.</summary>
    public long SnapshotSequence { get; set; }

    public bool ClientSyncReceived { get; set; }

    /// <summary>
    /// A slow sync or refresh from server reads the store in change-log order as messages fill instead of queueing
    /// every item (SyncMLServer.NextChanges): Streams is set, StreamedThrough is the sequence number of the last item
    /// sent or passed, StreamDone once none is left.
    /// </summary>
    public bool Streams { get; set; }

    public long StreamedThrough { get; set; }

    public bool StreamDone { get; set; }

    /// <summary>This store resumes an interrupted session (Alert 225): the client sends only what it had left.</summary>
    public bool Resumed { get; set; }
    public string? ClientType { get; set; }
    public int ClientAdded { get; set; }
    public int ClientUpdated { get; set; }
    public int ClientDeleted { get; set; }
    public int ServerAdded { get; set; }
    public int ServerUpdated { get; set; }
    public int ServerDeleted { get; set; }
    public int Conflicts { get; set; }
    public int Failures { get; set; }

    /// <summary>
    /// Server changes of this session the device answered with a failure it may get over, by server id, with the
    /// status: kept pending for the device when the session completes, so its next session sends them again.
    /// </summary>
    public Dictionary<string, int> Unconfirmed { get; set; } = [];
}

/// <summary>A chunked object being received.</summary>
public sealed class IncomingChunk
{
    public int StoreIndex { get; set; }
    public string Command { get; set; } = "Add";
    public string Luid { get; set; } = "";
    public long? DeclaredSize { get; set; }
    public string? Type { get; set; }
    public string DataBase64 { get; set; } = "";
}

/// <summary>A chunked object being sent.</summary>
public sealed class OutgoingChunk
{
    public long Position { get; set; }
    public int StoreIndex { get; set; }
    public ChangeKind Kind { get; set; }
    public string Guid { get; set; } = "";
    public int Offset { get; set; }
}

/// <summary>A server change sent to the client, awaiting its status; Chunked for each chunk of a large object.</summary>
public sealed record SentChange(int StoreIndex, ChangeKind Kind, string Guid, bool Chunked = false);
