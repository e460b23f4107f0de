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

    private string? _devInf;
    private bool _devInfRead;
    private readonly Dictionary<string, Concord.Pim.Capabilities.DeviceCapabilities?> _capabilities = new(StringComparer.Ordinal);

    /// <summary>What the device declared it can store for one of its stores (DevInf CTCap), or null when it declared nothing.</summary>
    public Concord.Pim.Capabilities.DeviceCapabilities? Capabilities(string clientStoreUri)
    {
        if (_capabilities.TryGetValue(clientStoreUri, out var known)) return known;
        if (!_devInfRead)
        {
            _devInf = Unit.GetDeviceInfo(UserId, State.DeviceId);
            _devInfRead = true;
        }
        Concord.Pim.Capabilities.DeviceCapabilities? caps = null;
        try
        {
            caps = _devInf is null ? null : Concord.Pim.Capabilities.DeviceCapabilities.FromDevInf(_devInf, clientStoreUri);
        }
        catch (Concord.Pim.PimFormatException)
        {
            caps = null; // a DevInf we cannot read: treat the device as declaring nothing
        }
        catch (System.Xml.XmlException)
        {
            caps = null;
        }
        _capabilities[clientStoreUri] = caps;
        return caps;
    }

    /// <summary>A device's DevInf changed in this message: read it again when next needed.</summary>
    public void ForgetCapabilities()
    {
        _devInfRead = false;
        _capabilities.Clear();
    }
    public string MsgId => Message.Header.MsgId;
    public long UserId => State.UserId ?? throw new InvalidOperationException("Session not authenticated.");
}
