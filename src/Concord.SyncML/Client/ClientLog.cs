using Microsoft.Extensions.Logging;

namespace Concord.SyncML.Client;

/// <summary>The client session's log lines. Never logs passwords or item bodies (except in the Debug message trace).</summary>
internal static partial class ClientLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Session {Session} with {Url} as device {Device}: {Stores}")]
    public static partial void SessionStart(ILogger logger, string session, Uri url, string device, string stores);

    [LoggerMessage(Level = LogLevel.Information, Message = "Store {Store}: the server runs a {Mode} sync (asked {Asked}, Alert status {Status})")]
    public static partial void StoreType(ILogger logger, string store, string mode, string asked, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MsgId} to {Url} failed ({Reason}); sending it again in {Delay} ms")]
    public static partial void Resending(ILogger logger, int msgId, Uri url, string reason, long delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "The server challenged with {Type} ({Status}); answering it")]
    public static partial void Challenged(ILogger logger, string type, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store {Store}: {Reason}")]
    public static partial void ItemFailed(ILogger logger, string store, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Store {Store} done: local +{LocalAdded} ~{LocalUpdated} -{LocalDeleted}, server +{RemoteAdded} ~{RemoteUpdated} -{RemoteDeleted}, conflicts {Conflicts}, failures {Failures}")]
    public static partial void StoreDone(ILogger logger, string store, int localAdded, int localUpdated, int localDeleted,
        int remoteAdded, int remoteUpdated, int remoteDeleted, int conflicts, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store {Store}: some of the server's changes could not be taken; the next sync is a slow sync to bring them again")]
    public static partial void SlowNext(ILogger logger, string store);

    [LoggerMessage(Level = LogLevel.Error, Message = "Session {Session} failed: {Reason}")]
    public static partial void SessionFailed(ILogger logger, string session, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} local writes left by an interrupted sync of {Store}")]
    public static partial void Recovered(ILogger logger, int count, string store);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {Direction} {MsgId}, {Bytes} bytes:\n{Trace}")]
    public static partial void Trace(ILogger logger, string direction, int msgId, int bytes, string trace);
}
