using System.Globalization;
using Concord.SyncML.Commands;

namespace Concord.SyncML.Client;

/// <summary>
/// One message the client is building, kept within a size: statuses always go in; other commands while their
/// estimated size fits. The estimate is an upper bound, so the encoded message never exceeds the limit.
/// </summary>
internal sealed class OutgoingMessage
{
    private int _nextCmdId = 1;

    public OutgoingMessage(SyncHeader header, long maxSize)
    {
        Header = header;
        MaxSize = maxSize;
        Used = SizeEstimate.Of(new SyncMLMessage(header, [], true).ToElement()) + 64;
    }

    public SyncHeader Header { get; }

    public int MsgId => int.Parse(Header.MsgId, CultureInfo.InvariantCulture);

    public long MaxSize { get; }

    public long Used { get; private set; }

    /// <summary>What still fits, with a margin for the encoder's declaration and rounding.</summary>
    public long Remaining => MaxSize - Used - 128;

    /// <summary>What an otherwise empty message of this session could hold.</summary>
    public long Capacity => MaxSize - SizeEstimate.Of(new SyncMLMessage(Header, [], true).ToElement()) - 192;

    public List<Command> Commands { get; } = [];

    public string NextCmdId() => (_nextCmdId++).ToString(CultureInfo.InvariantCulture);

    /// <summary>Adds a command whatever its size (statuses, alerts the protocol requires).</summary>
    public void Add(Command command) => Add(command, SizeEstimate.Of(command));

    /// <summary>Adds a command whose size is already estimated.</summary>
    public void Add(Command command, long size)
    {
        Used += size;
        Commands.Add(command);
    }

    /// <summary>Accounts for a command that went into a container already added (an item inside a Sync).</summary>
    public void Grow(long size) => Used += size;

    public SyncMLMessage Build(bool final) => new(Header, Commands, final);
}
