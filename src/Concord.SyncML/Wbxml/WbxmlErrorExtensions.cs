namespace Concord.SyncML.Wbxml;

/// <summary>The one mapping from <see cref="WbxmlError"/> to the SyncML status a server answers with.</summary>
public static class WbxmlErrorExtensions
{
    /// <summary>
    /// The SyncML status code for a rejected message: 413 (request entity too large), 415 (unsupported media type)
    /// or 400 (bad request).
    /// </summary>
    public static int ToSyncMLStatus(this WbxmlError error) => error switch
    {
        WbxmlError.TooLarge => 413,
        WbxmlError.BadVersion or WbxmlError.UnknownPublicId or WbxmlError.UnsupportedCharset => 415,
        _ => 400,
    };
}
