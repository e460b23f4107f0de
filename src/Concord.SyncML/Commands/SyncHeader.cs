using Concord.SyncML.Documents;

namespace Concord.SyncML.Commands;

/// <summary>The SyncHdr of a message (SyncML RepPro §5.2.2).</summary>
public sealed record SyncHeader
{
    /// <summary>The protocol version of the message.</summary>
    public required SyncMLVersion Version { get; init; }

    /// <summary>The session id the client chose.</summary>
    public required string SessionId { get; init; }

    /// <summary>The message id within the session.</summary>
    public required string MsgId { get; init; }

    /// <summary>Target LocURI: the server's address as the client knows it.</summary>
    public required string Target { get; init; }

    /// <summary>Source LocURI: the sender's device id.</summary>
    public required string Source { get; init; }

    /// <summary>Source LocName: on a client's header, the user name the client claims.</summary>
    public string? SourceName { get; init; }

    /// <summary>RespURI: where the next message goes.</summary>
    public string? RespUri { get; init; }

    /// <summary>Credentials, when sent.</summary>
    public Credential? Cred { get; init; }

    /// <summary>Header meta: MaxMsgSize, MaxObjSize.</summary>
    public Meta? Meta { get; init; }

    /// <summary>NoResp: the sender wants no Status for this header.</summary>
    public bool NoResp { get; init; }

    /// <summary>Writes this as a SyncHdr element.</summary>
    public SyncMLElement ToElement()
    {
        var hdr = new SyncMLElement("SyncHdr");
        hdr.AddText("VerDTD", Version.VerDtd());
        hdr.AddText("VerProto", Version.VerProto());
        hdr.AddText("SessionID", SessionId);
        hdr.AddText("MsgID", MsgId);
        var target = hdr.Add(new SyncMLElement("Target"));
        target.AddText("LocURI", Target);
        var source = hdr.Add(new SyncMLElement("Source"));
        source.AddText("LocURI", Source);
        if (SourceName is not null) source.AddText("LocName", SourceName);
        if (RespUri is not null) hdr.AddText("RespURI", RespUri);
        if (NoResp) hdr.AddEmpty("NoResp");
        if (Cred is not null)
        {
            var cred = hdr.Add(new SyncMLElement("Cred"));
            cred.Add(new Meta { Type = Cred.Type, Format = Cred.Format }.ToElement());
            cred.AddText("Data", Cred.Data);
        }
        if (Meta is not null) hdr.Add(Meta.ToElement());
        return hdr;
    }
}
