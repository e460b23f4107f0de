using Concord.Client.Tests.Support;
using Concord.Storage.Client;
using Concord.Sync;
using Concord.Sync.Client;

namespace Concord.Client.Tests.Stores;

/// <summary>An account's collection in Concord's own database as a client's local store and state.</summary>
public sealed class SqliteCollectionStoreTests
{
    [Fact]
    public void Items_written_are_listed_read_and_versioned_by_their_last_change()
    {
        using var db = new LocalDatabase();
        var id = db.Put(Cards.VCard("Ada"));
        var first = Assert.Single(db.Store.List());

        db.Put(Cards.VCard("Ada", "+1 555 0199"), id);
        var second = Assert.Single(db.Store.List());

        Assert.Equal(id, first.Id);
        Assert.NotEqual(first.Version, second.Version);
        Assert.Contains("+1 555 0199", db.Store.Read(id)!.Content, StringComparison.Ordinal);
        db.Store.Delete(id);
        Assert.Empty(db.Store.List());
        Assert.Null(db.Store.Read(id));
        db.Store.Delete(id);   // deleting what is gone is not an error
    }

    [Fact]
    public void A_unit_not_committed_takes_back_its_item_writes_with_the_state()
    {
        using var db = new LocalDatabase();
        var kept = db.Put(Cards.VCard("Kept"));

        using (var unit = db.Store.Begin())
        {
            db.Store.Write("new-item", Cards.VCard("New"), "text/vcard");
            db.Store.Delete(kept);
            unit.SetMap("peer", "new-item", "server-1", confirmed: false);
            unit.SaveAnchors("peer", new ClientAnchors("1", "s1"));
        }

        Assert.Equal([kept], db.Store.List().Select(v => v.Id));
        using var check = db.Store.Begin();
        Assert.Null(check.LoadAnchors("peer"));
        Assert.Null(check.FindRemoteId("peer", "new-item"));
    }

    [Fact]
    public void A_committed_unit_keeps_item_writes_and_state_together()
    {
        using var db = new LocalDatabase();
        using (var unit = db.Store.Begin())
        {
            var version = db.Store.Write("new-item", Cards.VCard("New"), "text/vcard");
            unit.SetMap("peer", "new-item", "server-1", confirmed: false);
            unit.SetConfirmed("peer", "new-item", version.Version);
            unit.Commit();
        }

        var listed = Assert.Single(db.Store.List());
        using var check = db.Store.Begin();
        Assert.Equal("server-1", check.FindRemoteId("peer", "new-item"));
        Assert.Equal(listed.Version, check.ConfirmedVersions("peer")["new-item"]);
    }

    [Fact]
    public void The_device_id_is_made_once_per_collection_and_kept()
    {
        using var db = new LocalDatabase();
        var again = new SqliteCollectionStore(db.DatabasePath, "alice", StoreKind.Contacts);
        var calendar = new SqliteCollectionStore(db.DatabasePath, "alice", StoreKind.Calendar);

        Assert.StartsWith("concord-", db.Store.DeviceId, StringComparison.Ordinal);
        Assert.Equal(db.Store.DeviceId, again.DeviceId);
        Assert.NotEqual(db.Store.DeviceId, calendar.DeviceId);
    }

    [Fact]
    public void An_account_that_is_not_there_is_refused_with_what_to_do()
    {
        using var db = new LocalDatabase();
        var e = Assert.Throws<InvalidOperationException>(() => new SqliteCollectionStore(db.DatabasePath, "mallory", StoreKind.Contacts));
        Assert.Contains("no account 'mallory'", e.Message, StringComparison.Ordinal);
        Assert.Contains("concord user add mallory", e.Message, StringComparison.Ordinal);
    }
}
