using Concord.Interop.Tests.SyncEvolution;
using Xunit.Abstractions;

namespace Concord.Interop.Tests.Concord;

/// <summary>Every refresh and one-way mode, SyncML 1.0, small messages, large objects and a wrong password.</summary>
public sealed class ModesInteropTests(ITestOutputHelper output)
{
    private const string User = "bob";
    private const string Secret = "pw";
    private const SyncEvolutionDatastore C = SyncEvolutionDatastore.Contacts;

    private static string VCard(string given, string family, string tel, string? extra = null) =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{family};{given};;;\r\nFN:{given} {family}\r\nTEL;TYPE=CELL:{tel}\r\n{extra}END:VCARD\r\n";

    private static Task<SyncEvolutionClient> Device(ConcordServerProcess server, string id, CancellationToken token,
        int? maxMsgSize = null, string password = Secret, SyncEvolutionMessageEncoding encoding = SyncEvolutionMessageEncoding.Xml,
        int? maxObjSize = null) =>
        SyncEvolutionClient.CreateAsync(new SyncEvolutionClientOptions
        {
            ServerUrl = server.Url, Username = User, Password = password, DeviceId = id, Encoding = encoding,
            AuthType = SyncEvolutionAuthType.Basic, Datastores = [C], MaxMessageSize = maxMsgSize, MaxObjectSize = maxObjSize,
        }, token);

    private async Task Sync(SyncEvolutionClient client, SyncEvolutionSyncMode mode, ConcordServerProcess server, CancellationToken token)
    {
        var r = await client.SyncAsync(mode, token);
        output.WriteLine($"{client.Options.DeviceId} {mode}: {r.Duration.TotalSeconds:0.00} s, mode {r.Session?.GetMode(C)}");
        Assert.True(r.Succeeded, $"{mode}:\n{r}\n--- server ---\n{(server.Log.Length > 20000 ? server.Log[^20000..] : server.Log)}");
    }

    private static List<string> ServerSide(ConcordServerProcess server) => ItemLines.Collection(ItemLines.ServerItems(server.DataFolder, User, "contacts"));

    private static List<string> DeviceSide(SyncEvolutionClient c) => ItemLines.Collection(c.ReadItems(C).Values);

    [Fact]
    public async Task Refresh_and_one_way_modes_move_data_in_the_direction_they_name_and_only_that()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var token = timeout.Token;
        await using var server = await ConcordServerProcess.StartAsync([(User, Secret)], [], token);
        using var a = await Device(server, "dev-a", token);
        using var b = await Device(server, "dev-b", token);
        a.WriteItem(C, "ann.vcf", VCard("Ann", "Lee", "111"));
        a.WriteItem(C, "bo.vcf", VCard("Bo", "Chan", "222"));
        await Sync(a, SyncEvolutionSyncMode.Slow, server, token);

        // refresh-from-server: B's own item is gone, B holds exactly the server's items.
        b.WriteItem(C, "zed.vcf", VCard("Zed", "Only", "999"));
        await Sync(b, SyncEvolutionSyncMode.RefreshFromServer, server, token);
        Assert.Equal(ServerSide(server), DeviceSide(b));
        Assert.Equal(2, b.ReadItems(C).Count);

        // one-way-from-client: A's new item reaches the server, B's new item does not reach A.
        a.WriteItem(C, "cy.vcf", VCard("Cy", "Park", "333"));
        b.WriteItem(C, "dee.vcf", VCard("Dee", "Moss", "444"));
        await Sync(b, SyncEvolutionSyncMode.OneWayFromServer, server, token);   // B gets nothing new, sends nothing
        Assert.Equal(2, ServerSide(server).Count);
        await Sync(a, SyncEvolutionSyncMode.OneWayFromClient, server, token);
        Assert.Equal(3, ServerSide(server).Count);
        Assert.Equal(3, a.ReadItems(C).Count);

        // one-way-from-server: B receives Cy, keeps Dee locally, and Dee does not go up.
        await Sync(b, SyncEvolutionSyncMode.OneWayFromServer, server, token);
        Assert.Equal(4, b.ReadItems(C).Count);
        Assert.Equal(3, ServerSide(server).Count);

        // refresh-from-client: the server becomes exactly B (Dee included), and A follows with two-way.
        await Sync(b, SyncEvolutionSyncMode.RefreshFromClient, server, token);
        Assert.Equal(DeviceSide(b), ServerSide(server));
        Assert.Equal(4, ServerSide(server).Count);
        await Sync(a, SyncEvolutionSyncMode.TwoWay, server, token);
        Assert.Equal(ServerSide(server), DeviceSide(a));
    }

    [Fact]
    public async Task SyncML_1_0_clients_sync_too()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var token = timeout.Token;
        await using var server = await ConcordServerProcess.StartAsync([(User, Secret)], [], token);
        using var a = await Device(server, "dev-10", token);
        await a.ConfigureAsync(new Dictionary<string, string> { ["SyncMLVersion"] = "1.0" }, cancellationToken: token);
        a.WriteItem(C, "ann.vcf", VCard("Ann", "Lee", "111"));
        await Sync(a, SyncEvolutionSyncMode.Slow, server, token);
        Assert.Contains("<VerProto>SyncML/1.0</VerProto>", await server.SettledLogAsync(token), StringComparison.Ordinal);
        using var b = await Device(server, "dev-12", token);
        await Sync(b, SyncEvolutionSyncMode.Slow, server, token);
        Assert.Equal(ServerSide(server), DeviceSide(b));
        Assert.Single(ServerSide(server));
    }

    [Theory]
    [InlineData(SyncEvolutionMessageEncoding.Xml)]
    [InlineData(SyncEvolutionMessageEncoding.Wbxml)]
    public async Task A_small_MaxMsgSize_forces_many_messages_and_everything_arrives(SyncEvolutionMessageEncoding encoding)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var token = timeout.Token;
        await using var server = await ConcordServerProcess.StartAsync([(User, Secret)], [], token);
        using var a = await Device(server, "dev-a", token, maxMsgSize: 5000, encoding: encoding);
        for (var i = 0; i < 60; i++) a.WriteItem(C, $"{i}.vcf", VCard("Person" + i, "Family" + i, "555 01" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), $"NOTE:{new string('n', 700)}\r\n"));
        await Sync(a, SyncEvolutionSyncMode.Slow, server, token);
        await server.SettledLogAsync(token);
        var upMessages = server.MessagesReceived;
        using var b = await Device(server, "dev-b", token, maxMsgSize: 5000, encoding: encoding);
        await Sync(b, SyncEvolutionSyncMode.Slow, server, token);
        await server.SettledLogAsync(token);
        var downMessages = server.MessagesReceived - upMessages;
        output.WriteLine($"messages up {upMessages}, down {downMessages}; answer sizes {string.Join(",", server.AnswerSizes)}");
        // SyncEvolution raises a configured maxMsgSize below 10240 to 10240: the limit is what the client announces.
        var incoming = string.Join("\n", (await server.SettledLogAsync(token)).Split(" dbug: ").Where(e => e.Contains("Message in session", StringComparison.Ordinal)));
        var announced = System.Text.RegularExpressions.Regex.Matches(incoming, "<MaxMsgSize xmlns=.syncml:metinf.>(\\d+)<")
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        var limit = Assert.Single(announced);
        Assert.True(limit <= 10240, $"the client announced {limit}");
        Assert.True(downMessages >= 5, $"only {downMessages} messages for 60 items of 1 KB at {limit} bytes");
        Assert.All(server.AnswerSizes, size => Assert.True(size <= limit, $"an answer of {size} bytes, above {limit}"));
        Assert.Equal(60, b.ReadItems(C).Count);
        Assert.Equal(ServerSide(server), DeviceSide(b));
        Assert.Equal(ServerSide(server), DeviceSide(a));
    }

    [Theory]
    [InlineData(SyncEvolutionMessageEncoding.Xml)]
    [InlineData(SyncEvolutionMessageEncoding.Wbxml)]
    public async Task A_contact_with_a_200_KB_photo_travels_in_chunks_both_ways(SyncEvolutionMessageEncoding encoding)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var token = timeout.Token;
        // The server takes messages of at most 40,000 bytes (it says so in every answer), so the client must chunk.
        await using var server = await ConcordServerProcess.StartAsync([(User, Secret)], ["--Concord:SyncML:MaxRequestBytes=40000"], token);
        var photo = Convert.ToBase64String(Enumerable.Range(0, 150_000).Select(i => (byte)((i * 31) ^ (i >> 7))).ToArray());
        var card = VCard("Pic", "Ture", "777", $"PHOTO;ENCODING=b;TYPE=JPEG:{photo}\r\n");
        Assert.True(card.Length > 200_000);
        using var a = await Device(server, "dev-a", token, maxMsgSize: 30_000, encoding: encoding, maxObjSize: 4_000_000);
        a.WriteItem(C, "pic.vcf", card);
        await Sync(a, SyncEvolutionSyncMode.Slow, server, token);
        Assert.Contains("<Data>213</Data>", await server.SettledLogAsync(token), StringComparison.Ordinal);   // chunks acknowledged on the way up
        using var b = await Device(server, "dev-b", token, maxMsgSize: 30_000, encoding: encoding, maxObjSize: 4_000_000);
        await Sync(b, SyncEvolutionSyncMode.Slow, server, token);
        Assert.Contains("<MoreData", server.Log, StringComparison.Ordinal);          // chunks on the way down
        var arrived = b.ReadItems(C).Values.Single();
        Assert.Contains(photo, arrived.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(ServerSide(server), DeviceSide(b));
    }

    [Fact]
    public async Task A_wrong_password_fails_the_sync_and_changes_nothing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var token = timeout.Token;
        await using var server = await ConcordServerProcess.StartAsync([(User, Secret)], [], token);
        using var a = await Device(server, "dev-a", token, password: "not it");
        a.WriteItem(C, "ann.vcf", VCard("Ann", "Lee", "111"));
        var r = await a.SyncAsync(SyncEvolutionSyncMode.Slow, token);
        Assert.False(r.Succeeded);
        Assert.Contains("401", r.ToString(), StringComparison.Ordinal);
        Assert.Empty(ItemLines.ServerItems(server.DataFolder, User, "contacts"));
    }
}
