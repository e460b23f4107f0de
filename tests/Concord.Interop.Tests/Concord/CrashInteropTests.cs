using Concord.Interop.Tests.SyncEvolution;
using Xunit.Abstractions;

namespace Concord.Interop.Tests.Concord;

/// <summary>The server killed with SIGKILL in the middle of a session, restarted, and the next sync repairs everything.</summary>
public sealed class CrashInteropTests(ITestOutputHelper output)
{
    private const string User = "bob";
    private const string Secret = "pw";
    private const SyncEvolutionDatastore C = SyncEvolutionDatastore.Contacts;

    private static string VCard(int i) =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Family{i};Person{i};;;\r\nFN:Person{i} Family{i}\r\nTEL;TYPE=CELL:+44 20 7946 {i:0000}\r\n" +
        $"EMAIL:person{i}@example.org\r\nNOTE:{new string('x', 300)}\r\nEND:VCARD\r\n";

    private static Task<SyncEvolutionClient> Device(Uri url, string id, CancellationToken token) =>
        SyncEvolutionClient.CreateAsync(new SyncEvolutionClientOptions
        {
            ServerUrl = url, Username = User, Password = Secret, DeviceId = id, Encoding = SyncEvolutionMessageEncoding.Xml,
            AuthType = SyncEvolutionAuthType.Basic, Datastores = [C], MaxMessageSize = 10240,
        }, token);

    private static List<string> ServerSide(ConcordServerProcess server) => ItemLines.Collection(ItemLines.ServerItems(server.DataFolder, User, "contacts"));

    [Theory]
    [InlineData("upload", 3)]
    [InlineData("download", 4)]
    public async Task A_server_killed_mid_session_and_restarted_ends_equal_after_the_next_sync(string phase, int killAfterMessages)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var token = timeout.Token;
        await using var server = await ConcordServerProcess.StartAsync([(User, Secret)], [], token);
        // The clients talk through a proxy that kills the server (SIGKILL, by pid) when the chosen request arrives.
        await using var proxy = new FaultProxy(() => server.Url);
        using var a = await Device(proxy.Url, "dev-a", token);
        using var b = await Device(proxy.Url, "dev-b", token);
        const int count = 150;
        for (var i = 0; i < count; i++) a.WriteItem(C, $"{i}.vcf", VCard(i));
        var victim = a;
        if (phase == "download")
        {
            var up = await a.SyncAsync(SyncEvolutionSyncMode.Slow, token);
            Assert.True(up.Succeeded, up.ToString());
            victim = b;
        }
        var before = proxy.Requests;
        var killAt = before + killAfterMessages + 1;
        proxy.BeforeForward = n =>
        {
            if (n == killAt) server.Kill();
        };
        var broken = await victim.SyncAsync(SyncEvolutionSyncMode.Slow, token);
        proxy.BeforeForward = null;
        output.WriteLine($"killed at request {killAt - before} of the session; the client said: exit {broken.ExitCode}");
        Assert.False(broken.Succeeded);
        Assert.Equal(before + killAfterMessages, server.MessagesReceived);

        await server.RestartAsync(token);
        var again = await victim.SyncAsync(SyncEvolutionSyncMode.TwoWay, token);
        output.WriteLine($"after restart: {again.Session?.GetMode(C)}");
        Assert.True(again.Succeeded, $"{again}\n{server.Log}");
        // The client asked to resume (Alert 225) and the server resumed the interrupted session's store.
        Assert.Contains("Resuming contacts of device " + victim.Options.DeviceId, await server.SettledLogAsync(token), StringComparison.Ordinal);
        var other = victim == a ? b : a;
        var last = await other.SyncAsync(SyncEvolutionSyncMode.TwoWay, token);
        Assert.True(last.Succeeded, $"{last}\n{server.Log}");

        Assert.Equal(count, ServerSide(server).Count);             // nothing doubled, nothing lost
        Assert.Equal(ServerSide(server), ItemLines.Collection(a.ReadItems(C).Values));
        Assert.Equal(ServerSide(server), ItemLines.Collection(b.ReadItems(C).Values));
    }
}
