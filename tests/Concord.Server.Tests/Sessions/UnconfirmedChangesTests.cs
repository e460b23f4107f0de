using Concord.Sync;

namespace Concord.Server.Tests.Sessions;

/// <summary>
/// A server change a device answers with a failure it may get over, or with no status, reaches it in its next
/// session, once; a final refusal is not sent again until the item changes.
/// </summary>
public class UnconfirmedChangesTests
{
    private const string Store = "contacts";

    private static string Card(string name, string note) =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{name};;;;\r\nFN:{name}\r\nNOTE:{note}\r\nEND:VCARD\r\n";

    /// <summary>Device a holds Ann; b has synced her. Returns both, and Ann's LUID on a and on b.</summary>
    private static (ScriptedDevice A, ScriptedDevice B, string OnA, string OnB) TwoDevicesWithAnn(ServerFixture f)
    {
        var a = f.Device("dev-a");
        var b = f.Device("dev-b");
        var onA = a.Add(Store, Card("Ann", "v1"));
        a.Sync((Store, SyncType.TwoWay));
        b.Sync((Store, SyncType.TwoWay));
        return (a, b, onA, b.Store(Store).Keys.Single());
    }

    /// <summary>Ann goes to v2 on a; b answers its Replace with a failure status (0: none).</summary>
    private static (ScriptedDevice A, ScriptedDevice B, string OnA, string OnB) AnnChangedAndFailedOnB(ServerFixture f, int failure)
    {
        var (a, b, onA, onB) = TwoDevicesWithAnn(f);
        a.Update(Store, onA, Card("Ann", "v2"));
        a.Sync((Store, SyncType.TwoWay));
        b.Answer = (_, _, _) => failure;
        b.Sync((Store, SyncType.TwoWay));
        b.Answer = null;
        return (a, b, onA, onB);
    }

    private static int Pending(ServerFixture f, string device)
    {
        using var unit = f.Data.Repository.Begin();
        var user = unit.FindUser("bob")!.Id;
        return unit.PendingHeaders(user, device, Store).Count;
    }

    [Theory]
    [InlineData(500)]
    [InlineData(507)]
    [InlineData(420)]
    [InlineData(424)]
    [InlineData(510)]
    [InlineData(0)]     // no status at all
    public void An_add_the_device_failed_arrives_as_an_add_next_time_exactly_once(int failure)
    {
        using var f = new ServerFixture();
        var (a, b, _, _) = TwoDevicesWithAnn(f);
        a.Add(Store, Card("Bo", "v1"));
        a.Sync((Store, SyncType.TwoWay));

        b.Answer = (_, kind, _) => kind == "Add" ? failure : null;
        var failed = b.Sync((Store, SyncType.TwoWay));
        Assert.True(failed.Completed);
        Assert.Equal(["Add"], b.Got.Select(g => g.Kind));
        Assert.Single(b.Store(Store));
        Assert.Equal(1, Pending(f, "dev-b"));

        b.Answer = null;
        var again = b.Sync((Store, SyncType.TwoWay));
        Assert.Equal(SyncType.TwoWay, again.Types[Store]);
        var got = Assert.Single(b.Got);
        Assert.Equal("Add", got.Kind);
        Assert.Contains("FN:Bo", got.Content, StringComparison.Ordinal);
        Assert.Equal(2, b.Store(Store).Count);
        Assert.Equal(0, Pending(f, "dev-b"));

        b.Sync((Store, SyncType.TwoWay));
        Assert.Empty(b.Got);
        Assert.Equal(2, b.Store(Store).Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(0)]
    public void A_replace_the_device_failed_arrives_as_a_replace_next_time_exactly_once(int failure)
    {
        using var f = new ServerFixture();
        var (_, b, _, onB) = AnnChangedAndFailedOnB(f, failure);
        Assert.Contains("NOTE:v1", b.Store(Store)[onB], StringComparison.Ordinal);

        b.Sync((Store, SyncType.TwoWay));
        var got = Assert.Single(b.Got);
        Assert.Equal("Replace", got.Kind);
        Assert.Contains("NOTE:v2", b.Store(Store)[onB], StringComparison.Ordinal);
        Assert.Single(b.Store(Store));

        b.Sync((Store, SyncType.TwoWay));
        Assert.Empty(b.Got);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(510)]
    [InlineData(0)]
    public void A_delete_the_device_failed_is_sent_again_and_a_delete_of_what_it_no_longer_has_is_final(int failure)
    {
        using var f = new ServerFixture();
        var (a, b, onA, onB) = TwoDevicesWithAnn(f);
        a.Delete(Store, onA);
        a.Sync((Store, SyncType.TwoWay));

        b.Answer = (_, _, _) => failure;
        b.Sync((Store, SyncType.TwoWay));
        Assert.True(b.Store(Store).ContainsKey(onB));

        // Next time the device answers 404: it no longer has the item, which is what the delete asked.
        b.Answer = (_, kind, luid) => kind == "Delete" && luid == onB ? 404 : null;
        b.Sync((Store, SyncType.TwoWay));
        Assert.Equal(["Delete"], b.Got.Select(g => g.Kind));
        b.Answer = null;
        b.Sync((Store, SyncType.TwoWay));
        Assert.Empty(b.Got);
        Assert.Equal(0, Pending(f, "dev-b"));
    }

    [Fact]
    public void A_change_made_again_before_the_retry_goes_once_in_its_newest_version()
    {
        using var f = new ServerFixture();
        var (a, b, onA, onB) = AnnChangedAndFailedOnB(f, 500);
        a.Update(Store, onA, Card("Ann", "v3"));
        a.Sync((Store, SyncType.TwoWay));
        b.Sync((Store, SyncType.TwoWay));
        var got = Assert.Single(b.Got);
        Assert.Equal("Replace", got.Kind);
        Assert.Contains("NOTE:v3", got.Content, StringComparison.Ordinal);
        Assert.Contains("NOTE:v3", b.Store(Store)[onB], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(415)]
    [InlineData(413)]
    [InlineData(403)]
    public void A_final_refusal_is_not_sent_again_until_the_item_changes(int refusal)
    {
        using var f = new ServerFixture();
        var (a, b, _, _) = TwoDevicesWithAnn(f);
        var bo = a.Add(Store, Card("Bo", "v1"));
        a.Sync((Store, SyncType.TwoWay));

        b.Answer = (_, _, _) => refusal;
        b.Sync((Store, SyncType.TwoWay));
        Assert.Single(b.Got);
        Assert.Equal(0, Pending(f, "dev-b"));
        for (var i = 0; i < 3; i++)
        {
            b.Sync((Store, SyncType.TwoWay));
            Assert.Empty(b.Got);
        }

        // A new version is a new change: it is offered (as an Add, since the device never took the item).
        a.Update(Store, bo, Card("Bo", "v2"));
        a.Sync((Store, SyncType.TwoWay));
        b.Answer = null;
        b.Sync((Store, SyncType.TwoWay));
        var got = Assert.Single(b.Got);
        Assert.Equal("Add", got.Kind);
        Assert.Contains("NOTE:v2", got.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_replace_does_not_become_the_devices_base_so_its_own_edit_does_not_undo_the_server_change()
    {
        using var f = new ServerFixture();
        var (a, b, onA, onB) = AnnChangedAndFailedOnB(f, 500);
        // The device still has v1 and edits another field of it: the merge must see NOTE as unchanged by the device.
        b.Update(Store, onB, Card("Ann", "v1").Replace("END:VCARD", "EMAIL:ann@example.org\r\nEND:VCARD", StringComparison.Ordinal));
        b.Sync((Store, SyncType.TwoWay));
        Assert.Contains("NOTE:v2", b.Store(Store)[onB], StringComparison.Ordinal);
        Assert.Contains("EMAIL:ann@example.org", b.Store(Store)[onB], StringComparison.Ordinal);
        a.Sync((Store, SyncType.TwoWay));
        Assert.Contains("NOTE:v2", a.Store(Store)[onA], StringComparison.Ordinal);
        Assert.Contains("EMAIL:ann@example.org", a.Store(Store)[onA], StringComparison.Ordinal);
    }

    private static string? BaseOf(ServerFixture f, string device, string guid)
    {
        using var unit = f.Data.Repository.Begin();
        return unit.GetBase(unit.FindUser("bob")!.Id, device, Store, guid);
    }

    [Theory]
    [InlineData(500)]   // retried next session
    [InlineData(415)]   // refused for good
    public void An_add_the_device_took_is_its_base_and_one_it_failed_leaves_no_base(int failure)
    {
        using var f = new ServerFixture();
        var a = f.Device("dev-a");
        var ann = a.Add(Store, Card("Ann", "v1"));
        var bo = a.Add(Store, Card("Bo", "v1"));
        a.Sync((Store, SyncType.TwoWay));
        string GuidOf(string luid)
        {
            using var unit = f.Data.Repository.Begin();
            return unit.FindGuid(unit.FindUser("bob")!.Id, "dev-a", Store, luid)!;
        }

        var b = f.Device("dev-b");
        b.Answer = (_, _, content) => content.Contains("FN:Bo", StringComparison.Ordinal) ? failure : null;
        b.Sync((Store, SyncType.Slow));
        var annOnB = b.Store(Store).Single();
        Assert.Equal(annOnB.Value, BaseOf(f, "dev-b", GuidOf(ann)));
        Assert.Null(BaseOf(f, "dev-b", GuidOf(bo)));
    }

    [Fact]
    public void An_add_a_device_failed_in_a_slow_sync_arrives_in_its_next_two_way_sync()
    {
        using var f = new ServerFixture();
        var a = f.Device("dev-a");
        a.Add(Store, Card("Ann", "v1"));
        a.Add(Store, Card("Bo", "v1"));
        a.Sync((Store, SyncType.TwoWay));
        var b = f.Device("dev-b");
        b.Answer = (_, _, content) => content.Contains("FN:Bo", StringComparison.Ordinal) ? 420 : null;
        b.Sync((Store, SyncType.Slow));
        Assert.Single(b.Store(Store));

        b.Answer = null;
        b.Sync((Store, SyncType.TwoWay));
        var got = Assert.Single(b.Got);
        Assert.Equal("Add", got.Kind);
        Assert.Equal(2, b.Store(Store).Count);
    }

    [Fact]
    public void A_large_object_whose_last_chunk_failed_arrives_whole_next_time_exactly_once()
    {
        using var f = new ServerFixture();
        var (a, b, _, _) = TwoDevicesWithAnn(f);
        var note = new string('x', 40_000);
        a.Add(Store, Card("Bo", note));
        a.Sync((Store, SyncType.TwoWay));
        b.MaxMsgSize = 12_000;

        b.Answer = (_, _, content) => content.Contains("FN:Bo", StringComparison.Ordinal) ? 424 : null;
        var cut = b.Sync((Store, SyncType.TwoWay));
        Assert.True(cut.Messages > 3);   // it went in chunks
        Assert.Single(b.Store(Store));

        b.Answer = null;
        b.Sync((Store, SyncType.TwoWay));
        var got = Assert.Single(b.Got);
        Assert.Equal("Add", got.Kind);
        Assert.Contains(note, got.Content.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(2, b.Store(Store).Count);
        b.Sync((Store, SyncType.TwoWay));
        Assert.Empty(b.Got);
    }
}
