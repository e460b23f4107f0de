namespace Concord.SyncML;

/// <summary>The two encodings of SyncML messages.</summary>
public enum SyncMLEncoding
{
    /// <summary>application/vnd.syncml+xml</summary>
    Xml,

    /// <summary>application/vnd.syncml+wbxml</summary>
    Wbxml,
}
