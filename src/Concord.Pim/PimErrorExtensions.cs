namespace Concord.Pim;

/// <summary>The one mapping from <see cref="PimError"/> to the SyncML item status the server answers with.</summary>
public static class PimErrorExtensions
{
    /// <summary>
    /// 415 (unsupported media type or format, RepPro §10) for every item refused for its content: malformed, over the
    /// item size bound, or in a charset or format this server does not take. An item that does not parse as the
    /// format it claims is a data item in a format the server does not support; 400 stays for malformed commands and
    /// 413 for objects above the announced MaxObjSize. Clients built on the Synthesis engine (SyncEvolution and many
    /// phones) abort the whole session on an item's 400 or 413 but go on after a 415.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="error"/> is not a <see cref="PimError"/>.</exception>
    public static int ToSyncMLStatus(this PimError error) =>
        Enum.IsDefined(error) ? 415 : throw new ArgumentOutOfRangeException(nameof(error), error, null);
}
