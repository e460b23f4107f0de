using System.Text;
using Concord.Client.Tests.Support;
using Concord.Sync;
using Concord.SyncML;
using Concord.SyncML.Client;
using Concord.SyncML.Documents;
using Concord.SyncML.Server;

namespace Concord.Client.Tests.Client;

public sealed partial class ClientSessionTests
{
    [Theory]
    [InlineData(SyncMLEncoding.Xml)]
    [InlineData(SyncMLEncoding.Wbxml)]
    public async Task Messages_never_exceed_either_sides_MaxMsgSize(SyncMLEncoding encoding)
    {
        // The server announces MaxRequestBytes as its MaxMsgSize and refuses anything larger with HTTP 413.
        using var rig = new ClientRig(new SyncMLServerOptions { MaxRequestBytes = 6000 }) { Encoding = encoding };
        var a = rig.Folder();
        var b = rig.Folder();
        for (var i = 0; i < 40; i++) a.Write($"c{i:00}.vcf", Cards.VCard($"Contact{i:00}", $"+1 555 01{i:00}", note: new string('n', 100)));

        await rig.SyncOkAsync(a, SyncType.Slow);
        var down = await rig.SyncOkAsync(b, SyncType.Slow, rig.Options() with { MaxMsgSize = 5000 });

        Assert.Equal(40, down.Stores[0].Local.Added);
        rig.AssertEqual("contacts", a, b);
        var requests = rig.Transport.Trace.Select(t => t.Request.Length).ToList();
        var answers = rig.Transport.Trace.Skip(requests.Count - down.Messages).Select(t => t.Answer!.Body.Length).ToList();
        Assert.All(requests, r => Assert.True(r <= 6000, $"a request of {r} bytes"));
        Assert.All(answers, r => Assert.True(r <= 5000, $"an answer of {r} bytes"));
        Assert.True(requests.Count > 8, $"only {requests.Count} messages");
    }

    [Theory]
    [InlineData(SyncMLEncoding.Xml, SyncMLVersion.V12)]
    [InlineData(SyncMLEncoding.Wbxml, SyncMLVersion.V12)]
    [InlineData(SyncMLEncoding.Xml, SyncMLVersion.V11)]
    public async Task A_large_item_travels_in_chunks_both_ways_and_arrives_whole(SyncMLEncoding encoding, SyncMLVersion version)
    {
        using var rig = new ClientRig(new SyncMLServerOptions { MaxRequestBytes = 20000 }) { Encoding = encoding, Version = version };
        var a = rig.Folder();
        var b = rig.Folder();
        var photo = Cards.WithPhoto("Photo", 120_000);
        a.Write("photo.vcf", photo);
        a.Write("small.vcf", Cards.VCard("Small"));

        await rig.SyncOkAsync(a, SyncType.Slow);
        var upChunks = rig.Transport.Trace.Count(t => Contains(t.Request, "MoreData"));
        var before = rig.Transport.Requests;
        await rig.SyncOkAsync(b, SyncType.Slow, rig.Options() with { MaxMsgSize = 16000 });
        var downChunks = rig.Transport.Trace.Skip(before).Count(t => Contains(t.Answer!.Body, "MoreData"));

        Assert.True(upChunks >= 6, $"{upChunks} messages carried chunks up");
        Assert.True(downChunks >= 7, $"{downChunks} answers carried chunks down");
        Assert.Contains(Same.Item(photo), Same.Items(rig.Engine.Items("contacts")));
        Assert.Contains(Same.Item(photo), Same.Items(b.Items().Values));
        rig.AssertEqual("contacts", a, b);
    }

    [Fact]
    public async Task An_item_above_the_servers_MaxObjSize_is_not_sent_and_is_reported()
    {
        using var rig = new ClientRig(new SyncMLServerOptions { MaxObjSize = 50_000 });
        var a = rig.Folder();
        a.Write("huge.vcf", Cards.WithPhoto("Huge", 80_000));
        a.Write("small.vcf", Cards.VCard("Small"));

        var report = await rig.SyncAsync(a, SyncType.Slow);

        var failure = Assert.Single(report.Stores[0].Remote.Failures);
        Assert.Equal(("huge.vcf", 413), (failure.Item, failure.Status));
        Assert.Contains("MaxObjSize", failure.Reason, StringComparison.Ordinal);
        Assert.False(report.Succeeded);
        Assert.Single(rig.Engine.Items("contacts"));
    }

    private static bool Contains(byte[] message, string text)
    {
        if (message.Length > 0 && message[0] == (byte)'<') return Encoding.UTF8.GetString(message).Contains(text, StringComparison.Ordinal);
        var (root, version) = SyncMLCodec.Decode(SyncMLEncoding.Wbxml, message);
        return Encoding.UTF8.GetString(SyncMLCodec.Encode(SyncMLEncoding.Xml, root, version)).Contains(text, StringComparison.Ordinal);
    }
}
