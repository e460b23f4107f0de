using Concord.Client.Tests.Support;
using Concord.Sync;
using Concord.SyncML;
using Concord.SyncML.Documents;

namespace Concord.Client.Tests.Concord;

/// <summary>Concord's client against <c>concord serve</c>'s host over HTTP on loopback.</summary>
public sealed class ConcordServeTests
{
    [Theory]
    [InlineData(SyncMLEncoding.Xml, SyncMLVersion.V12)]
    [InlineData(SyncMLEncoding.Wbxml, SyncMLVersion.V11)]
    public async Task Two_clients_on_one_account_converge_after_adds_edits_and_deletes_on_both(SyncMLEncoding encoding, SyncMLVersion version)
    {
        await using var host = await ConcordHost.StartAsync();
        using var rig = new HttpClientRig(host.Url) { Encoding = encoding, Version = version };
        var a = rig.Folder();
        var b = rig.Folder();
        for (var i = 0; i < 10; i++) a.Write($"c{i}.vcf", Cards.VCard($"C{i}", $"+1 555 01{i:00}"));
        await rig.SyncOkAsync(a, SyncType.TwoWay);
        await rig.SyncOkAsync(b, SyncType.TwoWay);

        for (var round = 0; round < 3; round++)
        {
            var aItems = a.Items().Keys.ToList();
            var bItems = b.Items().Keys.ToList();
            a.Write($"a-new-{round}.vcf", Cards.VCard($"ANew{round}"));
            a.Write(aItems[0], Cards.VCard($"AEdit{round}"));
            a.Delete(aItems[^1]);
            b.Write($"b-new-{round}.vcf", Cards.VCard($"BNew{round}"));
            b.Write(bItems[1], Cards.VCard($"BEdit{round}"));
            b.Delete(bItems[^2]);

            await rig.SyncOkAsync(a, SyncType.TwoWay);
            await rig.SyncOkAsync(b, SyncType.TwoWay);
            await rig.SyncOkAsync(a, SyncType.TwoWay);

            var server = Same.Items(host.Items("contacts"));
            Assert.Equal(server, Same.Items(a.Items().Values));
            Assert.Equal(server, Same.Items(b.Items().Values));
            Assert.Equal(server.Count, server.Distinct().Count());
            Assert.Contains(server, s => s.Contains($"ANew{round}", StringComparison.Ordinal));
            Assert.Contains(server, s => s.Contains($"BEdit{round}", StringComparison.Ordinal));
        }
    }
}
