namespace Concord.SyncML.Wbxml;

/// <summary>
/// A WBXML document from a peer was rejected; says why (<see cref="Reason"/>) and where (<see cref="Offset"/>).
/// </summary>
public sealed class WbxmlException : Exception
{
    /// <summary>Creates the exception for bad input at <paramref name="offset"/>.</summary>
    public WbxmlException(WbxmlError reason, int offset, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
        Offset = offset;
    }

    /// <summary>
    /// Creates an exception with no offset; prefer the constructor that takes a reason and an offset.
    /// </summary>
    public WbxmlException()
        : this(WbxmlError.Malformed, -1, WbxmlErrors.Rejected)
    {
    }

    /// <summary>
    /// Creates an exception with no offset; prefer the constructor that takes a reason and an offset.
    /// </summary>
    public WbxmlException(string message)
        : this(WbxmlError.Malformed, -1, message)
    {
    }

    /// <summary>
    /// Creates an exception with no offset; prefer the constructor that takes a reason and an offset.
    /// </summary>
    public WbxmlException(string message, Exception innerException)
        : this(WbxmlError.Malformed, -1, message, innerException)
    {
    }

    /// <summary>Why the document was rejected.</summary>
    public WbxmlError Reason { get; }

    /// <summary>Byte offset into the decoded input where the problem was found, or -1 when unknown.</summary>
    public int Offset { get; }
}
