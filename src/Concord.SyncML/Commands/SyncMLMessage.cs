using Concord.SyncML.Documents;

namespace Concord.SyncML.Commands;

/// <summary>A whole SyncML message: header, body commands and the Final flag.</summary>
public sealed record SyncMLMessage(SyncHeader Header, IReadOnlyList<Command> Commands, bool Final)
{
    /// <summary>Writes the message as a SyncML document tree.</summary>
    public SyncMLElement ToElement()
    {
        var root = new SyncMLElement("SyncML", Header.Version.Namespace());
        root.Add(Header.ToElement());
        var body = root.Add(new SyncMLElement("SyncBody"));
        foreach (var c in Commands) body.Add(c.ToElement());
        if (Final) body.AddEmpty("Final");
        return root;
    }

    /// <summary>Reads a message from a decoded document.</summary>
    /// <exception cref="SyncMLProtocolException">A required element is missing or malformed.</exception>
    public static SyncMLMessage Read(SyncMLElement root, SyncMLVersion version)
    {
        ArgumentNullException.ThrowIfNull(root);
        var hdr = root.Child("SyncHdr") ?? throw new SyncMLProtocolException(400, Errors.MissingElement("SyncHdr", "SyncML"));
        var body = root.Child("SyncBody") ?? throw new SyncMLProtocolException(400, Errors.MissingElement("SyncBody", "SyncML"));
        var credElement = hdr.Child("Cred");
        Credential? cred = null;
        if (credElement is not null)
        {
            var meta = Meta.Read(credElement.Child("Meta"));
            cred = new Credential(meta?.Type ?? "syncml:auth-basic", meta?.Format, credElement.ChildText("Data")?.Trim() ?? "");
        }
        var header = new SyncHeader
        {
            Version = version,
            SessionId = Required(hdr, "SessionID"),
            MsgId = Required(hdr, "MsgID"),
            Target = hdr.Child("Target")?.ChildText("LocURI")?.Trim() ?? throw new SyncMLProtocolException(400, Errors.MissingElement("Target/LocURI", "SyncHdr")),
            Source = hdr.Child("Source")?.ChildText("LocURI")?.Trim() ?? throw new SyncMLProtocolException(400, Errors.MissingElement("Source/LocURI", "SyncHdr")),
            SourceName = hdr.Child("Source")?.ChildText("LocName"),
            RespUri = hdr.ChildText("RespURI"),
            Cred = cred,
            Meta = Meta.Read(hdr.Child("Meta")),
            NoResp = hdr.Child("NoResp") is not null,
        };
        var commands = new List<Command>();
        var final = false;
        foreach (var e in body.Children)
        {
            if (e.Name == "Final") final = true;
            else commands.Add(ReadCommand(e));
        }
        return new SyncMLMessage(header, commands, final);
    }

    private static string Required(SyncMLElement parent, string name) =>
        parent.ChildText(name)?.Trim() is { Length: > 0 } s ? s : throw new SyncMLProtocolException(400, Errors.MissingElement(name, parent.Name));

    /// <summary>Reads one command element.</summary>
    public static Command ReadCommand(SyncMLElement e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var cmdId = e.ChildText("CmdID")?.Trim() ?? "";
        var noResp = e.Child("NoResp") is not null;
        var items = e.ChildrenNamed("Item").Select(Item.Read).ToList();
        switch (e.Name)
        {
            case "Alert":
                var codeText = e.ChildText("Data");
                if (!int.TryParse(codeText?.Trim(), out var code)) throw new SyncMLProtocolException(400, Errors.BadNumber("Alert/Data", codeText));
                return new AlertCommand { CmdId = cmdId, NoResp = noResp, Code = code, Items = items };
            case "Add" or "Replace" or "Delete" or "Copy" or "Move":
                return new ItemCommand
                {
                    Kind = e.Name, CmdId = cmdId, NoResp = noResp, Meta = Meta.Read(e.Child("Meta")), Items = items,
                    Archive = e.Child("Archive") is not null, SoftDelete = e.Child("SftDel") is not null,
                };
            case "Sync":
                return new SyncCommand
                {
                    CmdId = cmdId, NoResp = noResp,
                    Target = e.Child("Target")?.ChildText("LocURI")?.Trim(),
                    Source = e.Child("Source")?.ChildText("LocURI")?.Trim(),
                    Meta = Meta.Read(e.Child("Meta")),
                    NumberOfChanges = int.TryParse(e.ChildText("NumberOfChanges")?.Trim(), out var n) ? n : null,
                    Commands = e.Children.Where(c => c.Name is not ("CmdID" or "NoResp" or "Target" or "Source" or "Meta" or "NumberOfChanges" or "Cred"))
                        .Select(ReadCommand).ToList(),
                };
            case "Status":
                var statusText = e.ChildText("Data");
                if (!int.TryParse(statusText?.Trim(), out var status)) throw new SyncMLProtocolException(400, Errors.BadNumber("Status/Data", statusText));
                return new StatusCommand
                {
                    CmdId = cmdId, MsgRef = e.ChildText("MsgRef")?.Trim() ?? "", CmdRef = e.ChildText("CmdRef")?.Trim() ?? "",
                    Cmd = e.ChildText("Cmd")?.Trim() ?? "", Code = status,
                    TargetRefs = e.ChildrenNamed("TargetRef").Select(t => t.ContentAsString()?.Trim() ?? "").ToList(),
                    SourceRefs = e.ChildrenNamed("SourceRef").Select(t => t.ContentAsString()?.Trim() ?? "").ToList(),
                    Challenge = Meta.Read(e.Child("Chal")?.Child("Meta")),
                    Items = items,
                };
            case "Map":
                return new MapCommand
                {
                    CmdId = cmdId, NoResp = noResp,
                    Target = e.Child("Target")?.ChildText("LocURI")?.Trim(),
                    Source = e.Child("Source")?.ChildText("LocURI")?.Trim(),
                    MapItems = e.ChildrenNamed("MapItem")
                        .Select(m => (m.Child("Target")?.ChildText("LocURI")?.Trim() ?? "", m.Child("Source")?.ChildText("LocURI")?.Trim() ?? ""))
                        .ToList(),
                };
            case "Put" or "Get" or "Results":
                return new DeviceInfoCommand
                {
                    Kind = e.Name, CmdId = cmdId, NoResp = noResp, Meta = Meta.Read(e.Child("Meta")), Items = items,
                    MsgRef = e.ChildText("MsgRef")?.Trim(), CmdRef = e.ChildText("CmdRef")?.Trim(),
                };
            case "Atomic" or "Sequence":
                return new ContainerCommand
                {
                    Kind = e.Name, CmdId = cmdId, NoResp = noResp,
                    Commands = e.Children.Where(c => c.Name is not ("CmdID" or "NoResp" or "Meta")).Select(ReadCommand).ToList(),
                };
            default:
                return new UnknownCommand { Kind = e.Name, CmdId = cmdId, NoResp = noResp, Element = e };
        }
    }
}
