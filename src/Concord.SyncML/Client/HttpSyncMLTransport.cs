using System.Net.Http.Headers;

namespace Concord.SyncML.Client;

/// <summary>
/// The SyncML HTTP binding (OMA DS HTTP binding §5): each message is one POST with the message's content type; the
/// answer is the response body. Bodies are read whole and bounded.
/// </summary>
public sealed class HttpSyncMLTransport : ISyncMLTransport, IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsClient;

    /// <summary>Creates a transport on its own HttpClient.</summary>
    /// <param name="timeout">How long one message may take, answer included.</param>
    public HttpSyncMLTransport(TimeSpan timeout)
    {
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), UseCookies = false })
        {
            Timeout = timeout,
        };
        _ownsClient = true;
    }

    /// <summary>Creates a transport on a given HttpClient (its timeout applies).</summary>
    public HttpSyncMLTransport(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
    }

    /// <summary>The largest answer accepted; a larger one fails as a transport error.</summary>
    public long MaxResponseBytes { get; init; } = 64L * 1024 * 1024;

    /// <inheritdoc />
    public async Task<TransportResponse> SendAsync(Uri url, byte[] body, string contentType, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Accept.ParseAdd(contentType);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            var declared = response.Content.Headers.ContentLength;
            if (declared > MaxResponseBytes)
            {
                throw new SyncMLTransportException(ClientErrors.AnswerTooLarge(url, declared.Value, MaxResponseBytes));
            }
            var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                var chunk = new byte[32768];
                while (true)
                {
                    var n = await stream.ReadAsync(chunk, token).ConfigureAwait(false);
                    if (n == 0) break;
                    buffer.Write(chunk, 0, n);
                    if (buffer.Length > MaxResponseBytes) throw new SyncMLTransportException(ClientErrors.AnswerTooLarge(url, buffer.Length, MaxResponseBytes));
                }
                if (declared is { } length && buffer.Length != length)
                {
                    throw new SyncMLTransportException(ClientErrors.AnswerCutShort(url, buffer.Length, length));
                }
                return new TransportResponse((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), buffer.ToArray());
            }
        }
        catch (HttpRequestException e)
        {
            // The inner exception says what happened (refused, reset, ended early); the outer one only that it did.
            throw new SyncMLTransportException(ClientErrors.TransportFailed(url, e.InnerException?.Message ?? e.Message), e);
        }
        catch (IOException e)
        {
            throw new SyncMLTransportException(ClientErrors.TransportFailed(url, e.Message), e);
        }
        catch (TaskCanceledException e) when (!token.IsCancellationRequested)
        {
            throw new SyncMLTransportException(ClientErrors.TransportTimedOut(url, _http.Timeout), e);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsClient) _http.Dispose();
    }
}
