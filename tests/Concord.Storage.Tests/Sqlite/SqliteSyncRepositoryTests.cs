using Concord.Storage.Accounts;
using Concord.Storage.Sqlite;
using Concord.Sync;
using Concord.Sync.State;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Tests.Sqlite;

public sealed partial class SqliteSyncRepositoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "concord-storage-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteSyncRepository _repo;
    private readonly AccountStore _accounts;

    public SqliteSyncRepositoryTests()
    {
        Directory.CreateDirectory(_folder);
        _repo = new SqliteSyncRepository(Path.Combine(_folder, "concord.db"));
        _accounts = new AccountStore(_repo, SecretBox.OpenOrCreate(Path.Combine(_folder, "secret.key")));
        _accounts.Add("bob", "secret");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }

    private static ItemContent Content(string text) => new(text, "text/vcard", "n:x", null, "");

    [Fact]
    public void A_unit_disposed_without_commit_leaves_nothing()
    {
        using (var unit = _repo.Begin())
        {
            unit.PutItem(unit.FindUser("bob")!.Id, "contacts", "g1", Content("A"), "dev");
        }
        using var check = _repo.Begin();
        Assert.Null(check.GetItem(check.FindUser("bob")!.Id, "contacts", "g1"));
    }

    [Fact]
    public void Rolling_back_to_a_savepoint_undoes_only_what_followed_it()
    {
        using (var unit = _repo.Begin())
        {
            var user = unit.FindUser("bob")!.Id;
            unit.PutItem(user, "contacts", "g1", Content("A"), "dev");
            unit.Savepoint("s1");
            unit.PutItem(user, "contacts", "g2", Content("B"), "dev");
            unit.RollbackTo("s1");
            unit.Release("s1");
            unit.Commit();
        }
        using var check = _repo.Begin();
        var id = check.FindUser("bob")!.Id;
        Assert.NotNull(check.GetItem(id, "contacts", "g1"));
        Assert.Null(check.GetItem(id, "contacts", "g2"));
    }

    [Fact]
    public void Every_change_takes_the_next_sequence_number_and_deletes_leave_tombstones()
    {
        using var unit = _repo.Begin();
        var user = unit.FindUser("bob")!.Id;
        var a = unit.PutItem(user, "contacts", "g1", Content("A"), "dev-a");
        var b = unit.PutItem(user, "contacts", "g2", Content("B"), "dev-b");
        unit.DeleteItem(user, "contacts", "g1", "dev-b");
        Assert.Equal(a.Sequence + 1, b.Sequence);
        Assert.Equal(b.Sequence + 1, unit.CurrentSequence(user));
        var changes = unit.ChangedHeaders(user, "dev-a", "contacts", 0, unit.CurrentSequence(user));
        Assert.Equal(["g2", "g1"], changes.Select(c => c.Guid));
        Assert.True(changes.Single(c => c.Guid == "g1").Deleted);
        Assert.Single(unit.LiveHeaders(user, "dev-a", "contacts"));
    }

    [Fact]
    public void A_map_replaces_earlier_mappings_of_either_id()
    {
        using var unit = _repo.Begin();
        var user = unit.FindUser("bob")!.Id;
        unit.PutItem(user, "contacts", "G1", Content("A"), "dev");
        unit.PutItem(user, "contacts", "G3", Content("C"), "dev");
        Assert.True(unit.SetMap(user, "dev", "contacts", "L1", "G1", "s1"));
        unit.SetMap(user, "dev", "contacts", "L2", "G1", "s2");
        Assert.Null(unit.FindGuid(user, "dev", "contacts", "L1"));
        Assert.Equal("L2", unit.FindLuid(user, "dev", "contacts", "G1"));
        Assert.Equal("s2", unit.MapSession(user, "dev", "contacts", "G1"));
        unit.SetMap(user, "dev", "contacts", "L3", "G3", "s1");
        Assert.Equal(["G3"], unit.RemoveMapsNotInSession(user, "dev", "contacts", "s2"));
    }

    [Fact]
    public void A_map_to_an_item_the_store_does_not_hold_is_not_written()
    {
        using var unit = _repo.Begin();
        var user = unit.FindUser("bob")!.Id;
        Assert.False(unit.SetMap(user, "dev", "contacts", "L1", "no-such-item", "s1"));
        Assert.Null(unit.FindGuid(user, "dev", "contacts", "L1"));
    }

    [Fact]
    public void The_outbox_hands_out_entries_in_order_until_dequeued()
    {
        using var unit = _repo.Begin();
        unit.Enqueue("k", [new OutboxEntry(0, 0, ChangeKind.Add, "a"), new OutboxEntry(0, 1, ChangeKind.Delete, "b")]);
        var first = unit.PeekOutbox("k", 10);
        Assert.Equal(["a", "b"], first.Select(e => e.Guid));
        unit.Dequeue("k", first[0].Position);
        Assert.Equal(1, unit.OutboxCount("k"));
        Assert.Equal(ChangeKind.Delete, unit.PeekOutbox("k", 10).Single().Kind);
    }

    [Fact]
    public void Reopening_the_database_keeps_everything_and_applies_no_migration_twice()
    {
        using (var unit = _repo.Begin())
        {
            unit.PutItem(unit.FindUser("bob")!.Id, "notes", "g", Content("n"), "d");
            unit.Commit();
        }
        var again = new SqliteSyncRepository(_repo.DatabasePath);
        using var check = again.Begin();
        Assert.NotNull(check.GetItem(check.FindUser("bob")!.Id, "notes", "g"));
    }
}

public sealed class AccountStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "concord-accounts-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }

    [Fact]
    public void Passwords_are_stored_hashed_and_the_MD5_secret_sealed()
    {
        Directory.CreateDirectory(_folder);
        var repo = new SqliteSyncRepository(Path.Combine(_folder, "concord.db"));
        var box = SecretBox.OpenOrCreate(Path.Combine(_folder, "secret.key"));
        var accounts = new AccountStore(repo, box);
        accounts.Add("bob", "pa55word");
        Assert.Throws<InvalidOperationException>(() => accounts.Add("bob", "x"));
        var raw = File.ReadAllBytes(Path.Combine(_folder, "concord.db"));
        Assert.DoesNotContain("pa55word", System.Text.Encoding.UTF8.GetString(raw), StringComparison.Ordinal);
        using var unit = repo.Begin();
        var user = unit.FindUser("bob")!;
        Assert.True(AccountStore.VerifyHash("bob", user.PasswordHash, "pa55word"));
        Assert.False(AccountStore.VerifyHash("bob", user.PasswordHash, "pa55wore"));
        Assert.Equal("pa55word", box.Open(user.SealedSecret!));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, "secret.key")));
        }
    }

    [Fact]
    public void Removing_a_user_removes_their_items()
    {
        Directory.CreateDirectory(_folder);
        var repo = new SqliteSyncRepository(Path.Combine(_folder, "concord.db"));
        var accounts = new AccountStore(repo, SecretBox.OpenOrCreate(Path.Combine(_folder, "secret.key")));
        accounts.Add("bob", "x");
        using (var unit = repo.Begin())
        {
            unit.PutItem(unit.FindUser("bob")!.Id, "contacts", "g", new ItemContent("c", null, "k", null, ""), "d");
            unit.Commit();
        }
        Assert.True(accounts.Remove("bob"));
        Assert.False(accounts.Remove("bob"));
        using var check = repo.Begin();
        using var conn = new SqliteConnection($"Data Source={repo.DatabasePath}");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM items";
        Assert.Equal(0L, (long)cmd.ExecuteScalar()!);
    }
}
