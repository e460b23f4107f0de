using Concord.SyncML.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Concord.Server.Endpoints;

/// <summary>The SyncML endpoint: POST a SyncML message to /sync, get the answer (SyncML over HTTP, OMA DS HTTP binding).</summary>
public static class SyncEndpoint
{
    /// <summary>The path of the endpoint.</summary>
    public const string Path = "/sync";

    /// <summary>Maps POST /sync and a GET that says what the endpoint is.</summary>
    public static IEndpointRouteBuilder MapSyncML(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleAsync);
        app.MapGet(Path, () => Results.Text("Concord SyncML endpoint: POST application/vnd.syncml+xml or +wbxml messages here.\n"));
        return app;
    }

    private static async Task HandleAsync(HttpContext http, SyncMLServer server, SyncMLServerOptions options)
    {
        var limit = options.MaxRequestBytes;
        var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = limit + 1L;
        if (http.Request.ContentLength > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await http.Response.WriteAsync($"The message is {http.Request.ContentLength} bytes; this server accepts at most {limit}.\n").ConfigureAwait(false);
            return;
        }
        byte[] body;
        try
        {
            body = await ReadBoundedAsync(http.Request.Body, http.Request.ContentLength, limit + 1, http.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        catch (IOException)
        {
            return; // the client went away mid-request: nothing was applied
        }
        var endpoint = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Path}";
        var reply = server.Handle(body, http.Request.ContentType, http.Request.Query["sessionid"].FirstOrDefault(),
            endpoint, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        http.Response.StatusCode = reply.HttpStatus;
        http.Response.ContentType = reply.ContentType;
        http.Response.ContentLength = reply.Body.Length;
        await http.Response.Body.WriteAsync(reply.Body, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream body, long? declared, int max, CancellationToken token)
    {
        if (declared is { } length and >= 0 && length < max)
        {
            // The usual case: the client said how long (at most the limit, checked above); read into one array.
            var exact = new byte[length];
            var read = 0;
            while (read < exact.Length)
            {
                var n = await body.ReadAsync(exact.AsMemory(read), token).ConfigureAwait(false);
                if (n == 0) return exact[..read];
                read += n;
            }
            return exact;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        while (true)
        {
            var n = await body.ReadAsync(chunk, token).ConfigureAwait(false);
            if (n == 0) break;
            buffer.Write(chunk, 0, n);
            if (buffer.Length >= max) break; // Handle answers 413 from the length
        }
        return buffer.ToArray();
    }
}
