namespace Concord.SyncML;

/// <summary>A message a peer sent breaks the protocol; <see cref="Status"/> is the SyncML status that answers it.</summary>
public sealed class SyncMLProtocolException : Exception
{
    /// <summary>Creates the exception with the status that answers it.</summary>
    public SyncMLProtocolException(int status, string message) : base(message) => Status = status;

    /// <summary>Creates the exception.</summary>
    public SyncMLProtocolException() : this(400, "Protocol error") { }

    /// <summary>Creates the exception.</summary>
    public SyncMLProtocolException(string message) : this(400, message) { }

    /// <summary>Creates the exception.</summary>
    public SyncMLProtocolException(string message, Exception inner) : base(message, inner) => Status = 400;

    /// <summary>The SyncML status code (SyncML RepPro §10) that answers the fault.</summary>
    public int Status { get; }
}
