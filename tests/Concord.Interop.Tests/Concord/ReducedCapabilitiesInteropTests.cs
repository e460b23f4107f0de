using System.Text.RegularExpressions;
using Concord.Interop.Tests.SyncEvolution;
using Xunit.Abstractions;

namespace Concord.Interop.Tests.Concord;

/// <summary>
/// A SyncEvolution client whose vCard profile lacks EMAIL, NOTE, BDAY and URL (its XML configuration edited, so its
/// DevInf CTCap does not declare them and its engine cannot store them), beside a full client on the same account.
/// </summary>
public sealed partial class ReducedCapabilitiesInteropTests(ITestOutputHelper output) : IDisposable
{
    private const string User = "bob";
    private const string Secret = "pw";
    private const SyncEvolutionDatastore C = SyncEvolutionDatastore.Contacts;
    private static readonly string[] Lacking = ["EMAIL", "NOTE", "BDAY", "URL"];
    private readonly string _xml = Path.Combine(Path.GetTempPath(), "concord-sevo-xml-" + Guid.NewGuid().ToString("N"));

    private const string Card =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\nFN:Ann Lee\r\nTEL;TYPE=CELL:+44 20 7946 0001\r\n" +
        "EMAIL;TYPE=INTERNET:ann@example.com\r\nNOTE:met at the Leeds fair\\, 2019\r\nBDAY:1984-02-29\r\n" +
        "URL:https://example.com/ann\r\nEND:VCARD\r\n";

    // SyncEvolution reads its engine configuration from SYNCEVOLUTION_XML_CONFIG_DIR when set.
    private string ReducedConfiguration()
    {
        var source = "/usr/share/syncevolution/xml";
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_xml, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var text = File.ReadAllText(file);
            if (Path.GetFileName(file) == "01vcard-profile.xml") text = Property().Replace(text, m => Lacking.Contains(m.Groups[1].Value) ? "" : m.Value);
            File.WriteAllText(target, text);
        }
        return _xml;
    }

    [GeneratedRegex(@"<property name=""([A-Z-]+)""[^>]*>.*?</property>", RegexOptions.Singleline)]
    private static partial Regex Property();

    public void Dispose()
    {
        if (Directory.Exists(_xml)) Directory.Delete(_xml, true);
    }

    [Fact]
    public async Task A_client_that_cannot_store_some_fields_updates_a_contact_and_those_fields_stay_everywhere_else()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var token = timeout.Token;
        await using var server = await ConcordServerProcess.StartAsync([(User, Secret)], [], token);
        SyncEvolutionClientOptions Options(string id) => new()
        {
            ServerUrl = server.Url, Username = User, Password = Secret, DeviceId = id, Encoding = SyncEvolutionMessageEncoding.Xml,
            AuthType = SyncEvolutionAuthType.Basic, Datastores = [C],
        };
        using var full = await SyncEvolutionClient.CreateAsync(Options("full"), token);
        using var reduced = await SyncEvolutionClient.CreateAsync(Options("reduced") with
        {
            Environment = new Dictionary<string, string> { ["SYNCEVOLUTION_XML_CONFIG_DIR"] = ReducedConfiguration() },
        }, token);

        full.WriteItem(C, "ann.vcf", Card);
        Assert.True((await full.SyncAsync(SyncEvolutionSyncMode.Slow, token)).Succeeded, server.Log);
        Assert.True((await reduced.SyncAsync(SyncEvolutionSyncMode.Slow, token)).Succeeded, server.Log);
        var (name, onReduced) = reduced.ReadItems(C).Single();
        output.WriteLine(onReduced);
        foreach (var field in Lacking) Assert.DoesNotContain("\n" + field, onReduced, StringComparison.Ordinal);

        // The reduced client changes the phone and sends its whole contact, which has none of the four fields.
        reduced.WriteItem(C, name, onReduced.Replace("+44 20 7946 0001", "+44 20 7946 0999", StringComparison.Ordinal));
        Assert.True((await reduced.SyncAsync(SyncEvolutionSyncMode.TwoWay, token)).Succeeded, server.Log);
        Assert.True((await full.SyncAsync(SyncEvolutionSyncMode.TwoWay, token)).Succeeded, server.Log);

        var sent = Assert.Single(WireTrace.Sent(await server.SettledLogAsync(token), "reduced"));
        Assert.Equal("Replace", sent.Command);
        foreach (var field in Lacking) Assert.DoesNotContain("\n" + field, sent.Content, StringComparison.Ordinal);
        var expected = new[]
        {
            "TEL [CELL]  : +44 20 7946 0999", "EMAIL [INTERNET]  : ann@example.com", "NOTE []  : met at the Leeds fair, 2019",
            "BDAY []  : 1984-02-29", "URL []  : https://example.com/ann",
        };
        var onServer = ItemMeaning.Of(Assert.Single(ItemLines.ServerItems(server.DataFolder, User, "contacts")));
        var onFull = ItemMeaning.Of(full.ReadItems(C).Values.Single());
        output.WriteLine(string.Join("\n", onServer));
        foreach (var line in expected)
        {
            Assert.Contains(Normalized(line), onServer.Select(Normalized));
            Assert.Contains(Normalized(line), onFull.Select(Normalized));
        }
    }

    // BDAY is written 1984-02-29 or 19840229 by different engines: the same day.
    private static string Normalized(string line) => line.StartsWith("BDAY", StringComparison.Ordinal) ? line.Replace("-", "", StringComparison.Ordinal) : line;
}
