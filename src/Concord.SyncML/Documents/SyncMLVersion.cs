namespace Concord.SyncML.Documents;

/// <summary>The protocol versions Concord speaks; each has its own namespace, VerDTD, DevInf version and WBXML id.</summary>
public enum SyncMLVersion
{
    /// <summary>SyncML 1.0 (VerDTD 1.0, VerProto SyncML/1.0).</summary>
    V10,

    /// <summary>SyncML 1.1 (VerDTD 1.1, VerProto SyncML/1.1).</summary>
    V11,

    /// <summary>OMA DS 1.2 (VerDTD 1.2, VerProto SyncML/1.2).</summary>
    V12,
}
