namespace Concord.Pim;

/// <summary>
/// A PIM item from a peer was refused; says why (<see cref="Reason"/>, which maps to a SyncML status) and where
/// (<see cref="Offset"/>, a byte offset into the item's UTF-8 or raw bytes).
/// </summary>
public sealed class PimFormatException : FormatException
{
    /// <summary>Creates the exception for bad input at <paramref name="offset"/>.</summary>
    public PimFormatException(PimError reason, long offset, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
        Offset = offset;
    }

    /// <summary>Creates an exception with no offset; prefer the constructor that takes a reason and an offset.</summary>
    public PimFormatException()
        : this(PimError.BadValue, -1, Errors.Refused)
    {
    }

    /// <summary>Creates an exception with no offset; prefer the constructor that takes a reason and an offset.</summary>
    public PimFormatException(string message)
        : this(PimError.BadValue, -1, message)
    {
    }

    /// <summary>Creates an exception with no offset; prefer the constructor that takes a reason and an offset.</summary>
    public PimFormatException(string message, Exception innerException)
        : this(PimError.BadValue, -1, message, innerException)
    {
    }

    /// <summary>Why the item was refused.</summary>
    public PimError Reason { get; }

    /// <summary>Byte offset into the item where the problem was found, or -1 when unknown.</summary>
    public long Offset { get; }

    /// <summary>The SyncML status for this item: 415.</summary>
    public int SyncMLStatus => Reason.ToSyncMLStatus();
}
