namespace Concord.Card.Apdu;

/// <summary>Bytes from a peer were not a well-formed APDU; says why (<see cref="Reason"/>) and where.</summary>
public sealed class ApduException : Exception
{
    /// <summary>Creates the exception for bad input at <paramref name="offset"/>.</summary>
    public ApduException(ApduError reason, int offset, string message)
        : base(message)
    {
        Reason = reason;
        Offset = offset;
    }

    /// <summary>Creates an exception with no offset; prefer the constructor that takes a reason and an offset.</summary>
    public ApduException()
        : this(ApduError.TooShort, -1, Errors.ApduRejected)
    {
    }

    /// <summary>Creates an exception with no offset; prefer the constructor that takes a reason and an offset.</summary>
    public ApduException(string message)
        : this(ApduError.TooShort, -1, message)
    {
    }

    /// <summary>Creates an exception with no offset; prefer the constructor that takes a reason and an offset.</summary>
    public ApduException(string message, Exception innerException)
        : base(message, innerException)
    {
        Offset = -1;
    }

    /// <summary>Why the APDU was rejected.</summary>
    public ApduError Reason { get; }

    /// <summary>Byte offset where the problem was found, or -1 when unknown.</summary>
    public int Offset { get; }

    /// <summary>The status word the card answers for this problem: 6700 for every reason.</summary>
    public StatusWord StatusWord => StatusWord.WrongLength;
}
