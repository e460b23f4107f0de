namespace Concord.SyncML.Documents;

/// <summary>The XML namespaces of SyncML documents (SyncML RepPro / DevInf / MetInf).</summary>
public static class SyncMLNamespaces
{
    /// <summary>SyncML 1.0 representation.</summary>
    public const string SyncML10 = "SYNCML:SYNCML1.0";

    /// <summary>SyncML 1.1 representation.</summary>
    public const string SyncML11 = "SYNCML:SYNCML1.1";

    /// <summary>OMA DS 1.2 representation.</summary>
    public const string SyncML12 = "SYNCML:SYNCML1.2";

    /// <summary>Meta information (MetInf), every version.</summary>
    public const string MetInf = "syncml:metinf";

    /// <summary>Device information (DevInf), every version.</summary>
    public const string DevInf = "syncml:devinf";
}
