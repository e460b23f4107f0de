using Concord.Sync;

namespace Concord.Server.Tests.Sessions;

/// <summary>
/// A slow sync to a device reads the store batch by batch as its messages fill (not a queue made at the start): what
/// another device changes meanwhile is neither lost nor doubled, and reaches the device by its next sync.
/// </summary>
public class SlowSyncStreamTests
{
    private const string Store = "contacts";

    private static string Card(string name, string note) =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{name};;;;\r\nFN:{name}\r\nNOTE:{note}\r\nEND:VCARD\r\n";

    private static List<string> Names(ScriptedDevice d) =>
        [.. d.Store(Store).Values.Select(c => c.Split("\r\n").Single(l => l.StartsWith("FN:", StringComparison.Ordinal))[3..]).Order()];

    [Fact]
    public void Changes_made_elsewhere_during_a_many_message_slow_sync_arrive_exactly_once()
    {
        using var f = new ServerFixture();
        var a = f.Device("dev-a");
        var luids = Enumerable.Range(0, 40).Select(i => a.Add(Store, Card($"Person{i:00}", "v1" + new string('n', 400)))).ToList();
        a.Sync((Store, SyncType.TwoWay));

        var b = f.Device("dev-b");
        b.MaxMsgSize = 12_000;
        var changedMidway = false;
        b.Answer = (_, _, _) =>
        {
            if (changedMidway) return null;
            changedMidway = true;
            // While b is in its first message of server changes: the last-sent items change on a, one goes, one comes.
            a.Update(Store, luids[38], Card("Person38", "v2"));
            a.Delete(Store, luids[39]);
            a.Add(Store, Card("Person40", "v1"));
            a.Sync((Store, SyncType.TwoWay));
            return null;
        };
        var slow = b.Sync((Store, SyncType.Slow));
        Assert.True(slow.Completed);
        Assert.True(slow.Messages > 3, $"{slow.Messages} messages");   // it did go over several messages
        Assert.True(changedMidway);
        b.Answer = null;

        b.Sync((Store, SyncType.TwoWay));
        var expected = Enumerable.Range(0, 39).Select(i => $"Person{i:00}").Append("Person40").ToList();
        Assert.Equal(expected, Names(b));
        Assert.Contains(b.Store(Store).Values, c => c.Contains("FN:Person38", StringComparison.Ordinal) && c.Contains("NOTE:v2", StringComparison.Ordinal));
        Assert.Equal(Names(a), Names(b));

        b.Sync((Store, SyncType.TwoWay));
        Assert.Empty(b.Got);
    }
}
