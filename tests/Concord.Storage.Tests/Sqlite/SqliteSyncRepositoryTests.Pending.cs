using Concord.Storage.Sqlite;
using Concord.Sync.State;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Tests.Sqlite;

// Staged bases, pending changes per device, and the lookup of calendar items by UID (migrations 3 and 4).
public sealed partial class SqliteSyncRepositoryTests
{
    private static ItemContent Event(string matchKey) => new("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar", matchKey, null, "");

    [Fact]
    public void A_staged_base_becomes_the_base_only_when_confirmed_and_a_confirmed_delete_removes_it()
    {
        using var unit = _repo.Begin();
        var user = unit.FindUser("bob")!.Id;
        unit.SetBase(user, "d", "contacts", "g1", "v1");
        unit.StageBase("s1", user, "d", "contacts", "g1", "v2");
        unit.StageBase("s1", user, "d", "contacts", "g2", "new");
        Assert.Equal("v1", unit.GetBase(user, "d", "contacts", "g1"));

        unit.ConfirmBase("s1", "contacts", "g2");
        unit.DiscardStagedBases("s1");
        unit.ConfirmBase("s1", "contacts", "g1");   // nothing staged any more: the base stays
        Assert.Equal("v1", unit.GetBase(user, "d", "contacts", "g1"));
        Assert.Equal("new", unit.GetBase(user, "d", "contacts", "g2"));

        unit.StageBase("s2", user, "d", "contacts", "g2", null);
        unit.ConfirmBase("s2", "contacts", "g2");
        Assert.Null(unit.GetBase(user, "d", "contacts", "g2"));
    }

    [Fact]
    public void Pending_changes_replace_the_previous_set_and_count_the_sessions_in_a_row()
    {
        using var unit = _repo.Begin();
        var user = unit.FindUser("bob")!.Id;
        unit.PutItem(user, "contacts", "g1", Event("n:a"), "other");
        unit.PutItem(user, "contacts", "g2", Event("n:b"), "other");
        unit.SetPending(user, "d", "contacts", [new PendingChange("g1", 500), new PendingChange("g2", 0)]);
        unit.SetPending(user, "d", "contacts", [new PendingChange("g1", 420)]);
        Assert.Equal(2, unit.PendingAttempts(user, "d", "contacts", "g1"));
        Assert.Equal(0, unit.PendingAttempts(user, "d", "contacts", "g2"));
        Assert.Equal(["g1"], unit.PendingHeaders(user, "d", "contacts").Select(h => h.Guid));
        Assert.Empty(unit.PendingHeaders(user, "other-device", "contacts"));
    }

    [Fact]
    public void Items_stored_before_migration_4_are_found_by_UID_and_a_tombstone_keeps_its_UID()
    {
        // Take the database back to before migration 4, with an event, an exception and a contact in it.
        using (var db = new SqliteConnection("Data Source=" + _repo.DatabasePath))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "DROP INDEX items_uid; ALTER TABLE items DROP COLUMN uid; ALTER TABLE items DROP COLUMN recurrence_id; " +
                "INSERT INTO items(user_id, store, guid, content, content_type, seq, changed_by, match_key, match_key2, match_details) " +
                "SELECT id, 'calendar', 'master', 'x', 'text/calendar', 1, 'd', 'u:weekly-1', 's:weekly|20260302T090000', '' FROM users; " +
                "INSERT INTO items(user_id, store, guid, content, content_type, seq, changed_by, match_key, match_key2, match_details) " +
                "SELECT id, 'calendar', 'moved', 'x', 'text/calendar', 2, 'd', 'u:weekly-1|r:20260323T090000', 's:moved|20260323T130000', '' FROM users; " +
                "INSERT INTO items(user_id, store, guid, content, content_type, seq, changed_by, match_key, match_key2, match_details) " +
                "SELECT id, 'contacts', 'ann', 'x', 'text/vcard', 3, 'd', 'n:ann', NULL, '' FROM users; PRAGMA user_version = 3;";
            cmd.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        using var unit = new SqliteSyncRepository(_repo.DatabasePath).Begin();   // opening it runs migration 4
        var user = unit.FindUser("bob")!.Id;
        var found = unit.ItemsWithUid(user, "calendar", "weekly-1");
        Assert.Equal(["master", "moved"], found.Select(i => i.Guid));
        Assert.Null(found[0].RecurrenceId);
        Assert.Equal("20260323T090000", found[1].RecurrenceId);
        Assert.Null(unit.GetItem(user, "contacts", "ann")!.Uid);

        unit.DeleteItem(user, "calendar", "moved", "d");
        var tombstone = unit.GetItem(user, "calendar", "moved")!;
        Assert.True(tombstone.Deleted);
        Assert.Equal("weekly-1", tombstone.Uid);
        Assert.Equal("20260323T090000", tombstone.RecurrenceId);
    }
}
