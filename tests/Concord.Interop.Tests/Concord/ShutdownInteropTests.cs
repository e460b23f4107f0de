using Concord.Interop.Tests.SyncEvolution;
using Xunit.Abstractions;

namespace Concord.Interop.Tests.Concord;

/// <summary>SIGTERM in the middle of a session: the server finishes the message in hand, exits cleanly, and the next sync repairs the rest.</summary>
public sealed class ShutdownInteropTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_server_stopped_mid_session_exits_cleanly_and_the_next_sync_ends_equal()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var token = timeout.Token;
        await using var server = await ConcordServerProcess.StartAsync([("bob", "pw")], [], token);
        await using var proxy = new FaultProxy(() => server.Url);
        using var a = await SyncEvolutionClient.CreateAsync(new SyncEvolutionClientOptions
        {
            ServerUrl = proxy.Url, Username = "bob", Password = "pw", DeviceId = "dev-a", Encoding = SyncEvolutionMessageEncoding.Xml,
            AuthType = SyncEvolutionAuthType.Basic, Datastores = [SyncEvolutionDatastore.Contacts], MaxMessageSize = 10240,
        }, token);
        for (var i = 0; i < 80; i++)
        {
            a.WriteItem(SyncEvolutionDatastore.Contacts, $"{i}.vcf",
                $"BEGIN:VCARD\r\nVERSION:3.0\r\nN:F{i};G{i};;;\r\nFN:G{i} F{i}\r\nTEL:+1 555 {i:0000}\r\nNOTE:{new string('y', 400)}\r\nEND:VCARD\r\n");
        }
        Task<int?>? stopping = null;
        proxy.BeforeForward = n =>
        {
            if (n == 3) stopping = server.StopGracefullyAsync(TimeSpan.FromSeconds(30), token);
        };
        var cut = await a.SyncAsync(SyncEvolutionSyncMode.Slow, token);
        proxy.BeforeForward = null;
        var exit = await stopping!;
        output.WriteLine($"client: {(cut.Succeeded ? "succeeded" : "failed")}; server exit code {exit}");
        Assert.Equal(0, exit);
        Assert.Contains("Application is shutting down", server.Log, StringComparison.Ordinal);

        await server.RestartAsync(token);
        var again = await a.SyncAsync(SyncEvolutionSyncMode.TwoWay, token);
        Assert.True(again.Succeeded, $"{again}\n{server.Log}");
        var onServer = ItemLines.Collection(ItemLines.ServerItems(server.DataFolder, "bob", "contacts"));
        Assert.Equal(80, onServer.Count);
        Assert.Equal(onServer, ItemLines.Collection(a.ReadItems(SyncEvolutionDatastore.Contacts).Values));
    }
}
