using System.Globalization;
using Concord.SyncML.Commands;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Server;

/// <summary>
/// Builds one answer message within the client's MaxMsgSize: statuses always go in; other commands only while
/// their encoded size fits. Sizes are measured by encoding each command on its own in the session's encoding.
/// </summary>
internal sealed class ResponseBuilder
{
    private readonly SyncMLEncoding _encoding;
    private readonly SyncMLVersion _version;
    private readonly long _baseSize;
    private int _nextCmdId = 1;

    public ResponseBuilder(SyncHeader header, SyncMLEncoding encoding, long maxSize)
    {
        Header = header;
        _encoding = encoding;
        _version = header.Version;
        MaxSize = maxSize;
        _baseSize = SyncMLCodec.Encode(encoding, new SyncMLMessage(header, [], true).ToElement(), _version).Length;
        Used = _baseSize;
    }

    public SyncHeader Header { get; }

    public long MaxSize { get; }

    public long Used { get; private set; }

    // Measurement is per command; code page switches and string tables make the sum a little off, so keep a margin.
    public long Remaining => MaxSize - Used - 64 - (MaxSize / 20);

    public List<Command> Commands { get; } = [];

    public string NextCmdId() => (_nextCmdId++).ToString(CultureInfo.InvariantCulture);

    public long Measure(SyncMLElement element)
    {
        if (SizeEstimate.Of(element, _encoding) is { } estimate) return estimate;
        var root = new SyncMLElement("SyncML", _version.Namespace());
        root.Add(Header.ToElement());
        root.Add(new SyncMLElement("SyncBody")).Add(element);
        root.Child("SyncBody")!.AddEmpty("Final");
        return SyncMLCodec.Encode(_encoding, root, _version).Length - _baseSize;
    }

    /// <summary>Adds a command whatever its size (statuses, alerts the protocol requires).</summary>
    public void AddAlways(Command command)
    {
        Used += Measure(command.ToElement());
        Commands.Add(command);
    }

    /// <summary>Adds a command already measured.</summary>
    public void AddMeasured(Command command, long size)
    {
        Used += size;
        Commands.Add(command);
    }

    public SyncMLMessage Build(bool final) => new(Header, Commands, final);
}
