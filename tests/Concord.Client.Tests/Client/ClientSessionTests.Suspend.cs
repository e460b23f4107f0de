using System.Text;
using Concord.Client.Tests.Support;
using Concord.Sync;
using Concord.SyncML;
using Concord.SyncML.Client;
using Concord.SyncML.Commands;
using Concord.SyncML.Server;

namespace Concord.Client.Tests.Client;

/// <summary>
/// A server that suspends the session (Alert 224, OMA DS 1.2 Protocol §6.13): Concord's server does not do it on its
/// own, so its answer is rewritten to carry the Alert; the next session asks the real server to resume (225).
/// </summary>
public sealed partial class ClientSessionTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_session_the_server_suspends_keeps_what_came_and_the_next_one_resumes_it_to_equal(bool database)
    {
        using var rig = new ClientRig(new SyncMLServerOptions { MaxRequestBytes = 6000 });
        var a = rig.Folder();
        for (var i = 0; i < 40; i++) a.Write($"c{i:00}.vcf", Cards.VCard($"C{i:00}", note: new string('n', 200)));
        await rig.SyncOkAsync(a, SyncType.Slow);
        using var db = new LocalDatabase();
        var b = rig.Folder();
        for (var i = 0; i < 3; i++)
        {
            if (database) db.Put(Cards.VCard($"Mine{i}"));
            else b.Write($"mine{i}.vcf", Cards.VCard($"Mine{i}"));
        }
        ClientStoreBinding Bind(SyncType mode) => database ? db.Bind(mode) : b.Bind(mode);
        List<string> Local() => database ? db.Items() : [.. b.Items().Values];
        // The third answer is the first of package 4 that follows package 3: the server's items are coming.
        var transport = new RewritingTransport(rig.Transport, (n, m) => n != 3 ? m : m with
        {
            Commands = [.. m.Commands, new AlertCommand { CmdId = "990", Code = 224 }],
        });
        var options = rig.Options() with { MaxMsgSize = 6000 };

        var suspended = await new SyncMLClient(transport, options).SyncAsync([Bind(SyncType.Slow)]);

        Assert.False(suspended.Succeeded);
        Assert.StartsWith("The server suspended the session in its answer to message 3 (Alert 224)", suspended.Error, StringComparison.Ordinal);
        var kept = Local().Count;
        Assert.InRange(kept, 4, 42);   // some of the server's 40 came before the suspension and stay

        var first = rig.Transport.Requests;
        var resumed = await rig.SyncAsync(options, Bind(SyncType.TwoWay));

        Assert.True(resumed.Succeeded, ClientRig.Describe(resumed));
        Assert.Contains("<Data>225</Data>", Encoding.UTF8.GetString(rig.Transport.Trace[first].Request), StringComparison.Ordinal);
        Assert.Equal(SyncType.Slow, resumed.Stores[0].Performed);   // the suspended slow sync, resumed, not a new one
        var server = Same.Items(rig.Engine.Items("contacts"));
        Assert.Equal(43, server.Distinct().Count());
        Assert.Equal(server, Same.Items(Local()));
        var after = await rig.SyncAsync(options, Bind(SyncType.TwoWay));
        Assert.Equal(SyncType.TwoWay, after.Stores[0].Performed);
    }

    [Fact]
    public async Task A_cancelled_session_is_suspended_with_alert_224_and_the_next_one_resumes_it_to_equal()
    {
        using var rig = new ClientRig(new SyncMLServerOptions { MaxRequestBytes = 6000 });
        var a = rig.Folder();
        for (var i = 0; i < 30; i++) a.Write($"c{i:00}.vcf", Cards.VCard($"C{i:00}", note: new string('n', 200)));
        using var cancel = new CancellationTokenSource();
        var cut = rig.Transport.Requests + 3;   // cancelled while message 3 is out: message 4 never goes
        rig.Transport.Fault = n =>
        {
            if (n == cut) cancel.Cancel();
            return null;
        };

        var cancelled = await new SyncMLClient(rig.Transport, rig.Options() with { MaxMsgSize = 6000 }).SyncAsync([a.Bind(SyncType.Slow)], null, cancel.Token);
        rig.Transport.Fault = _ => null;

        Assert.False(cancelled.Succeeded);
        Assert.StartsWith("The sync was cancelled at message 4 and suspended (Alert 224, taken by the server)", cancelled.Error, StringComparison.Ordinal);
        var suspend = Encoding.UTF8.GetString(rig.Transport.Trace[^1].Request);
        Assert.Contains("<Data>224</Data>", suspend, StringComparison.Ordinal);
        Assert.InRange(rig.Engine.Items("contacts").Count, 1, 29);

        var first = rig.Transport.Requests;
        var resumed = await rig.SyncOkAsync(a, SyncType.TwoWay);

        Assert.Contains("<Data>225</Data>", Encoding.UTF8.GetString(rig.Transport.Trace[first].Request), StringComparison.Ordinal);
        Assert.Equal(SyncType.Slow, resumed.Stores[0].Performed);
        Assert.Equal(30, rig.Engine.Items("contacts").Count);
        rig.AssertEqual("contacts", a);
    }
}
