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

    private static readonly IReadOnlyDictionary<string, string> Contacts = new Dictionary<string, string>
    {
        ["ada.vcf"] = VCard("Ada Lovelace", "Lovelace;Ada;;;", "TEL;TYPE=CELL:+44 20 7946 0001"),
        ["grace.vcf"] = VCard("Grace Hopper", "Hopper;Grace;Brewster Murray;Rear Admiral;", "TEL;TYPE=WORK:+1 202 555 0102"),
        ["edsger.vcf"] = VCard("Edsger Dijkstra", "Dijkstra;Edsger;Wybe;;", "TEL;TYPE=HOME:+31 40 247 0003"),
    };

    [Fact]
    public Task ContactsRoundTrip_Xml_SyncML12() =>
        RoundTripAsync(SyncEvolutionMessageEncoding.Xml, SyncEvolutionProtocolVersion.SyncML12);

    [Fact]
    public Task ContactsRoundTrip_Wbxml_SyncML12() =>
        RoundTripAsync(SyncEvolutionMessageEncoding.Wbxml, SyncEvolutionProtocolVersion.SyncML12);

    [Fact]
    public Task ContactsRoundTrip_Xml_SyncML11() =>
        RoundTripAsync(SyncEvolutionMessageEncoding.Xml, SyncEvolutionProtocolVersion.SyncML11);

    private async Task RoundTripAsync(SyncEvolutionMessageEncoding encoding, SyncEvolutionProtocolVersion version)
    {
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
        output.WriteLine($"server up at {server.Url} after {clock.Elapsed.TotalSeconds:0.00} s, pids {string.Join(",", server.ProcessIds)}");
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
        };

        using var first = await SyncEvolutionClient.CreateAsync(ClientOptions(firstDevice), cancellationToken);
        first.WriteItems(SyncEvolutionDatastore.Contacts, Contacts);
        var upload = await first.SyncAsync(SyncEvolutionSyncMode.Slow, cancellationToken);
        output.WriteLine($"slow sync: {upload.Duration.TotalSeconds:0.00} s, mode {upload.Session?.GetMode(SyncEvolutionDatastore.Contacts)}");
        Assert.True(upload.Succeeded, $"slow sync failed:\n{upload}\n{server.GetLog()}");
        Assert.Equal(200, upload.Session?.Status);
        Assert.Equal(3, upload.Session!.GetStatistic(SyncEvolutionDatastore.Contacts, "remote-added-total"));
        Assert.Equal(3, server.ReadItems(SyncEvolutionDatastore.Contacts).Count);

        using var second = await SyncEvolutionClient.CreateAsync(ClientOptions(secondDevice), cancellationToken);
        var download = await second.SyncAsync(SyncEvolutionSyncMode.RefreshFromServer, cancellationToken);
        output.WriteLine($"refresh-from-server: {download.Duration.TotalSeconds:0.00} s, mode {download.Session?.GetMode(SyncEvolutionDatastore.Contacts)}");
        Assert.True(download.Succeeded, $"refresh-from-server failed:\n{download}\n{server.GetLog()}");
        Assert.Equal(200, download.Session?.Status);
        Assert.Equal(3, download.Session!.GetStatistic(SyncEvolutionDatastore.Contacts, "local-added-total"));

        // Item by item: every uploaded contact arrived with the same FN, N and TEL.
        var arrived = second.ReadItems(SyncEvolutionDatastore.Contacts).Values.Select(KeyLines).ToList();
        Assert.Equal(Contacts.Count, arrived.Count);
        foreach (var expected in Contacts.Values.Select(KeyLines))
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
        Assert.Contains(versionTag, await File.ReadAllTextAsync(download.LogFile!, cancellationToken), StringComparison.Ordinal);
        output.WriteLine($"total {clock.Elapsed.TotalSeconds:0.00} s");
    }

    private static string VCard(string formattedName, string name, string telephone) =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{formattedName}\r\nN:{name}\r\n{telephone}\r\nEND:VCARD\r\n";

    /// <summary>The FN, N and TEL lines of a vCard (unfolded, sorted), the parts compared across the round trip.</summary>
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
