using System.Web;
using Concord.SyncML;
using Concord.SyncML.Client;
using Concord.SyncML.Server;

namespace Concord.Client.Tests.Support;

/// <summary>
/// Carries messages straight into the server engine, as the HTTP endpoint does (RespURI session id from the query),
/// and can fail any message in a chosen way. Keeps every message and answer for inspection.
/// </summary>
internal sealed class InProcessTransport(SyncMLServer server) : ISyncMLTransport
{
    public const string Endpoint = "http://concord.test/sync";

    /// <summary>What to do with request n (1-based over the transport's life): null passes it through.</summary>
    public Func<int, TransportFault?> Fault { get; set; } = _ => null;

    public List<(byte[] Request, TransportResponse? Answer)> Trace { get; } = [];

    public int Requests => Trace.Count;

    public Task<TransportResponse> SendAsync(Uri url, byte[] body, string contentType, CancellationToken token)
    {
        var n = Trace.Count + 1;
        var fault = Fault(n);
        Trace.Add((body, null));
        if (fault is TransportFault.DropRequest) throw new SyncMLTransportException("connection reset (test: request dropped)");
        var key = HttpUtility.ParseQueryString(url.Query)["sessionid"];
        var reply = server.Handle(body, contentType, key, Endpoint, "127.0.0.1");
        var answer = new TransportResponse(reply.HttpStatus, reply.ContentType, reply.Body);
        answer = fault switch
        {
            TransportFault.DropAnswer => throw new SyncMLTransportException("connection reset (test: answer dropped)"),
            TransportFault.TruncateAnswer => answer with { Body = answer.Body[..(answer.Body.Length / 2)] },
            TransportFault.GarbleAnswer => answer with { Body = [.. answer.Body.AsSpan(0, answer.Body.Length / 3), .. "<<<garbage>>>"u8] },
            TransportFault.WrongEncoding => answer with
            {
                ContentType = contentType.Contains("wbxml", StringComparison.Ordinal) ? SyncMLCodec.XmlContentType : SyncMLCodec.WbxmlContentType,
            },
            TransportFault.ServerError => answer with { Status = 500, ContentType = "text/plain", Body = "boom"u8.ToArray() },
            _ => answer,
        };
        Trace[^1] = (body, answer);
        return Task.FromResult(answer);
    }
}

/// <summary>Ways a message or its answer can go wrong (public: test cases name them).</summary>
public enum TransportFault
{
    DropRequest,
    DropAnswer,
    TruncateAnswer,
    GarbleAnswer,
    WrongEncoding,
    ServerError,
}
