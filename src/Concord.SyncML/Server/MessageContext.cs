using System.Collections.Concurrent;
using Concord.Pim.Capabilities;
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
    private readonly Dictionary<string, DeviceCapabilities?> _capabilities = new(StringComparer.Ordinal);

    // Reading a DevInf document cost as much as the rest of a small message, and a device sends the same one session
    // after session: what a document declares for a store is kept, process-wide, for the few hundred last read.
    // (DeviceCapabilities does not change once made, so sharing it between threads is safe.)
    private static readonly ConcurrentDictionary<(string DevInf, string Store), DeviceCapabilities?> Parsed = new();
    private const int MaxParsed = 256;

    /// <summary>What the device declared it can store for one of its stores (DevInf CTCap), or null when it declared nothing.</summary>
    public DeviceCapabilities? Capabilities(string clientStoreUri)
    {
        if (_capabilities.TryGetValue(clientStoreUri, out var known)) return known;
        if (!_devInfRead)
        {
            _devInf = Unit.GetDeviceInfo(UserId, State.DeviceId);
            _devInfRead = true;
        }
        DeviceCapabilities? caps = null;
        if (_devInf is not null && !Parsed.TryGetValue((_devInf, clientStoreUri), out caps))
        {
            try
            {
                caps = DeviceCapabilities.FromDevInf(_devInf, clientStoreUri);
            }
            catch (Concord.Pim.PimFormatException)
            {
                caps = null; // a DevInf we cannot read: treat the device as declaring nothing
            }
            catch (System.Xml.XmlException)
            {
                caps = null;
            }
            if (Parsed.Count >= MaxParsed) Parsed.Clear();
            Parsed[(_devInf, clientStoreUri)] = caps;
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
