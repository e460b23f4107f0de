using Concord.Client.Tests.Support;
using Concord.Sync;
using Concord.SyncML.Client;
using Concord.SyncML.Server;

namespace Concord.Client.Tests.Client;

public sealed partial class ClientSessionTests
{
    [Fact]
    public async Task A_wrong_password_fails_with_the_servers_status_and_changes_nothing()
    {
        using var rig = new ClientRig();
        var a = rig.Folder();
        a.Write("one.vcf", Cards.VCard("One"));

        var report = await rig.SyncAsync(a, SyncType.TwoWay, rig.Options(password: "wrong"));

        Assert.False(report.Succeeded);
        Assert.Contains("401", report.Error, StringComparison.Ordinal);
        Assert.Contains("'bob'", report.Error, StringComparison.Ordinal);
        Assert.Empty(rig.Engine.Items("contacts"));
        Assert.Single(a.Items());
        using var unit = a.State.Begin();
        Assert.Null(unit.LoadAnchors(a.Bind(SyncType.TwoWay).RemoteUri));
    }

    [Fact]
    public async Task Md5_answers_the_challenge_once_and_keeps_the_nonce_for_the_next_session()
    {
        using var rig = new ClientRig(new SyncMLServerOptions { ChallengeType = "syncml:auth-md5" });
        var a = rig.Folder();
        a.Write("one.vcf", Cards.VCard("One"));
        var md5 = rig.Options() with { Auth = ClientAuth.Md5 };

        var first = await rig.SyncOkAsync(a, SyncType.TwoWay, md5);
        var before = rig.Transport.Requests;
        a.Write("two.vcf", Cards.VCard("Two"));
        var second = await rig.SyncOkAsync(a, SyncType.TwoWay, md5);

        // First session: no nonce yet, so a 401 carrying one, then package 1 again with the digest over it.
        var firstAnswer = System.Text.Encoding.UTF8.GetString(rig.Transport.Trace[0].Answer!.Body);
        Assert.Contains("<Data>401</Data>", firstAnswer, StringComparison.Ordinal);
        Assert.Contains("auth-md5", System.Text.Encoding.UTF8.GetString(rig.Transport.Trace[1].Request), StringComparison.Ordinal);
        // Second session: the nonce kept from the first is accepted at once.
        var secondAnswer = System.Text.Encoding.UTF8.GetString(rig.Transport.Trace[before].Answer!.Body);
        Assert.Contains("<Data>212</Data>", secondAnswer, StringComparison.Ordinal);
        Assert.Equal(first.Messages - 1, second.Messages);
        Assert.Equal(2, rig.Engine.Items("contacts").Count);
    }

    [Fact]
    public async Task Basic_credentials_work_with_a_server_that_challenges_with_md5()
    {
        using var rig = new ClientRig(new SyncMLServerOptions { ChallengeType = "syncml:auth-md5" });
        var a = rig.Folder();
        a.Write("one.vcf", Cards.VCard("One"));

        // Basic credentials are accepted whatever the server challenges with.
        var report = await rig.SyncOkAsync(a, SyncType.Slow);

        Assert.Equal(1, report.Stores[0].Remote.Added);
    }
}
