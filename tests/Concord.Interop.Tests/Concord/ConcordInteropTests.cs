using Concord.Interop.Tests.SyncEvolution;
using Xunit.Abstractions;

namespace Concord.Interop.Tests.Concord;

/// <summary>
/// The real SyncEvolution client against <c>concord serve</c>: what ends up on each device and on the server is
/// compared item by item after every sync.
/// </summary>
public sealed class ConcordInteropTests(ITestOutputHelper output)
{
    private const string User = "bob";
    private const string Secret = "s3cret pass";
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(5);

    private static string VCard(string given, string family, string tel, string? extra = null) =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{family};{given};;;\r\nFN:{given} {family}\r\nTEL;TYPE=CELL:{tel}\r\n{extra}END:VCARD\r\n";

    private static async Task<SyncEvolutionClient> Device(ConcordServerProcess server, string id, CancellationToken token,
        SyncEvolutionMessageEncoding encoding = SyncEvolutionMessageEncoding.Xml,
        SyncEvolutionProtocolVersion version = SyncEvolutionProtocolVersion.SyncML12,
        IReadOnlyList<SyncEvolutionDatastore>? stores = null, string password = Secret, int? maxMsgSize = null,
        SyncEvolutionItemFormat contactFormat = SyncEvolutionItemFormat.VCard30) =>
        await SyncEvolutionClient.CreateAsync(new SyncEvolutionClientOptions
        {
            ServerUrl = server.Url,
            Username = User,
            Password = password,
            DeviceId = id,
            Encoding = encoding,
            ProtocolVersion = version,
            AuthType = SyncEvolutionAuthType.Basic,
            Datastores = stores ?? [SyncEvolutionDatastore.Contacts],
            MaxMessageSize = maxMsgSize,
            ContactFormat = contactFormat,
        }, token);

    private async Task<SyncEvolutionRunResult> SyncOk(SyncEvolutionClient client, SyncEvolutionSyncMode mode, ConcordServerProcess server, CancellationToken token)
    {
        var result = await client.SyncAsync(mode, token);
        output.WriteLine($"{client.Options.DeviceId} {mode}: {result.Duration.TotalSeconds:0.00} s");
        Assert.True(result.Succeeded, $"{mode} failed:\n{result}\n--- server log ---\n{Tail(server.Log)}");
        return result;
    }

    private static string Tail(string log) => log.Length > 20000 ? log[^20000..] : log;

    private static void AssertSameEverywhere(ConcordServerProcess server, string store, params (SyncEvolutionClient Client, SyncEvolutionDatastore Store)[] devices)
    {
        var onServer = ItemLines.Collection(ItemLines.ServerItems(server.DataFolder, User, store));
        foreach (var (client, ds) in devices)
        {
            var onDevice = ItemLines.Collection(client.ReadItems(ds).Values);
            Assert.Equal(onServer, onDevice);
        }
    }

    [Theory]
    [InlineData(SyncEvolutionMessageEncoding.Xml, SyncEvolutionProtocolVersion.SyncML12)]
    [InlineData(SyncEvolutionMessageEncoding.Wbxml, SyncEvolutionProtocolVersion.SyncML12)]
    [InlineData(SyncEvolutionMessageEncoding.Xml, SyncEvolutionProtocolVersion.SyncML11)]
    [InlineData(SyncEvolutionMessageEncoding.Wbxml, SyncEvolutionProtocolVersion.SyncML11)]
    public async Task Two_devices_converge_after_adds_updates_and_deletes_on_each(SyncEvolutionMessageEncoding encoding, SyncEvolutionProtocolVersion version)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var token = timeout.Token;
        await using var server = await ConcordServerProcess.StartAsync([(User, Secret)], [], token);
        using var a = await Device(server, "device-a", token, encoding, version);
        using var b = await Device(server, "device-b", token, encoding, version);
        const SyncEvolutionDatastore c = SyncEvolutionDatastore.Contacts;

        a.WriteItem(c, "ann.vcf", VCard("Ann", "Lee", "+44 20 7946 0001"));
        a.WriteItem(c, "bo.vcf", VCard("Bo", "Chan", "+33 1 23 45 67 89"));
        await SyncOk(a, SyncEvolutionSyncMode.Slow, server, token);
        b.WriteItem(c, "cy.vcf", VCard("Cy", "Park", "+82 2 555 0100"));
        await SyncOk(b, SyncEvolutionSyncMode.Slow, server, token);
        await SyncOk(a, SyncEvolutionSyncMode.TwoWay, server, token);
        AssertSameEverywhere(server, "contacts", (a, c), (b, c));
        Assert.Equal(3, a.ReadItems(c).Count);

        // Round 2: A edits Ann and deletes Bo; B adds Dee.
        a.WriteItem(c, "ann.vcf", VCard("Ann", "Lee", "+44 20 7946 0001", "NOTE:moved to Leeds\r\n"));
        a.DeleteItem(c, "bo.vcf");
        b.WriteItem(c, "dee.vcf", VCard("Dee", "Moss", "+1 202 555 0199"));
        await SyncOk(a, SyncEvolutionSyncMode.TwoWay, server, token);
        await SyncOk(b, SyncEvolutionSyncMode.TwoWay, server, token);
        await SyncOk(a, SyncEvolutionSyncMode.TwoWay, server, token);
        AssertSameEverywhere(server, "contacts", (a, c), (b, c));
        var names = ItemLines.ServerItems(server.DataFolder, User, "contacts");
        Assert.Equal(3, names.Count);
        Assert.Contains(names, n => n.Contains("moved to Leeds", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains("Chan", StringComparison.Ordinal));

        // Round 3: B deletes what A changed; B edits Cy.
        var bItems = b.ReadItems(c);
        b.DeleteItem(c, bItems.Single(i => i.Value.Contains("Leeds", StringComparison.Ordinal)).Key);
        b.WriteItem(c, bItems.Single(i => i.Value.Contains("Park", StringComparison.Ordinal)).Key, VCard("Cy", "Park", "+82 2 555 0101"));
        await SyncOk(b, SyncEvolutionSyncMode.TwoWay, server, token);
        await SyncOk(a, SyncEvolutionSyncMode.TwoWay, server, token);
        AssertSameEverywhere(server, "contacts", (a, c), (b, c));
        Assert.Equal(2, a.ReadItems(c).Count);
        Assert.Contains(a.ReadItems(c).Values, v => v.Contains("555 0101", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Edits_of_different_fields_of_one_contact_on_two_devices_are_both_kept()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var token = timeout.Token;
        await using var server = await ConcordServerProcess.StartAsync([(User, Secret)], [], token);
        using var a = await Device(server, "device-a", token);
        using var b = await Device(server, "device-b", token);
        const SyncEvolutionDatastore c = SyncEvolutionDatastore.Contacts;
        a.WriteItem(c, "ann.vcf", VCard("Ann", "Lee", "+44 20 7946 0001", "NOTE:first note\r\n"));
        await SyncOk(a, SyncEvolutionSyncMode.Slow, server, token);
        await SyncOk(b, SyncEvolutionSyncMode.Slow, server, token);
        var bName = b.ReadItems(c).Keys.Single();

        // B changes the phone and syncs; A, not synced since, changes the note: a conflict on one contact.
        b.WriteItem(c, bName, VCard("Ann", "Lee", "+44 20 7946 0002", "NOTE:first note\r\n"));
        await SyncOk(b, SyncEvolutionSyncMode.TwoWay, server, token);
        a.WriteItem(c, "ann.vcf", VCard("Ann", "Lee", "+44 20 7946 0001", "NOTE:second note\r\n"));
        await SyncOk(a, SyncEvolutionSyncMode.TwoWay, server, token);
        await SyncOk(b, SyncEvolutionSyncMode.TwoWay, server, token);

        AssertSameEverywhere(server, "contacts", (a, c), (b, c));
        var merged = Assert.Single(ItemLines.ServerItems(server.DataFolder, User, "contacts"));
        Assert.Contains("0002", merged, StringComparison.Ordinal);
        Assert.Contains("second note", merged, StringComparison.Ordinal);
        Assert.Contains("Conflict on contacts", await server.SettledLogAsync(token), StringComparison.Ordinal);
    }
}
