using Concord.Client.Tests.Support;
using Concord.Sync;
using Concord.SyncML.Client;
using Concord.SyncML.Commands;

namespace Concord.Client.Tests.Client;

public sealed partial class ClientSessionTests
{
    [Fact]
    public async Task An_unexpected_status_for_an_item_names_it_and_the_item_goes_again_next_time()
    {
        using var rig = new ClientRig();
        var a = rig.Folder();
        a.Write("one.vcf", Cards.VCard("One"));
        a.Write("two.vcf", Cards.VCard("Two"));
        var transport = new RewritingTransport(rig.Transport, (n, m) => n != 2 ? m : m with
        {
            Commands = m.Commands.Select(c => c is StatusCommand { Cmd: "Replace" } s && s.SourceRefs.Contains("two.vcf") ? s with { Code = 202 } : c).ToList(),
        });

        var report = await new SyncMLClient(transport, rig.Options()).SyncAsync([a.Bind(SyncType.Slow)]);

        var failure = Assert.Single(report.Stores[0].Remote.Failures);
        Assert.Equal(("two.vcf", 202), (failure.Item, failure.Status));
        Assert.Equal("Replace of two.vcf in message 2 got status 202, which no SyncML server sends for it; it is not counted as done.", failure.Reason);
        Assert.False(report.Succeeded);
        var again = await rig.SyncOkAsync(a, SyncType.TwoWay);
        Assert.Equal(1, again.Stores[0].Remote.Updated + again.Stores[0].Remote.Added);   // two.vcf went again
    }

    [Fact]
    public async Task A_refused_header_ends_the_session_naming_the_message_and_the_status()
    {
        using var rig = new ClientRig();
        var a = rig.Folder();
        a.Write("one.vcf", Cards.VCard("One"));
        var transport = new RewritingTransport(rig.Transport, (n, m) => n != 2 ? m : m with
        {
            Commands = m.Commands.Select(c => c is StatusCommand { CmdRef: "0" } s ? s with { Code = 511 } : c).ToList(),
        });

        var report = await new SyncMLClient(transport, rig.Options()).SyncAsync([a.Bind(SyncType.Slow)]);

        Assert.Equal("The server refused message 2 as a whole (SyncHdr status 511: server failure).", report.Error);
        Assert.Contains("the session broke off", report.Stores[0].Error, StringComparison.Ordinal);
        using var unit = a.State.Begin();
        Assert.Empty(unit.ConfirmedVersions(a.Bind(SyncType.Slow).RemoteUri));
    }

    [Fact]
    public async Task An_answer_from_another_session_is_refused()
    {
        using var rig = new ClientRig();
        var a = rig.Folder();
        var transport = new RewritingTransport(rig.Transport, (n, m) => m with { Header = m.Header with { SessionId = "999" } });

        var report = await new SyncMLClient(transport, rig.Options()).SyncAsync([a.Bind(SyncType.Slow)]);

        Assert.StartsWith("The answer to message 1 belongs to session '999'", report.Error, StringComparison.Ordinal);
    }
}
