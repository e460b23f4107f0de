using Concord.Client.Tests.Support;
using Concord.Sync;
using Concord.SyncML;
using Concord.SyncML.Client;
using Concord.SyncML.Commands;

namespace Concord.Client.Tests.Client;

/// <summary>
/// Atomic in the server's Sync (SyncML RepPro §6.6.3): no server at hand sends one, so the real server's package 4
/// is rewritten to wrap its changes in an Atomic (and, to make it fail, to give one item a type the store refuses).
/// </summary>
public sealed partial class ClientSessionTests
{
    private static SyncMLMessage WrapInAtomic(SyncMLMessage m, bool spoilOne) => m with
    {
        Commands = m.Commands.Select(c => c is SyncCommand sync && sync.Commands.Count > 0 ? sync with
        {
            Commands =
            [
                new ContainerCommand
                {
                    Kind = "Atomic", CmdId = "900",
                    Commands = sync.Commands.Select((inner, i) => spoilOne && i == 1 && inner is ItemCommand item
                        ? item with { Meta = new Meta { Type = "application/x-nothing-here" }, Items = [.. item.Items.Select(it => it with { Meta = null })] }
                        : inner).ToList(),
                },
            ],
        } : c).ToList(),
    };

    private static List<StatusCommand> StatusesSent(RewritingTransport transport) =>
        transport.Sent.SelectMany(m => m.Commands).OfType<StatusCommand>().Where(s => s.Cmd is "Atomic" or "Add").ToList();

    /// <summary>Four contacts on the server, then the first slow sync of a folder or a database collection with its package 4 in an Atomic.</summary>
    private static async Task<(LocalFolder B, RewritingTransport Transport, SyncReport Report)> FirstSyncThroughAtomicAsync(
        ClientRig rig, LocalDatabase db, bool database, bool spoilOne)
    {
        var a = rig.Folder();
        for (var i = 0; i < 4; i++) a.Write($"{i}.vcf", Cards.VCard($"A{i}"));
        await rig.SyncOkAsync(a, SyncType.Slow);
        var b = rig.Folder();
        var transport = new RewritingTransport(rig.Transport, (n, m) => WrapInAtomic(m, spoilOne));
        var report = await new SyncMLClient(transport, rig.Options()).SyncAsync([database ? db.Bind(SyncType.Slow) : b.Bind(SyncType.Slow)]);
        return (b, transport, report);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_atomic_whose_commands_all_succeed_is_applied_and_answered_200(bool database)
    {
        using var rig = new ClientRig();
        using var db = new LocalDatabase();
        var (b, transport, report) = await FirstSyncThroughAtomicAsync(rig, db, database, spoilOne: false);

        Assert.True(report.Succeeded, ClientRig.Describe(report));
        Assert.Equal(4, report.Stores[0].Local.Added);
        var statuses = StatusesSent(transport);
        Assert.Equal(200, Assert.Single(statuses, s => s.Cmd == "Atomic").Code);
        Assert.All(statuses.Where(s => s.Cmd == "Add"), s => Assert.Equal(201, s.Code));
        Assert.Equal(Same.Items(rig.Engine.Items("contacts")), Same.Items(database ? db.Items() : b.Items().Values));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_atomic_with_one_failing_command_is_answered_507_and_changes_nothing_then_the_next_sync_brings_it_all(bool database)
    {
        using var rig = new ClientRig();
        using var db = new LocalDatabase();
        var (b, transport, report) = await FirstSyncThroughAtomicAsync(rig, db, database, spoilOne: true);

        Assert.False(report.Succeeded);
        var store = report.Stores[0];
        Assert.Equal(0, store.Local.Added);
        Assert.Contains(store.Local.Failures, f => f is { Item: "Atomic", Status: 507 });
        Assert.Contains(store.Local.Failures, f => f.Status == 415);
        var statuses = StatusesSent(transport);
        Assert.Equal(507, Assert.Single(statuses, s => s.Cmd == "Atomic").Code);
        Assert.Equal([216, 216, 216, 415], statuses.Where(s => s.Cmd == "Add").Select(s => s.Code).Order());
        Assert.Empty(database ? db.Items() : b.Items().Values);
        if (database) Assert.Equal(0, db.Count("SELECT COUNT(*) FROM client_id_map"));

        var again = await rig.SyncAsync(rig.Options(), database ? db.Bind(SyncType.TwoWay) : b.Bind(SyncType.TwoWay));
        Assert.True(again.Succeeded, ClientRig.Describe(again));
        Assert.Equal(SyncType.Slow, again.Stores[0].Performed);   // the client forgot its anchors: the server sends everything
        Assert.Equal(Same.Items(rig.Engine.Items("contacts")), Same.Items(database ? db.Items() : b.Items().Values));
        Assert.Equal(4, rig.Engine.Items("contacts").Count);
    }
}
