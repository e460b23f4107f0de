using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Concord.Interop.Tests.Concord;

/// <summary>What the proxy does with one request.</summary>
public enum FaultAction
{
    /// <summary>Pass the request on and the answer back.</summary>
    Forward,

    /// <summary>Close the connection without passing the request on: the server never sees it.</summary>
    DropRequest,

    /// <summary>Pass the request on, then close the connection without the answer: the server applied it, the client never knows.</summary>
    DropAnswer,

    /// <summary>Pass the request on and send back only the first half of the answer's body.</summary>
    TruncateAnswer,

    /// <summary>Pass the request on and hold the answer back for a while before sending it.</summary>
    DelayAnswer,
}

/// <summary>
/// An HTTP/1.1 proxy on loopback between a SyncML client and server that can fail any request in a chosen way,
/// to show that every cut-off ends, after one more sync, with both sides equal. Requests are numbered from 1 in
/// arrival order; <see cref="Decide"/> says what to do with each.
/// </summary>
internal sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(2) };
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _count;

    public FaultProxy(Func<Uri> target)
    {
        Target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Where requests go (read at each request, so the server may move).</summary>
    public Func<Uri> Target { get; }

    /// <summary>Decides the fate of request number n (1-based).</summary>
    public Func<int, FaultAction> Decide { get; set; } = _ => FaultAction.Forward;

    /// <summary>Called before request number n is passed on (for example to kill the server).</summary>
    public Action<int>? BeforeForward { get; set; }

    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(3);

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Url => new($"http://127.0.0.1:{Port}/sync");

    public int Requests => Volatile.Read(ref _count);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var (head, body) = await ReadRequestAsync(stream);
                if (head is null) return;
                var n = Interlocked.Increment(ref _count);
                var action = Decide(n);
                if (action == FaultAction.DropRequest) return;
                BeforeForward?.Invoke(n);
                var (status, type, answer) = await ForwardAsync(head, body);
                switch (action)
                {
                    case FaultAction.DropAnswer:
                        return;
                    case FaultAction.TruncateAnswer:
                        await WriteResponseAsync(stream, status, type, answer, answer.Length / 2);
                        return;
                    case FaultAction.DelayAnswer:
                        await Task.Delay(Delay, _stop.Token);
                        break;
                }
                await WriteResponseAsync(stream, status, type, answer, answer.Length);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or HttpRequestException)
        {
            // the client or the server went away: close
        }
    }

    private static async Task<(string? Head, byte[] Body)> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            var n = await stream.ReadAsync(one);
            if (n == 0) return (null, []);
            buffer.Add(one[0]);
            if (buffer.Count >= 4 && buffer[^1] == '\n' && buffer[^2] == '\r' && buffer[^3] == '\n' && buffer[^4] == '\r') break;
            if (buffer.Count > 65536) return (null, []);
        }
        var head = Encoding.ASCII.GetString(buffer.ToArray());
        var length = 0;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line[15..].Trim(), CultureInfo.InvariantCulture);
            }
        }
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        return (head, body);
    }

    private async Task<(int Status, string? Type, byte[] Body)> ForwardAsync(string head, byte[] body)
    {
        var lines = head.Split("\r\n");
        var pathAndQuery = lines[0].Split(' ')[1];
        var target = Target();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target, pathAndQuery));
        request.Content = new ByteArrayContent(body);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) request.Content.Headers.TryAddWithoutValidation(name, value);
            else if (name.Equals("Host", StringComparison.OrdinalIgnoreCase)) request.Headers.Host = value;  // RespURI keeps pointing here
        }
        using var response = await _http.SendAsync(request, _stop.Token);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsByteArrayAsync(_stop.Token));
    }

    private static async Task WriteResponseAsync(NetworkStream stream, int status, string? type, byte[] body, int send)
    {
        var head = $"HTTP/1.1 {status} X\r\nContent-Length: {body.Length}\r\n" + (type is null ? "" : $"Content-Type: {type}\r\n") + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body.AsMemory(0, send));
        await stream.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }
        _http.Dispose();
        _stop.Dispose();
    }
}
