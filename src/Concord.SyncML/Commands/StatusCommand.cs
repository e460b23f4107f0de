using System.Globalization;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Commands;

/// <summary>Status (SyncML RepPro §6.6.15): the result of one command of the other side's message.</summary>
public sealed record StatusCommand : Command
{
    /// <inheritdoc />
    public override string Name => "Status";

    /// <summary>MsgID of the message holding the command.</summary>
    public required string MsgRef { get; init; }

    /// <summary>CmdID of the command ("0" for the SyncHdr).</summary>
    public required string CmdRef { get; init; }

    /// <summary>The command's element name.</summary>
    public required string Cmd { get; init; }

    /// <summary>The status code (SyncML RepPro §10).</summary>
    public required int Code { get; init; }

    /// <summary>TargetRefs.</summary>
    public IReadOnlyList<string> TargetRefs { get; init; } = [];

    /// <summary>SourceRefs.</summary>
    public IReadOnlyList<string> SourceRefs { get; init; } = [];

    /// <summary>A challenge (Chal) for authentication, with the meta to use.</summary>
    public Meta? Challenge { get; init; }

    /// <summary>Items (e.g. the anchor on an Alert status, or a reason text).</summary>
    public IReadOnlyList<Item> Items { get; init; } = [];

    /// <inheritdoc />
    public override SyncMLElement ToElement()
    {
        var e = new SyncMLElement("Status");
        e.AddText("CmdID", CmdId);
        e.AddText("MsgRef", MsgRef);
        e.AddText("CmdRef", CmdRef);
        e.AddText("Cmd", Cmd);
        foreach (var t in TargetRefs) e.AddText("TargetRef", t);
        foreach (var s in SourceRefs) e.AddText("SourceRef", s);
        if (Challenge is not null) e.Add(new SyncMLElement("Chal")).Add(Challenge.ToElement());
        e.AddText("Data", Code.ToString(CultureInfo.InvariantCulture));
        foreach (var item in Items) e.Add(item.ToElement());
        return e;
    }
}
