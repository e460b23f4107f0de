using System.Text;
using Concord.Client.Tests.Support;
using Concord.Sync;
using Concord.SyncML.Client;
using Concord.SyncML.Documents;
using Concord.SyncML.Server;

namespace Concord.Client.Tests.Client;

public sealed partial class ClientSessionTests
{
    [Fact]
    public async Task A_slow_sync_cut_off_in_SyncML_12_is_resumed_and_sends_only_what_was_not_confirmed()
    {
        using var rig = new ClientRig(new SyncMLServerOptions { MaxRequestBytes = 6000 });
        var a = rig.Folder();
        for (var i = 0; i < 30; i++) a.Write($"c{i:00}.vcf", Cards.VCard($"C{i:00}", note: new string('n', 200)));
        var cut = rig.Transport.Requests + 4;   // the third message of package 3
        rig.Transport.Fault = n => n == cut ? TransportFault.DropAnswer : null;

        var broken = await rig.SyncAsync(a, SyncType.Slow);
        rig.Transport.Fault = _ => null;
        var first = rig.Transport.Requests;
        var resumed = await rig.SyncOkAsync(a, SyncType.TwoWay);

        Assert.False(broken.Succeeded);
        Assert.Contains("<Data>225</Data>", Encoding.UTF8.GetString(rig.Transport.Trace[first].Request), StringComparison.Ordinal);
        Assert.Equal(SyncType.Slow, resumed.Stores[0].Performed);
        Assert.InRange(resumed.Stores[0].Remote.Added + resumed.Stores[0].Remote.Updated, 1, 29);
        Assert.Equal(30, rig.Engine.Items("contacts").Count);
        rig.AssertEqual("contacts", a);
        var after = await rig.SyncOkAsync(a, SyncType.TwoWay);   // and the next one is a plain two-way
        Assert.Equal(SyncType.TwoWay, after.Stores[0].Performed);
    }

    [Fact]
    public async Task A_slow_sync_cut_off_in_SyncML_11_is_followed_by_a_slow_sync_because_11_cannot_resume()
    {
        using var rig = new ClientRig(new SyncMLServerOptions { MaxRequestBytes = 6000 }) { Version = SyncMLVersion.V11 };
        var a = rig.Folder();
        var b = rig.Folder();
        for (var i = 0; i < 30; i++) a.Write($"c{i:00}.vcf", Cards.VCard($"C{i:00}", note: new string('n', 200)));
        await rig.SyncOkAsync(a, SyncType.Slow);
        await rig.SyncOkAsync(b, SyncType.Slow);
        var cut = rig.Transport.Requests + 4;
        rig.Transport.Fault = n => n == cut ? TransportFault.DropAnswer : null;

        var broken = await rig.SyncAsync(b, SyncType.Slow, rig.Options() with { MaxMsgSize = 6000 });
        rig.Transport.Fault = _ => null;
        var first = rig.Transport.Requests;
        var next = await rig.SyncOkAsync(b, SyncType.TwoWay);

        Assert.False(broken.Succeeded);
        Assert.DoesNotContain("<Data>225</Data>", Encoding.UTF8.GetString(rig.Transport.Trace[first].Request), StringComparison.Ordinal);
        Assert.Equal(SyncType.Slow, next.Stores[0].Performed);
        rig.AssertEqual("contacts", a, b);
    }
}
