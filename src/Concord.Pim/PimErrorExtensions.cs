namespace Concord.Pim;

/// <summary>The one mapping from <see cref="PimError"/> to the SyncML item status the server answers with.</summary>
public static class PimErrorExtensions
{
    /// <summary>
    /// 415 (unsupported media type) for a charset or format this server does not take, 413 (request entity too
    /// large) for an item over the size bound, 400 (bad request) for every malformed item.
    /// </summary>
    public static int ToSyncMLStatus(this PimError error) => error switch
    {
        PimError.UnsupportedCharset or PimError.UnsupportedFormat => 415,
        PimError.ItemTooLarge => 413,
        _ => 400,
    };
}
