using Concord.Client.Tests.Support;
using Concord.Interop.Tests.Concord;
using Concord.Sync;
using Xunit.Abstractions;

namespace Concord.Client.Tests.Concord;

/// <summary><c>concord serve</c> killed (SIGKILL, by pid) in the middle of a session of Concord's client, then restarted.</summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("upload", 2)]
    [InlineData("download", 3)]
    public async Task A_server_killed_mid_session_and_restarted_ends_equal_after_the_next_sync(string phase, int killAtMessage)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var token = timeout.Token;
        await using var server = await ConcordServerProcess.StartAsync([("bob", "secret")], [], token);
        await using var proxy = new FaultProxy(() => server.Url);
        using var rig = new HttpClientRig(proxy.Url) { MaxMsgSize = 10240 };
        var a = rig.Folder();
        var b = rig.Folder();
        const int count = 120;
        for (var i = 0; i < count; i++) a.Write($"{i}.vcf", Cards.VCard($"P{i}", $"+44 20 7946 {i:0000}", new string('x', 300)));
        var victim = a;
        if (phase == "download")
        {
            await rig.SyncOkAsync(a, SyncType.Slow);
            victim = b;
        }
        var killAt = proxy.Requests + killAtMessage;
        proxy.BeforeForward = n =>
        {
            if (n == killAt) server.Kill();
        };
        var broken = await rig.SyncAsync(victim, SyncType.Slow);
        proxy.BeforeForward = null;
        output.WriteLine($"killed at message {killAtMessage}: {broken.Error}");
        Assert.False(broken.Succeeded);
        Assert.StartsWith($"Message {killAtMessage} was sent once and no answer came back", broken.Error, StringComparison.Ordinal);

        await server.RestartAsync(token);
        await rig.SyncOkAsync(victim, SyncType.TwoWay);
        await rig.SyncOkAsync(victim == a ? b : a, SyncType.TwoWay);

        var onServer = Same.Items(ItemLines.ServerItems(server.DataFolder, "bob", "contacts"));
        Assert.Equal(count, onServer.Distinct().Count());    // nothing doubled, nothing lost
        Assert.Equal(onServer, Same.Items(a.Items().Values));
        Assert.Equal(onServer, Same.Items(b.Items().Values));
    }

    [Fact]
    public async Task A_client_that_resends_survives_a_server_restart_within_its_session()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var token = timeout.Token;
        await using var server = await ConcordServerProcess.StartAsync([("bob", "secret")], [], token);
        await using var proxy = new FaultProxy(() => server.Url);
        using var rig = new HttpClientRig(proxy.Url) { MaxMsgSize = 10240, Retries = 6 };
        var a = rig.Folder();
        for (var i = 0; i < 60; i++) a.Write($"{i}.vcf", Cards.VCard($"P{i}", note: new string('x', 300)));
        var killAt = proxy.Requests + 3;
        Task? restart = null;
        proxy.BeforeForward = n =>
        {
            if (n != killAt) return;
            server.Kill();
            restart = server.RestartAsync(token);
        };

        var report = await rig.SyncAsync(a, SyncType.Slow);
        proxy.BeforeForward = null;

        Assert.True(report.Succeeded, ClientRig.Describe(report) + "\n" + server.Log);
        await restart!;
        Assert.Equal(60, ItemLines.ServerItems(server.DataFolder, "bob", "contacts").Count);
    }
}
