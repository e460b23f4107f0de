using Concord.Client.Tests.Support;
using Concord.Sync;
using Concord.SyncML.Client;

namespace Concord.Client.Tests.Client;

public sealed partial class ClientSessionTests
{
    [Fact]
    public async Task A_dry_run_lists_every_change_on_both_sides_and_changes_nothing()
    {
        using var rig = new ClientRig();
        var (a, b) = await ChangedOnBothAsync(rig);
        b.Write(b.Items().First(i => i.Value.Contains("FN:Test C2", StringComparison.Ordinal)).Key, Cards.VCard("C2", "+1 555 0222"));
        await rig.SyncOkAsync(b, SyncType.TwoWay);
        a.Write("c2.vcf", Cards.VCard("C2", "+1 555 0200"));   // changed on both sides
        var folderBefore = a.Items();
        var serverBefore = rig.Engine.Items("contacts").Order(StringComparer.Ordinal).ToList();
        var stateBefore = StateOf(a);

        var plan = await rig.SyncAsync(a, SyncType.TwoWay, rig.Options() with { DryRun = true });

        Assert.True(plan.Succeeded, ClientRig.Describe(plan));
        var planned = plan.Stores[0].Planned;
        Assert.Contains(planned, p => p is { Side: SyncSide.Remote, Kind: ChangeKind.Add, Item: "new-a.vcf" });
        Assert.Contains(planned, p => p is { Side: SyncSide.Remote, Kind: ChangeKind.Replace, Item: "c0.vcf" });
        Assert.Contains(planned, p => p is { Side: SyncSide.Remote, Kind: ChangeKind.Delete, Item: "c1.vcf" });
        Assert.Contains(planned, p => p is { Side: SyncSide.Local, Kind: ChangeKind.Add, Summary: "Test NewB" });
        var conflict = Assert.Single(planned, p => p is { Side: SyncSide.Local, Kind: ChangeKind.Replace });
        Assert.Equal("c2.vcf", conflict.Item);
        Assert.NotNull(conflict.Conflict);
        Assert.Equal(folderBefore, a.Items());
        Assert.Equal(serverBefore, rig.Engine.Items("contacts").Order(StringComparer.Ordinal).ToList());
        Assert.Equal(stateBefore, StateOf(a));

        // The real sync then does what the plan said, as a two-way sync: the anchors were kept.
        var real = await rig.SyncOkAsync(a, SyncType.TwoWay);
        Assert.Equal(SyncType.TwoWay, real.Stores[0].Performed);
        Assert.Equal((1, 2, 1, 1), (real.Stores[0].Remote.Added, real.Stores[0].Remote.Updated, real.Stores[0].Remote.Deleted, real.Stores[0].Remote.Conflicts));
        Assert.Equal(1, real.Stores[0].Local.Added);
    }

    [Fact]
    public async Task A_dry_run_of_a_slow_sync_lists_the_local_side_and_says_why_not_the_server()
    {
        using var rig = new ClientRig();
        var a = rig.Folder();
        a.Write("one.vcf", Cards.VCard("One"));
        a.Write("two.vcf", Cards.VCard("Two"));

        var plan = await rig.SyncAsync(a, SyncType.TwoWay, rig.Options() with { DryRun = true });

        var store = plan.Stores[0];
        Assert.Equal(SyncType.Slow, store.Performed);
        Assert.Equal(["one.vcf", "two.vcf"], store.Planned.Where(p => p.Side == SyncSide.Remote).Select(p => p.Item).Order(StringComparer.Ordinal));
        Assert.Contains("ID map", store.PlanNote, StringComparison.Ordinal);
        Assert.Empty(rig.Engine.Items("contacts"));
        Assert.Equal(1, plan.Messages);   // only the alerts went to the server
        Assert.Equal(SyncType.Slow, (await rig.SyncOkAsync(a, SyncType.TwoWay)).Stores[0].Performed);
    }

    /// <summary>Everything the client state holds for a folder's one peer.</summary>
    private static string StateOf(LocalFolder folder)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={folder.State.DatabasePath};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT (SELECT group_concat(client_last || server_last) FROM anchors) || '|' || "
            + "(SELECT group_concat(id || version) FROM (SELECT * FROM confirmed ORDER BY id)) || '|' || "
            + "(SELECT group_concat(local_id || remote_id || confirmed) FROM (SELECT * FROM id_map ORDER BY local_id)) || '|' || "
            + "(SELECT count(*) FROM pending_writes)";
        return cmd.ExecuteScalar() as string ?? "";
    }
}
