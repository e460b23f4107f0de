namespace Concord.SyncML.Documents;

/// <summary>The strings each protocol version puts on the wire.</summary>
public static class SyncMLVersionExtensions
{
    /// <summary>The VerDTD of the SyncML document: 1.0, 1.1 or 1.2.</summary>
    public static string VerDtd(this SyncMLVersion v) => v switch
    {
        SyncMLVersion.V10 => "1.0",
        SyncMLVersion.V11 => "1.1",
        _ => "1.2",
    };

    /// <summary>The VerProto of the SyncHdr: SyncML/1.0, SyncML/1.1 or SyncML/1.2.</summary>
    public static string VerProto(this SyncMLVersion v) => "SyncML/" + v.VerDtd();

    /// <summary>The XML namespace of the SyncML element.</summary>
    public static string Namespace(this SyncMLVersion v) => v switch
    {
        SyncMLVersion.V10 => SyncMLNamespaces.SyncML10,
        SyncMLVersion.V11 => SyncMLNamespaces.SyncML11,
        _ => SyncMLNamespaces.SyncML12,
    };

    /// <summary>The formal public identifier of the SyncML DTD.</summary>
    public static string PublicId(this SyncMLVersion v) => $"-//SYNCML//DTD SyncML {v.VerDtd()}//EN";

    /// <summary>The formal public identifier of the DevInf DTD that goes with this version.</summary>
    public static string DevInfPublicId(this SyncMLVersion v) => $"-//SYNCML//DTD DevInf {v.VerDtd()}//EN";

    /// <summary>The VerDTD inside DevInf: DevInf 1.0 / 1.1 / 1.2 go with SyncML 1.0 / 1.1 / 1.2.</summary>
    public static string DevInfVerDtd(this SyncMLVersion v) => v.VerDtd();

    /// <summary>Reads a VerDTD or VerProto string; null when it names no version Concord speaks.</summary>
    public static SyncMLVersion? ParseVersion(string? verDtdOrProto) => verDtdOrProto?.Trim() switch
    {
        "1.0" or "SyncML/1.0" => SyncMLVersion.V10,
        "1.1" or "SyncML/1.1" => SyncMLVersion.V11,
        "1.2" or "SyncML/1.2" => SyncMLVersion.V12,
        _ => null,
    };
}
