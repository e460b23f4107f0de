using Concord.Client.Tests.Support;
using Concord.Storage.Client;
using Concord.Sync;
using Concord.Sync.Client;

namespace Concord.Client.Tests.Stores;

public sealed class SqliteClientStateTests : IDisposable
{
    private readonly string _path = TempFolder.Create("concord-state-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempFolder.Delete(_path);
    }

    [Fact]
    public void The_device_id_is_made_once_per_collection_and_kept()
    {
        var first = SqliteClientState.ForFolder(_path).DeviceId;
        var again = SqliteClientState.ForFolder(_path).DeviceId;

        Assert.StartsWith("concord-", first, StringComparison.Ordinal);
        Assert.Equal(first, again);
        Assert.True(File.Exists(Path.Combine(_path, ".concord", "sync.db")));
    }

    [Fact]
    public void Nothing_of_a_unit_disposed_without_commit_is_kept()
    {
        var state = SqliteClientState.ForFolder(_path);
        using (var unit = state.Begin())
        {
            unit.SaveAnchors("p", new ClientAnchors("1", "s1"));
            unit.SetMap("p", "a.vcf", "g1", confirmed: false);
            unit.AddPendingWrite(new PendingWrite(0, "p", "a.vcf", ChangeKind.Add, "x", "text/vcard"));
        }
        using var check = state.Begin();

        Assert.Null(check.LoadAnchors("p"));
        Assert.Null(check.FindRemoteId("p", "a.vcf"));
        Assert.Empty(check.PendingWrites());
    }

    [Fact]
    public void A_mapping_replaces_any_earlier_mapping_of_either_id_and_stays_unconfirmed_until_confirmed()
    {
        var state = SqliteClientState.ForFolder(_path);
        using var unit = state.Begin();
        unit.SetMap("p", "a.vcf", "g1", confirmed: false);
        unit.SetMap("p", "b.vcf", "g1", confirmed: false);

        Assert.Null(unit.FindRemoteId("p", "a.vcf"));
        Assert.Equal("b.vcf", unit.FindLocalId("p", "g1"));
        Assert.Equal([("g1", "b.vcf")], unit.UnconfirmedMaps("p"));
        unit.ConfirmMaps("p", ["b.vcf"]);
        Assert.Empty(unit.UnconfirmedMaps("p"));
        Assert.Empty(unit.UnconfirmedMaps("other peer"));
    }
}
