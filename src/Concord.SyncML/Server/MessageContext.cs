using Concord.Sync.State;
using Concord.SyncML.Commands;

namespace Concord.SyncML.Server;

/// <summary>What handling one message needs: the transaction, the session, the message and the answer being built.</summary>
internal sealed class MessageContext(ISyncUnit unit, ServerSessionState state, SyncMLMessage message, ResponseBuilder response, string remoteAddress)
{
    public ISyncUnit Unit { get; } = unit;
    public ServerSessionState State { get; } = state;
    public SyncMLMessage Message { get; } = message;
    public ResponseBuilder Response { get; } = response;
    public string RemoteAddress { get; } = remoteAddress;
    public bool CompletedNow { get; set; }
    public bool SuspendRequested { get; set; }
    public string MsgId => Message.Header.MsgId;
    public long UserId => State.UserId ?? throw new InvalidOperationException("Session not authenticated.");
}
