using Concord.Client.Tests.Support;
using Concord.Interop.Tests.Concord;
using Concord.Interop.Tests.SyncEvolution;
using Concord.Sync;
using Concord.SyncML;
using Concord.SyncML.Client;
using Concord.SyncML.Documents;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Concord.Client.Tests.SyncEvolution;

/// <summary>
/// Concord's client against SyncEvolution's own SyncML server (syncevo-http-server with syncevo-dbus-server in a
/// private D-Bus session, file backends): after each sync, what is on both sides is compared item by item (the
/// significant lines of each item; see <see cref="ItemLines"/> for what SyncEvolution rewrites on every hop).
/// </summary>
public sealed class SyncEvolutionServerTests(ITestOutputHelper output)
{
    private const string User = "alice";
    private const string Secret = "wonderland";
    private const SyncEvolutionDatastore C = SyncEvolutionDatastore.Contacts;

    private sealed class Peer(SyncEvolutionServer server, ITestOutputHelper output) : IDisposable
    {
        /// <summary>Where the client posts: the server, or a proxy in front of it.</summary>
        public Uri Url { get; init; } = server.Url;

        private readonly HttpSyncMLTransport _transport = new(TimeSpan.FromSeconds(90));
        private readonly List<LocalFolder> _folders = [];

        public SyncEvolutionServer Server => server;

        public SyncMLEncoding Encoding { get; init; }

        public SyncMLVersion Version { get; init; } = SyncMLVersion.V12;

        public async Task<(LocalFolder Folder, string Device)> DeviceAsync(CancellationToken token)
        {
            var folder = new LocalFolder();
            _folders.Add(folder);
            // syncevo-http-server serves only device ids it has a configuration for: one per local folder.
            await server.AddClientAsync(folder.State.DeviceId, token);
            return (folder, folder.State.DeviceId);
        }

        public Task<SyncReport> SyncAsync(LocalFolder folder, SyncType mode, string password = Secret, long maxMsgSize = 1024 * 1024,
            ClientAuth auth = ClientAuth.Basic, CancellationToken token = default) =>
            new SyncMLClient(_transport, new SyncMLClientOptions
            {
                ServerUrl = Url, User = User, Password = password, Encoding = Encoding, Version = Version,
                MaxMsgSize = maxMsgSize, Auth = auth, Retries = 0,
            }, new OutputLogger<SyncMLClient>(output, LogLevel.Information)).SyncAsync([folder.Bind(mode, "contacts")], null, token);

        public async Task<SyncReport> SyncOkAsync(LocalFolder folder, SyncType mode, long maxMsgSize = 1024 * 1024,
            ClientAuth auth = ClientAuth.Basic, CancellationToken token = default)
        {
            var report = await SyncAsync(folder, mode, Secret, maxMsgSize, auth, token);
            Assert.True(report.Succeeded, ClientRig.Describe(report) + "\n" + Tail(server.GetLog()));
            return report;
        }

        public List<string> ServerSide() => Same.Items(server.ReadItems(C).Values);

        public void AssertEqual(params LocalFolder[] folders)
        {
            var onServer = ServerSide();
            foreach (var folder in folders) Assert.Equal(onServer, Same.Items(folder.Items().Values));
        }

        public void Dispose()
        {
            foreach (var f in _folders) f.Dispose();
            _transport.Dispose();
        }
    }

    private static Task<SyncEvolutionServer> StartAsync(CancellationToken token) =>
        SyncEvolutionServer.StartAsync(new SyncEvolutionServerOptions { Username = User, Password = Secret, Datastores = [C] }, token);

    private static string Tail(string log) => log.Length > 8000 ? log[^8000..] : log;

    [Theory]
    [InlineData(SyncMLEncoding.Xml, SyncMLVersion.V12)]
    [InlineData(SyncMLEncoding.Wbxml, SyncMLVersion.V12)]
    [InlineData(SyncMLEncoding.Xml, SyncMLVersion.V11)]
    [InlineData(SyncMLEncoding.Wbxml, SyncMLVersion.V11)]
    public async Task Every_mode_leaves_both_sides_equal_item_by_item(SyncMLEncoding encoding, SyncMLVersion version)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var token = timeout.Token;
        await using var server = await StartAsync(token);
        using var peer = new Peer(server, output) { Encoding = encoding, Version = version };
        var (a, _) = await peer.DeviceAsync(token);
        for (var i = 0; i < 4; i++) a.Write($"c{i}.vcf", Cards.VCard($"C{i}", $"+1 555 01{i:00}"));

        var slow = await peer.SyncOkAsync(a, SyncType.Slow, token: token);
        Assert.Equal(SyncType.Slow, slow.Stores[0].Performed);
        Assert.Equal(4, server.ReadItems(C).Count);
        peer.AssertEqual(a);

        a.Write("new.vcf", Cards.VCard("New"));
        a.Write("c0.vcf", Cards.VCard("C0", "+1 555 0999"));
        a.Delete("c1.vcf");
        var twoWay = await peer.SyncOkAsync(a, SyncType.TwoWay, token: token);
        Assert.Equal((SyncType.TwoWay, 1, 1, 1), (twoWay.Stores[0].Performed!.Value, twoWay.Stores[0].Remote.Added, twoWay.Stores[0].Remote.Updated, twoWay.Stores[0].Remote.Deleted));
        peer.AssertEqual(a);

        server.WriteItem(C, "from-server.vcf", Cards.VCard("FromServer"));
        a.Write("local-only.vcf", Cards.VCard("LocalOnly"));
        var fromServer = await peer.SyncOkAsync(a, SyncType.OneWayFromServer, token: token);
        Assert.Equal((SyncType.OneWayFromServer, 1, 0), (fromServer.Stores[0].Performed!.Value, fromServer.Stores[0].Local.Added, fromServer.Stores[0].Remote.Added));
        Assert.Contains(a.Items().Values, v => v.Contains("FromServer", StringComparison.Ordinal));

        var fromClient = await peer.SyncOkAsync(a, SyncType.OneWayFromClient, token: token);
        Assert.Equal((SyncType.OneWayFromClient, 1), (fromClient.Stores[0].Performed!.Value, fromClient.Stores[0].Remote.Added));
        peer.AssertEqual(a);

        a.Write("junk.vcf", Cards.VCard("Junk"));
        var refreshDown = await peer.SyncOkAsync(a, SyncType.RefreshFromServer, token: token);
        Assert.Equal(SyncType.RefreshFromServer, refreshDown.Stores[0].Performed);
        Assert.DoesNotContain(a.Items().Values, v => v.Contains("Junk", StringComparison.Ordinal));
        peer.AssertEqual(a);

        server.WriteItem(C, "server-junk.vcf", Cards.VCard("ServerJunk"));
        var refreshUp = await peer.SyncOkAsync(a, SyncType.RefreshFromClient, token: token);
        Assert.Equal(SyncType.RefreshFromClient, refreshUp.Stores[0].Performed);
        Assert.DoesNotContain(server.ReadItems(C).Values, v => v.Contains("ServerJunk", StringComparison.Ordinal));
        peer.AssertEqual(a);

        var again = await peer.SyncOkAsync(a, SyncType.TwoWay, token: token);
        Assert.Equal(SyncType.TwoWay, again.Stores[0].Performed);
        Assert.Equal(6, a.Items().Count);   // 4, one new, one deleted, one from each side
        peer.AssertEqual(a);
    }

    [Theory]
    [InlineData(SyncMLEncoding.Xml)]
    [InlineData(SyncMLEncoding.Wbxml)]
    public async Task Many_messages_and_a_large_item_travel_both_ways(SyncMLEncoding encoding)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var token = timeout.Token;
        await using var server = await StartAsync(token);
        using var peer = new Peer(server, output) { Encoding = encoding };
        var (a, _) = await peer.DeviceAsync(token);
        var (b, _) = await peer.DeviceAsync(token);
        for (var i = 0; i < 40; i++) a.Write($"c{i:00}.vcf", Cards.VCard($"Contact{i:00}", $"+1 555 01{i:00}", new string('n', 200)));
        var photo = Cards.WithPhoto("Photo", 60_000);
        a.Write("photo.vcf", photo);

        var up = await peer.SyncOkAsync(a, SyncType.Slow, maxMsgSize: 10240, token: token);
        var down = await peer.SyncOkAsync(b, SyncType.Slow, maxMsgSize: 10240, token: token);

        Assert.True(up.Messages >= 8, $"{up.Messages} messages up");
        Assert.True(down.Messages >= 8, $"{down.Messages} messages down");
        Assert.Equal(41, down.Stores[0].Local.Added);
        Assert.Equal(41, server.ReadItems(C).Count);
        peer.AssertEqual(a, b);
        Assert.Contains(Same.Item(photo), Same.Items(b.Items().Values));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public async Task A_session_cut_off_is_resumed_or_repeated_and_both_sides_end_equal(int cutAt)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var token = timeout.Token;
        await using var server = await StartAsync(token);
        await using var proxy = new FaultProxy(() => server.Url);
        using var peer = new Peer(server, output) { Url = new Uri(proxy.Url, server.Url.AbsolutePath) };
        var (a, _) = await peer.DeviceAsync(token);
        var (b, _) = await peer.DeviceAsync(token);
        for (var i = 0; i < 30; i++) a.Write($"c{i:00}.vcf", Cards.VCard($"C{i:00}", $"+1 555 01{i:00}", new string('n', 300)));
        await peer.SyncOkAsync(a, SyncType.Slow, maxMsgSize: 10240, token: token);
        var first = proxy.Requests + cutAt;
        proxy.Decide = n => n == first ? FaultAction.DropAnswer : FaultAction.Forward;

        var broken = await peer.SyncAsync(b, SyncType.Slow, maxMsgSize: 10240, token: token);
        proxy.Decide = _ => FaultAction.Forward;
        output.WriteLine($"cut at message {cutAt}: {broken.Error}");
        var again = await peer.SyncOkAsync(b, SyncType.TwoWay, maxMsgSize: 10240, token: token);
        output.WriteLine($"then: {again.Stores[0].Performed}, local +{again.Stores[0].Local.Added}");

        Assert.False(broken.Succeeded);
        Assert.Equal(30, server.ReadItems(C).Count);
        peer.AssertEqual(a, b);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_nothing_changes_on_either_side()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var token = timeout.Token;
        await using var server = await StartAsync(token);
        using var peer = new Peer(server, output) { Encoding = SyncMLEncoding.Wbxml };
        var (a, _) = await peer.DeviceAsync(token);
        a.Write("one.vcf", Cards.VCard("One"));
        server.WriteItem(C, "theirs.vcf", Cards.VCard("Theirs"));

        var report = await peer.SyncAsync(a, SyncType.TwoWay, password: "wrong", token: token);

        Assert.False(report.Succeeded);
        Assert.Contains("refused the credentials of user 'alice' (status 401", report.Error, StringComparison.Ordinal);
        Assert.Equal(["one.vcf"], a.Items().Keys);
        Assert.Equal(["theirs.vcf"], server.ReadItems(C).Keys);
    }

    [Fact]
    public async Task Md5_authentication_uses_the_nonce_the_server_handed_out()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var token = timeout.Token;
        await using var server = await StartAsync(token);
        using var peer = new Peer(server, output);
        var (a, _) = await peer.DeviceAsync(token);
        a.Write("one.vcf", Cards.VCard("One"));

        await peer.SyncOkAsync(a, SyncType.Slow, auth: ClientAuth.Md5, token: token);
        a.Write("two.vcf", Cards.VCard("Two"));
        var second = await peer.SyncOkAsync(a, SyncType.TwoWay, auth: ClientAuth.Md5, token: token);

        Assert.Equal(1, second.Stores[0].Remote.Added);
        peer.AssertEqual(a);
    }
}
