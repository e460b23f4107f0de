using Concord.SyncML.Documents;

namespace Concord.SyncML.Commands;

/// <summary>A SyncML command of a SyncBody (SyncML RepPro §6): its element name, CmdID and NoResp flag.</summary>
public abstract record Command
{
    /// <summary>The element name: Alert, Sync, Add, Status...</summary>
    public abstract string Name { get; }

    /// <summary>The command id, unique within its message.</summary>
    public required string CmdId { get; init; }

    /// <summary>The sender wants no Status for this command.</summary>
    public bool NoResp { get; init; }

    /// <summary>Writes the command as an element.</summary>
    public abstract SyncMLElement ToElement();

    /// <summary>Starts the element with CmdID and NoResp.</summary>
    protected SyncMLElement Start()
    {
        var e = new SyncMLElement(Name);
        e.AddText("CmdID", CmdId);
        if (NoResp) e.AddEmpty("NoResp");
        return e;
    }
}
