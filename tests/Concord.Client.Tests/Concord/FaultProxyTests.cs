using Concord.Client.Tests.Support;
using Concord.Interop.Tests.Concord;
using Concord.Sync;
using Xunit.Abstractions;

namespace Concord.Client.Tests.Concord;

/// <summary>
/// A proxy between Concord's client and <c>concord serve</c> fails each message of a session in turn (drops the
/// request, drops, truncates or delays the answer); after one more sync both sides hold the same items.
/// </summary>
public sealed class FaultProxyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(FaultAction.DropRequest)]
    [InlineData(FaultAction.DropAnswer)]
    [InlineData(FaultAction.TruncateAnswer)]
    [InlineData(FaultAction.DelayAnswer)]
    public async Task A_failure_at_each_message_of_a_session_ends_equal_after_one_more_sync(FaultAction action)
    {
        await using var host = await ConcordHost.StartAsync();
        await using var proxy = new FaultProxy(() => host.Url) { Delay = TimeSpan.FromSeconds(1) };
        using var rig = new HttpClientRig(proxy.Url) { MaxMsgSize = 6000 };
        var a = rig.Folder();
        var b = rig.Folder();
        for (var i = 0; i < 20; i++) a.Write($"a{i}.vcf", Cards.VCard($"A{i}", $"+1 555 01{i:00}", new string('x', 200)));
        await rig.SyncOkAsync(a, SyncType.Slow);
        await rig.SyncOkAsync(b, SyncType.Slow);

        for (var at = 1; at <= 6; at++)
        {
            var names = a.Items().Keys.Where(k => !k.StartsWith("new", StringComparison.Ordinal)).ToList();
            for (var i = 0; i < 8; i++) a.Write($"new-a{at}-{i}.vcf", Cards.VCard($"NewA{at}x{i}", note: new string('z', 500)));
            a.Write(names[0], Cards.VCard($"Edited{at}"));
            a.Delete(names[^1]);
            for (var i = 0; i < 12; i++) b.Write($"new-b{at}-{i}.vcf", Cards.VCard($"NewB{at}x{i}", note: new string('y', 500)));
            await rig.SyncOkAsync(b, SyncType.TwoWay);

            var first = proxy.Requests + at;
            proxy.Decide = n => n == first ? action : FaultAction.Forward;
            var faulty = await rig.SyncAsync(a, SyncType.TwoWay);
            Assert.True(proxy.Requests >= first, $"the session had fewer than {at} messages");
            proxy.Decide = _ => FaultAction.Forward;
            output.WriteLine($"{action} at message {at}: {(faulty.Succeeded ? "the session still succeeded" : faulty.Error)}");
            if (action == FaultAction.DelayAnswer) Assert.True(faulty.Succeeded, ClientRig.Describe(faulty));
            else Assert.False(faulty.Succeeded);

            await rig.SyncOkAsync(a, SyncType.TwoWay);
            await rig.SyncOkAsync(b, SyncType.TwoWay);

            var server = Same.Items(host.Items("contacts"));
            Assert.Equal(server, Same.Items(a.Items().Values));
            Assert.Equal(server, Same.Items(b.Items().Values));
            Assert.Equal(server.Count, server.Distinct().Count());
            Assert.Contains(server, s => s.Contains($"NewA{at}x7", StringComparison.Ordinal));
            Assert.Contains(server, s => s.Contains($"Edited{at}", StringComparison.Ordinal));
            Assert.Contains(server, s => s.Contains($"NewB{at}x11", StringComparison.Ordinal));
        }
    }
}
