using Concord.SyncML;
using Concord.SyncML.Client;
using Concord.SyncML.Commands;

namespace Concord.Client.Tests.Support;

/// <summary>Passes messages on and lets the test rewrite each decoded answer (answer number n, 1-based) before the client reads it.</summary>
internal sealed class RewritingTransport(ISyncMLTransport inner, Func<int, SyncMLMessage, SyncMLMessage> rewrite) : ISyncMLTransport
{
    private int _count;

    /// <summary>The client's messages, decoded, in the order sent.</summary>
    public List<SyncMLMessage> Sent { get; } = [];

    public async Task<TransportResponse> SendAsync(Uri url, byte[] body, string contentType, CancellationToken token)
    {
        var (sentRoot, sentVersion) = SyncMLCodec.Decode(SyncMLCodec.Detect(contentType, body)!.Value, body);
        Sent.Add(SyncMLMessage.Read(sentRoot, sentVersion));
        var answer = await inner.SendAsync(url, body, contentType, token);
        var n = ++_count;
        var encoding = SyncMLCodec.Detect(answer.ContentType, answer.Body)!.Value;
        var (root, version) = SyncMLCodec.Decode(encoding, answer.Body);
        var message = rewrite(n, SyncMLMessage.Read(root, version));
        return answer with { Body = SyncMLCodec.Encode(encoding, message.ToElement(), version) };
    }
}
