namespace Concord.Sync;

/// <summary>The sync types of OMA DS 1.2 Protocol §4 (Alert codes 200-210).</summary>
public enum SyncType
{
    /// <summary>200: both sides send their changes since the last sync.</summary>
    TwoWay = 200,

    /// <summary>201: the client sends every item; the server compares and answers with its differences.</summary>
    Slow = 201,

    /// <summary>202: the client sends its changes; the server sends nothing back.</summary>
    OneWayFromClient = 202,

    /// <summary>203: the client sends every item and the server replaces its store with them.</summary>
    RefreshFromClient = 203,

    /// <summary>204: the server sends its changes; the client sends nothing.</summary>
    OneWayFromServer = 204,

    /// <summary>205: the server sends every item and the client replaces its store with them.</summary>
    RefreshFromServer = 205,
}
