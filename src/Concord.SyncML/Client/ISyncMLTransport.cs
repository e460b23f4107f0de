namespace Concord.SyncML.Client;

/// <summary>Carries one SyncML message to a server and its answer back (the HTTP binding, or anything else).</summary>
public interface ISyncMLTransport
{
    /// <summary>Posts one message and returns the answer as it came.</summary>
    /// <exception cref="SyncMLTransportException">The message or its answer was lost on the way (refused, reset, cut short, timed out).</exception>
    Task<TransportResponse> SendAsync(Uri url, byte[] body, string contentType, CancellationToken token);
}
