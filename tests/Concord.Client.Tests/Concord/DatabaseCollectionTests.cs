using System.Diagnostics;
using Concord.Client.Tests.Cli;
using Concord.Client.Tests.Support;
using Concord.Interop.Tests.Concord;
using Concord.Storage.Client;
using Concord.Sync;
using Concord.SyncML;
using Concord.SyncML.Client;
using Concord.SyncML.Documents;
using Xunit.Abstractions;

namespace Concord.Client.Tests.Concord;

/// <summary>
/// The local side a collection in Concord's own database (one portal's alice) syncing with <c>concord serve</c>
/// (another portal's bob), while a folder client on bob's account changes the server's side.
/// </summary>
public sealed class DatabaseCollectionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(SyncMLEncoding.Xml, SyncMLVersion.V12)]
    [InlineData(SyncMLEncoding.Wbxml, SyncMLVersion.V11)]
    public async Task Every_mode_leaves_the_collection_and_the_server_equal(SyncMLEncoding encoding, SyncMLVersion version)
    {
        await using var host = await ConcordHost.StartAsync();
        using var rig = new HttpClientRig(host.Url) { Encoding = encoding, Version = version };
        using var db = new LocalDatabase();
        var b = rig.Folder();
        var ids = Enumerable.Range(0, 4).Select(i => db.Put(Cards.VCard($"Db{i}", $"+1 555 02{i:00}"))).ToList();
        for (var i = 0; i < 3; i++) b.Write($"b{i}.vcf", Cards.VCard($"B{i}", $"+1 555 03{i:00}"));
        await rig.SyncOkAsync(b, SyncType.TwoWay);

        async Task SyncAsync(SyncType mode)
        {
            using var transport = new HttpSyncMLTransport(TimeSpan.FromSeconds(60));
            var report = await new SyncMLClient(transport, rig.Options()).SyncAsync([db.Bind(mode)]);
            Assert.True(report.Succeeded, ClientRig.Describe(report));
            Assert.Equal(Same.Items(host.Items("contacts")), Same.Items(db.Items()));
            Assert.Equal(0, db.Count("SELECT COUNT(*) FROM client_pending_writes"));
        }

        await SyncAsync(SyncType.Slow);
        Assert.Equal(7, db.Items().Count);

        db.Put(Cards.VCard("Db0", "+1 555 0299"), ids[0]);
        db.Store.Delete(ids[1]);
        db.Put(Cards.VCard("DbNew"));
        b.Write("b-new.vcf", Cards.VCard("BNew"));
        await rig.SyncOkAsync(b, SyncType.TwoWay);
        await SyncAsync(SyncType.TwoWay);
        await rig.SyncOkAsync(b, SyncType.TwoWay);
        Assert.Equal(Same.Items(db.Items()), Same.Items(b.Items().Values));
        Assert.Contains(db.Items(), i => i.Contains("+1 555 0299", StringComparison.Ordinal));
        Assert.Contains(db.Items(), i => i.Contains("BNew", StringComparison.Ordinal));

        db.Put(Cards.VCard("OneWayUp1"));
        db.Put(Cards.VCard("OneWayUp2"));
        await SyncAsync(SyncType.OneWayFromClient);

        await rig.SyncOkAsync(b, SyncType.TwoWay);
        b.Write("b-down.vcf", Cards.VCard("OneWayDown"));
        b.Write("b0.vcf", Cards.VCard("B0", "+1 555 0388"));
        b.Delete("b1.vcf");
        await rig.SyncOkAsync(b, SyncType.TwoWay);
        await SyncAsync(SyncType.OneWayFromServer);
        Assert.Contains(db.Items(), i => i.Contains("+1 555 0388", StringComparison.Ordinal));
        Assert.DoesNotContain(db.Items(), i => i.Contains("N:B1;", StringComparison.Ordinal));

        db.Store.Delete(ids[2]);
        db.Put(Cards.VCard("RefreshUp"));
        await SyncAsync(SyncType.RefreshFromClient);

        db.Put(Cards.VCard("OnlyHere"));
        await SyncAsync(SyncType.RefreshFromServer);
        Assert.DoesNotContain(db.Items(), i => i.Contains("OnlyHere", StringComparison.Ordinal));
        Assert.Equal(db.Items().Count, db.Items().Distinct().Count());
    }

    [Fact]
    public async Task Portal_to_portal_what_the_client_brings_in_reaches_the_portals_own_devices_and_back()
    {
        await using var remote = await ConcordHost.StartAsync();
        using var remoteRig = new HttpClientRig(remote.Url);
        using var portal = new ClientRig();   // the local portal's engine: alice's phone syncs with it
        var collection = new SqliteCollectionStore(portal.Engine.Data.Repository.DatabasePath, "alice", StoreKind.Contacts);
        var phone = portal.Folder();
        var remoteDevice = remoteRig.Folder();
        var phoneOptions = portal.Options("alice", "wonder");
        async Task PortalToPortalAsync()
        {
            using var transport = new HttpSyncMLTransport(TimeSpan.FromSeconds(60));
            var report = await new SyncMLClient(transport, remoteRig.Options()).SyncAsync([new ClientStoreBinding(collection, collection, "contacts", SyncType.TwoWay)]);
            Assert.True(report.Succeeded, ClientRig.Describe(report));
        }

        for (var i = 0; i < 3; i++) phone.Write($"p{i}.vcf", Cards.VCard($"Phone{i}"));
        await portal.SyncOkAsync(phone, SyncType.TwoWay, phoneOptions);
        await PortalToPortalAsync();
        await remoteRig.SyncOkAsync(remoteDevice, SyncType.TwoWay);
        remoteDevice.Write("r0.vcf", Cards.VCard("Remote0"));
        var phone1 = remoteDevice.Items().First(kv => kv.Value.Contains("Phone1", StringComparison.Ordinal)).Key;
        remoteDevice.Write(phone1, Cards.VCard("Phone1", "+1 555 0177"));
        await remoteRig.SyncOkAsync(remoteDevice, SyncType.TwoWay);
        await PortalToPortalAsync();
        await portal.SyncOkAsync(phone, SyncType.TwoWay, phoneOptions);

        Assert.Contains(phone.Items().Values, i => i.Contains("Remote0", StringComparison.Ordinal));
        Assert.Contains(phone.Items().Values, i => i.Contains("+1 555 0177", StringComparison.Ordinal));
        phone.Delete(phone.Items().First(kv => kv.Value.Contains("Phone2", StringComparison.Ordinal)).Key);
        await portal.SyncOkAsync(phone, SyncType.TwoWay, phoneOptions);
        await PortalToPortalAsync();
        await remoteRig.SyncOkAsync(remoteDevice, SyncType.TwoWay);

        var onRemote = Same.Items(remote.Items("contacts"));
        Assert.Equal(3, onRemote.Count);
        Assert.Equal(onRemote, Same.Items(portal.Engine.Items("contacts", "alice")));
        Assert.Equal(onRemote, Same.Items(phone.Items().Values));
        Assert.Equal(onRemote, Same.Items(remoteDevice.Items().Values));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public async Task A_concord_sync_killed_mid_session_leaves_the_collection_consistent_and_the_next_run_ends_equal(int killAtMessage)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var host = await ConcordHost.StartAsync();
        await using var proxy = new FaultProxy(() => host.Url);
        using var rig = new HttpClientRig(host.Url);
        using var db = new LocalDatabase();
        var b = rig.Folder();
        const int count = 150;
        for (var i = 0; i < count; i++) b.Write($"{i}.vcf", Cards.VCard($"P{i}", $"+44 20 7946 {i:0000}", new string('x', 300)));
        await rig.SyncOkAsync(b, SyncType.Slow);
        for (var i = 0; i < 5; i++) db.Put(Cards.VCard($"Mine{i}"));
        string[] args = ["sync", "--url", proxy.Url.ToString(), "--user", "bob", "--store", $"sqlite:{db.Data.Path}#alice/contacts=contacts",
            "--mode", "slow", "--max-msg-size", "10240", "--retries", "0"];

        var start = ConcordServerProcess.ConcordStartInfo(args);
        start.RedirectStandardInput = false;
        start.Environment["CONCORD_PASSWORD"] = "secret";
        using var client = Process.Start(start)!;
        var stderr = client.StandardError.ReadToEndAsync(timeout.Token);
        _ = client.StandardOutput.ReadToEndAsync(timeout.Token);
        var killAt = proxy.Requests + killAtMessage;
        proxy.BeforeForward = n =>
        {
            if (n != killAt) return;
            client.Kill();   // SIGKILL by pid, while its message is on the way
            client.WaitForExit();
        };
        await client.WaitForExitAsync(timeout.Token);
        proxy.BeforeForward = null;
        output.WriteLine(await stderr);
        Assert.NotEqual(0, client.ExitCode);

        // Every item the server sent and the client wrote has its mapping, written in the same transaction.
        var local = db.Items();
        var fromServer = local.Count(i => !i.Contains("Mine", StringComparison.Ordinal));
        Assert.True(fromServer > 0, "the kill came before any of the server's items was written");
        Assert.True(fromServer < count, "the kill came after the whole download");
        Assert.Equal(fromServer, db.Count("SELECT COUNT(*) FROM client_id_map"));
        Assert.Equal(0, db.Count("SELECT COUNT(*) FROM client_pending_writes"));
        Assert.Equal(1, db.Count("SELECT COUNT(*) FROM client_interrupted"));

        var again = await ConcordCli.RunAsync(["sync", "--url", proxy.Url.ToString(), "--user", "bob", "--store",
            $"sqlite:{db.Data.Path}#alice/contacts=contacts", "--mode", "two-way"], new Dictionary<string, string?> { ["CONCORD_PASSWORD"] = "secret" });
        Assert.True(again.ExitCode == 0, again.ToString());
        // The killed session was marked under way when it began: the next run asked to resume it (225) and the
        // server ran the interrupted slow sync again (status 200), not a new one after 508.
        Assert.True(again.Error.Contains("the server runs a slow sync (asked two-way, Alert status 200)", StringComparison.Ordinal), again.ToString());
        await rig.SyncOkAsync(b, SyncType.TwoWay);

        var onServer = Same.Items(host.Items("contacts"));
        Assert.Equal(count + 5, onServer.Distinct().Count());   // nothing lost, nothing doubled
        Assert.Equal(onServer, Same.Items(db.Items()));
        Assert.Equal(onServer, Same.Items(b.Items().Values));
    }
}
