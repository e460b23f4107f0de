using Concord.SyncML.Documents;

namespace Concord.SyncML.Commands;

/// <summary>Put, Get or Results carrying device information (SyncML RepPro §6.6.8, 6.6.10, 6.6.12).</summary>
public sealed record DeviceInfoCommand : Command
{
    private readonly string _name = "Put";

    /// <inheritdoc />
    public override string Name => _name;

    /// <summary>Put, Get or Results.</summary>
    public required string Kind { get => _name; init => _name = value; }

    /// <summary>Results: the MsgID of the Get it answers.</summary>
    public string? MsgRef { get; init; }

    /// <summary>Results: the CmdID of the Get it answers.</summary>
    public string? CmdRef { get; init; }

    /// <summary>Command-level meta (Type application/vnd.syncml-devinf+xml or +wbxml).</summary>
    public Meta? Meta { get; init; }

    /// <summary>The items: Source/Target ./devinf11 or ./devinf12, with the DevInf in Data for Put and Results.</summary>
    public IReadOnlyList<Item> Items { get; init; } = [];

    /// <inheritdoc />
    public override SyncMLElement ToElement()
    {
        var e = Start();
        if (MsgRef is not null) e.AddText("MsgRef", MsgRef);
        if (CmdRef is not null) e.AddText("CmdRef", CmdRef);
        if (Meta is not null) e.Add(Meta.ToElement());
        foreach (var item in Items) e.Add(item.ToElement());
        return e;
    }
}
