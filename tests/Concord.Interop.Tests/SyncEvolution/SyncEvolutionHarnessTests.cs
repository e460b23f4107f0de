using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace Concord.Interop.Tests.SyncEvolution;

/// <summary>
/// Proves the SyncEvolution harness end to end without Concord: one SyncEvolution client slow-syncs three contacts
/// up to SyncEvolution's own server, a second client device refreshes from the server and must end up with the same
/// contacts (FN, N and TEL compared item by item).
/// </summary>
public sealed class SyncEvolutionHarnessTests(ITestOutputHelper output)
{
    private const string User = "alice";
    private const string Secret = "wonderland";

    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(4);

    private static readonly IReadOnlyDictionary<string, string> Contacts30 = new Dictionary<string, string>
    {
        ["ada.vcf"] = VCard("3.0", "Ada Lovelace", "Lovelace;Ada;;;", "TEL;TYPE=CELL:+44 20 7946 0001"),
        ["grace.vcf"] = VCard(
            "3.0", "Grace Hopper", "Hopper;Grace;Brewster Murray;Rear Admiral;", "TEL;TYPE=WORK:+1 202 555 0102"),
        ["edsger.vcf"] = VCard("3.0", "Edsger Dijkstra", "Dijkstra;Edsger;Wybe;;", "TEL;TYPE=HOME:+31 40 247 0003"),
    };

    private static readonly IReadOnlyDictionary<string, string> Contacts21 = new Dictionary<string, string>
    {
        ["ada.vcf"] = VCard("2.1", "Ada Lovelace", "Lovelace;Ada;;;", "TEL;CELL:+44 20 7946 0001"),
        ["grace.vcf"] = VCard(
            "2.1", "Grace Hopper", "Hopper;Grace;Brewster Murray;Rear Admiral;", "TEL;WORK:+1 202 555 0102"),
        ["edsger.vcf"] = VCard("2.1", "Edsger Dijkstra", "Dijkstra;Edsger;Wybe;;", "TEL;HOME:+31 40 247 0003"),
    };

    [Fact]
    public Task ContactsRoundTrip_Xml_SyncML12() =>
        RoundTripAsync(
            SyncEvolutionMessageEncoding.Xml, SyncEvolutionProtocolVersion.SyncML12, SyncEvolutionItemFormat.VCard30);

    [Fact]
    public Task ContactsRoundTrip_Wbxml_SyncML12() =>
        RoundTripAsync(
            SyncEvolutionMessageEncoding.Wbxml, SyncEvolutionProtocolVersion.SyncML12, SyncEvolutionItemFormat.VCard30);

    [Fact]
    public Task ContactsRoundTrip_Xml_SyncML11() =>
        RoundTripAsync(
            SyncEvolutionMessageEncoding.Xml, SyncEvolutionProtocolVersion.SyncML11, SyncEvolutionItemFormat.VCard30);

    [Fact]
    public Task ContactsRoundTrip_VCard21_Xml_SyncML12() =>
        RoundTripAsync(
            SyncEvolutionMessageEncoding.Xml, SyncEvolutionProtocolVersion.SyncML12, SyncEvolutionItemFormat.VCard21);

    [Fact]
    public async Task SyncAgainstSilentServer_IsKilledAtTimeout_AndLeavesNoProcessBehind()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = await SyncEvolutionClient.CreateAsync(
            new SyncEvolutionClientOptions
            {
                ServerUrl = new Uri($"http://127.0.0.1:{port}/sync"),
                Datastores = [SyncEvolutionDatastore.Contacts],
                Timeout = TimeSpan.FromSeconds(4),
            },
            timeout.Token);

        var sync = client.SyncAsync(SyncEvolutionSyncMode.TwoWay, timeout.Token);
        // The client connected and sent its first message, which is never answered.
        using var connection = await listener.AcceptTcpClientAsync(timeout.Token);
        var processes = client.RunningProcessIds.Single();
        var tree = ProcessTree.Collect(processes, rootRunning: true, rootLeadsSession: true);
        Assert.Contains(tree, pid => File.ReadAllText($"/proc/{pid}/comm").Trim() == "syncevolution");
        Assert.Contains(tree, pid => File.ReadAllText($"/proc/{pid}/comm").Trim() == "dbus-daemon");

        var result = await sync;
        Assert.True(result.TimedOut, result.ToString());
        Assert.False(result.Succeeded);
        Assert.All(tree, pid => Assert.False(ProcessTree.IsAlive(pid), $"process {pid} survived"));
        Assert.Empty(client.RunningProcessIds);
    }

    private async Task RoundTripAsync(
        SyncEvolutionMessageEncoding encoding,
        SyncEvolutionProtocolVersion version,
        SyncEvolutionItemFormat contactFormat)
    {
        var contacts = contactFormat == SyncEvolutionItemFormat.VCard21 ? Contacts21 : Contacts30;
        using var timeout = new CancellationTokenSource(TestTimeout);
        var cancellationToken = timeout.Token;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        const string firstDevice = "concord-harness-device-1";
        const string secondDevice = "concord-harness-device-2";

        await using var server = await SyncEvolutionServer.StartAsync(
            new SyncEvolutionServerOptions
            {
                Username = User,
                Password = Secret,
                ClientDeviceIds = [firstDevice],
                DebugLogging = true,
            },
            cancellationToken);
        output.WriteLine(
            $"server up at {server.Url} after {clock.Elapsed.TotalSeconds:0.00} s, "
            + $"pids {string.Join(",", server.ProcessIds)}");
        // The second device is configured on the running server, as later tests will do.
        _ = await server.AddClientAsync(secondDevice, cancellationToken);

        SyncEvolutionClientOptions ClientOptions(string deviceId) => new()
        {
            ServerUrl = server.Url,
            Username = User,
            Password = Secret,
            DeviceId = deviceId,
            Encoding = encoding,
            ProtocolVersion = version,
            Datastores = [SyncEvolutionDatastore.Contacts],
            ContactFormat = contactFormat,
        };

        using var first = await SyncEvolutionClient.CreateAsync(ClientOptions(firstDevice), cancellationToken);
        first.WriteItems(SyncEvolutionDatastore.Contacts, contacts);
        var upload = await first.SyncAsync(SyncEvolutionSyncMode.Slow, cancellationToken);
        output.WriteLine(
            $"slow sync: {upload.Duration.TotalSeconds:0.00} s, "
            + $"mode {upload.Session?.GetMode(SyncEvolutionDatastore.Contacts)}");
        Assert.True(upload.Succeeded, $"slow sync failed:\n{upload}\n{server.GetLog()}");
        Assert.Equal(200, upload.Session?.Status);
        Assert.Equal(3, upload.Session!.GetStatistic(SyncEvolutionDatastore.Contacts, "remote-added-total"));
        Assert.Equal(3, server.ReadItems(SyncEvolutionDatastore.Contacts).Count);

        using var second = await SyncEvolutionClient.CreateAsync(ClientOptions(secondDevice), cancellationToken);
        var download = await second.SyncAsync(SyncEvolutionSyncMode.RefreshFromServer, cancellationToken);
        output.WriteLine(
            $"refresh-from-server: {download.Duration.TotalSeconds:0.00} s, "
            + $"mode {download.Session?.GetMode(SyncEvolutionDatastore.Contacts)}");
        Assert.True(download.Succeeded, $"refresh-from-server failed:\n{download}\n{server.GetLog()}");
        Assert.Equal(200, download.Session?.Status);
        Assert.Equal(3, download.Session!.GetStatistic(SyncEvolutionDatastore.Contacts, "local-added-total"));

        // Item by item: every uploaded contact arrived with the same FN, N and TEL.
        var arrivedItems = second.ReadItems(SyncEvolutionDatastore.Contacts).Values.ToList();
        Assert.All(arrivedItems, item => Assert.Contains(
            contactFormat == SyncEvolutionItemFormat.VCard21 ? "VERSION:2.1" : "VERSION:3.0",
            item,
            StringComparison.Ordinal));
        var arrived = arrivedItems.Select(KeyLines).ToList();
        Assert.Equal(contacts.Count, arrived.Count);
        foreach (var expected in contacts.Values.Select(KeyLines))
        {
            var fn = expected.Single(l => l.StartsWith("FN:", StringComparison.Ordinal));
            var match = Assert.Single(arrived, lines => lines.Contains(fn));
            Assert.Equal(expected, match);
        }

        // The options really took effect on the wire (syncevo-http-server --debug logs each message's type).
        var log = server.GetLog();
        var contentType = encoding == SyncEvolutionMessageEncoding.Wbxml
            ? "application/vnd.syncml+wbxml"
            : "application/vnd.syncml+xml";
        Assert.Contains($"incoming message of type {contentType}", log, StringComparison.Ordinal);
        var versionTag = version == SyncEvolutionProtocolVersion.SyncML11 ? "SyncML/1.1" : "SyncML/1.2";
        var otherVersionTag = version == SyncEvolutionProtocolVersion.SyncML11 ? "SyncML/1.2" : "SyncML/1.1";
        if (encoding == SyncEvolutionMessageEncoding.Xml)
        {
            // The debug log shows XML messages verbatim: protocol version and item format as chosen.
            Assert.Contains($"<VerProto>{versionTag}</VerProto>", log, StringComparison.Ordinal);
            Assert.DoesNotContain($"<VerProto>{otherVersionTag}</VerProto>", log, StringComparison.Ordinal);
            var mime = contactFormat == SyncEvolutionItemFormat.VCard21 ? "text/x-vcard" : "text/vcard";
            Assert.Contains($">{mime}</Type></Meta><Item>", log, StringComparison.Ordinal);
        }

        var clientLog = await File.ReadAllTextAsync(download.LogFile!, cancellationToken);
        Assert.Contains($"({versionTag})", clientLog, StringComparison.Ordinal);
        output.WriteLine($"total {clock.Elapsed.TotalSeconds:0.00} s");
    }

    private static string VCard(string version, string formattedName, string name, string telephone) =>
        $"BEGIN:VCARD\r\nVERSION:{version}\r\nFN:{formattedName}\r\nN:{name}\r\n{telephone}\r\nEND:VCARD\r\n";

    /// <summary>
    /// The FN, N and TEL lines of a vCard (unfolded, sorted), the parts compared across the round trip.
    /// </summary>
    private static List<string> KeyLines(string vcard)
    {
        var unfolded = vcard.Replace("\r\n ", string.Empty, StringComparison.Ordinal)
            .Replace("\n ", string.Empty, StringComparison.Ordinal);
        return unfolded.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith("FN:", StringComparison.Ordinal)
                        || l.StartsWith("N:", StringComparison.Ordinal)
                        || l.StartsWith("TEL", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
