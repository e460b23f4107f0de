namespace Concord.SyncML.Client;

/// <summary>
/// A server's answer broke the protocol (malformed, truncated, wrong encoding or version, an unexpected status) or
/// never came: the message names the message of the session and the command concerned.
/// </summary>
public sealed class SyncMLClientException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SyncMLClientException() : base("The SyncML session failed.") { }

    /// <summary>Creates the exception.</summary>
    public SyncMLClientException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public SyncMLClientException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The MsgID of the client's message whose answer failed, when known.</summary>
    public int? MessageId { get; init; }

    /// <summary>The command concerned (SyncHdr, Alert, Sync...), when one is.</summary>
    public string? Command { get; init; }
}
