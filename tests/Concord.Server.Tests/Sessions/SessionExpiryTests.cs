using Concord.Sync;
using Concord.SyncML.Server;

namespace Concord.Server.Tests.Sessions;

public class SessionExpiryTests
{
    [Fact]
    public void An_idle_session_expires_with_its_half_received_object_and_nothing_of_it_is_stored()
    {
        using var f = new ServerFixture(new SyncMLServerOptions { SessionIdleTimeout = TimeSpan.FromMinutes(5) });
        var d = f.Device("dev-a");
        d.Sync(("contacts", SyncType.TwoWay));
        d.ChunkSize = 1000;
        d.Add("contacts", "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\nFN:Ann Lee\r\nNOTE:" + new string('x', 3000) + "\r\nEND:VCARD\r\n");
        d.StopAfterMessages = 3; // alert, first chunk, second chunk; the device vanishes before the last chunk
        Assert.Throws<SessionCutException>(() => d.Sync(("contacts", SyncType.TwoWay)));

        f.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, f.Server.ExpireIdleSessions());
        f.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, f.Server.ExpireIdleSessions());   // the completed first session and the broken one

        using (var unit = f.Data.Repository.Begin())
        {
            Assert.Empty(unit.AllItems(unit.FindUser("bob")!.Id, "contacts"));
        }
        // The device comes back: its anchors never advanced, it sends the item again, whole, and it is stored once.
        d.StopAfterMessages = 0;
        var again = d.Sync(("contacts", SyncType.TwoWay));
        Assert.True(again.Completed);
        using var after = f.Data.Repository.Begin();
        Assert.Single(after.AllItems(after.FindUser("bob")!.Id, "contacts"));
    }
}
