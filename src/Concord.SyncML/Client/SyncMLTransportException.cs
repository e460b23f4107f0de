namespace Concord.SyncML.Client;

/// <summary>A message or its answer was lost on the way: nothing is known about whether the server applied it.</summary>
public sealed class SyncMLTransportException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SyncMLTransportException() : base("The transport failed.") { }

    /// <summary>Creates the exception.</summary>
    public SyncMLTransportException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public SyncMLTransportException(string message, Exception inner) : base(message, inner) { }
}
