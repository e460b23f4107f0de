using Microsoft.Extensions.Logging;

namespace Concord.SyncML.Server;

/// <summary>The server session's log lines. Never logs passwords or item bodies.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Session {Session} done: user {User}, device {Device}, stores {Stores}; client +{ClientAdded} ~{ClientUpdated} -{ClientDeleted}, server +{ServerAdded} ~{ServerUpdated} -{ServerDeleted}, conflicts {Conflicts}, failures {Failures}, {Duration} ms")]
    public static partial void SessionDone(ILogger logger, string session, string? user, string device, string stores,
        int clientAdded, int clientUpdated, int clientDeleted, int serverAdded, int serverUpdated, int serverDeleted,
        int conflicts, int failures, long duration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused request from {Address}: {Reason}")]
    public static partial void Refused(ILogger logger, string address, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication failed for user {User} on device {Device} from {Address}")]
    public static partial void AuthFailed(ILogger logger, string? user, string device, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication throttled for user {User} from {Address}")]
    public static partial void AuthThrottled(ILogger logger, string? user, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slow sync for {Store} of device {Device}: {Reason}")]
    public static partial void SlowSyncForced(ILogger logger, string store, string device, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming {Store} of device {Device} from interrupted session {Old} ({Mode})")]
    public static partial void Resumed(ILogger logger, string store, string device, string old, string mode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conflict on {Store} item {Guid} from device {Device}: {Resolution}")]
    public static partial void Conflict(ILogger logger, string store, string guid, string device, string resolution);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Item {Luid} of {Store} from device {Device} refused with {Status}: {Reason}")]
    public static partial void ItemRefused(ILogger logger, string luid, string store, string device, int status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {Device} answered {Status} to {Kind} of {Store} item {Guid}: {Outcome}")]
    public static partial void ChangeNotDelivered(ILogger logger, string device, int status, string kind, string store, string guid, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} changes of {Store} kept pending for device {Device}, to be sent again next session")]
    public static partial void ChangesPending(ILogger logger, int count, string store, string device);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {Direction} session {Session}, {Bytes} bytes:\n{Trace}")]
    public static partial void Trace(ILogger logger, string direction, string session, int bytes, string trace);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {Session} of device {Device} expired after being idle; its state was removed")]
    public static partial void SessionExpired(ILogger logger, string session, string device);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Command {Command} answered {Status}: {Reason}")]
    public static partial void CommandRefused(ILogger logger, string command, int status, string reason);
}
