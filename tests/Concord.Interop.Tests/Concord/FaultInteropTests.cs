using Concord.Interop.Tests.SyncEvolution;
using Xunit.Abstractions;

namespace Concord.Interop.Tests.Concord;

/// <summary>
/// A proxy fails one request of a session in turn (drops it, drops or truncates the answer, or delays it); after
/// one more sync every side holds the same items, nothing lost and nothing doubled.
/// </summary>
public sealed class FaultInteropTests(ITestOutputHelper output)
{
    private const string User = "bob";
    private const string Secret = "pw";
    private const SyncEvolutionDatastore C = SyncEvolutionDatastore.Contacts;

    private static string VCard(string name, string tel) =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{name};Test;;;\r\nFN:Test {name}\r\nTEL;TYPE=CELL:{tel}\r\nEND:VCARD\r\n";

    [Theory]
    [InlineData(FaultAction.DropRequest)]
    [InlineData(FaultAction.DropAnswer)]
    [InlineData(FaultAction.TruncateAnswer)]
    [InlineData(FaultAction.DelayAnswer)]
    public async Task A_failure_at_any_message_ends_with_both_sides_equal_after_one_more_sync(FaultAction action)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var token = timeout.Token;
        await using var server = await ConcordServerProcess.StartAsync([(User, Secret)], [], token);
        await using var proxy = new FaultProxy(() => server.Url) { Delay = TimeSpan.FromSeconds(2) };
        SyncEvolutionClientOptions Options(string id) => new()
        {
            ServerUrl = proxy.Url, Username = User, Password = Secret, DeviceId = id, Encoding = SyncEvolutionMessageEncoding.Xml,
            AuthType = SyncEvolutionAuthType.Basic, Datastores = [C], MaxMessageSize = 10240,
        };
        using var a = await SyncEvolutionClient.CreateAsync(Options("dev-a"), token);
        using var b = await SyncEvolutionClient.CreateAsync(Options("dev-b"), token);
        for (var i = 0; i < 20; i++) a.WriteItem(C, $"a{i}.vcf", VCard($"A{i}", $"+1 555 01{i:00}"));
        Assert.True((await a.SyncAsync(SyncEvolutionSyncMode.Slow, token)).Succeeded);
        Assert.True((await b.SyncAsync(SyncEvolutionSyncMode.Slow, token)).Succeeded);

        for (var at = 1; at <= 3; at++)
        {
            // Changes on both sides, then A's session fails at its request number `at`.
            a.WriteItem(C, $"new-a{at}.vcf", VCard($"NewA{at}", $"+1 555 02{at:00}"));
            var aItems = a.ReadItems(C);
            a.WriteItem(C, aItems.Keys.First(k => !k.StartsWith("new", StringComparison.Ordinal)), VCard($"Edited{at}", $"+1 555 03{at:00}"));
            a.DeleteItem(C, aItems.Keys.Last(k => !k.StartsWith("new", StringComparison.Ordinal)));
            b.WriteItem(C, $"new-b{at}.vcf", VCard($"NewB{at}", $"+1 555 04{at:00}"));
            Assert.True((await b.SyncAsync(SyncEvolutionSyncMode.TwoWay, token)).Succeeded);

            var first = proxy.Requests + at;
            proxy.Decide = n => n == first ? action : FaultAction.Forward;
            var faulty = await a.SyncAsync(SyncEvolutionSyncMode.TwoWay, token);
            proxy.Decide = _ => FaultAction.Forward;
            output.WriteLine($"{action} at request {at}: the client {(faulty.Succeeded ? "succeeded" : "failed")}");

            var repair = await a.SyncAsync(SyncEvolutionSyncMode.TwoWay, token);
            Assert.True(repair.Succeeded, $"repair after {action} at {at}:\n{repair}\n{Tail(server.Log)}");
            Assert.True((await b.SyncAsync(SyncEvolutionSyncMode.TwoWay, token)).Succeeded);
            Assert.True((await a.SyncAsync(SyncEvolutionSyncMode.TwoWay, token)).Succeeded);

            var onServer = ItemLines.Collection(ItemLines.ServerItems(server.DataFolder, User, "contacts"));
            Assert.Equal(onServer, ItemLines.Collection(a.ReadItems(C).Values));
            Assert.Equal(onServer, ItemLines.Collection(b.ReadItems(C).Values));
            Assert.Equal(onServer.Count, onServer.Distinct().Count());   // nothing doubled
            Assert.Contains(onServer, i => i.Contains($"NewA{at}", StringComparison.Ordinal));
            Assert.Contains(onServer, i => i.Contains($"NewB{at}", StringComparison.Ordinal));
            Assert.Contains(onServer, i => i.Contains($"Edited{at}", StringComparison.Ordinal));
        }
    }

    private static string Tail(string log) => log.Length > 20000 ? log[^20000..] : log;
}
