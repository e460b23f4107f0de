using Concord.Sync;

namespace Concord.Server.Tests.Sessions;

/// <summary>
/// A recurrence exception stored as an item of its own (as SyncEvolution's file backend sends it) reaches a
/// vCalendar 1.0 device as a plain event, and the master that device gets leaves the replaced instance out.
/// </summary>
public class DetachedExceptionTests
{
    private const string Cal = "calendar";

    private const string Weekly =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:standup-1\r\nSUMMARY:Standup\r\nDTSTART:20260302T090000Z\r\n" +
        "DTEND:20260302T093000Z\r\nRRULE:FREQ=WEEKLY;COUNT=8\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private const string Moved =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:standup-1\r\nRECURRENCE-ID:20260323T090000Z\r\nSUMMARY:Standup moved\r\n" +
        "DTSTART:20260323T140000Z\r\nDTEND:20260323T143000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private static ScriptedDevice Device(ServerFixture f, string id, string type)
    {
        var d = f.Device(id);
        d.ContentType = type;
        return d;
    }

    /// <summary>An iCalendar device sends the master and its exception as two items; a vCalendar 1.0 device gets both.</summary>
    private static (ScriptedDevice ICal, ScriptedDevice V10, string MovedOnICal) MasterAndExceptionOnBoth(ServerFixture f)
    {
        var ical = Device(f, "ical", "text/calendar");
        ical.Add(Cal, Weekly);
        var moved = ical.Add(Cal, Moved);
        ical.Sync((Cal, SyncType.Slow));
        var v10 = Device(f, "v10", "text/x-vcalendar");
        v10.Sync((Cal, SyncType.Slow));
        return (ical, v10, moved);
    }

    private static string MasterOn(ScriptedDevice d) => Assert.Single(d.Store(Cal).Values, v => v.Contains("RRULE", StringComparison.Ordinal));

    [Fact]
    public void A_vCalendar_10_device_gets_the_master_without_the_moved_instance_and_the_exception_as_a_plain_event()
    {
        using var f = new ServerFixture();
        var (ical, v10, _) = MasterAndExceptionOnBoth(f);
        var other = Device(f, "ical-2", "text/calendar");
        other.Sync((Cal, SyncType.Slow));

        Assert.Equal(2, v10.Store(Cal).Count);
        var master = MasterOn(v10);
        Assert.Contains("VERSION:1.0", master, StringComparison.Ordinal);
        Assert.Contains("EXDATE:20260323T090000Z", master, StringComparison.Ordinal);
        var moved = Assert.Single(v10.Store(Cal).Values, v => !v.Contains("RRULE", StringComparison.Ordinal));
        Assert.Contains("DTSTART:20260323T140000Z", moved, StringComparison.Ordinal);
        Assert.DoesNotContain("RECURRENCE-ID", moved, StringComparison.Ordinal);
        Assert.Contains("UID:standup-1-20260323T090000Z", moved, StringComparison.Ordinal);   // not taken for its master
        Assert.DoesNotContain("EXDATE", moved, StringComparison.Ordinal);

        // An iCalendar device gets the exception as it is and the master without an EXDATE.
        Assert.DoesNotContain("EXDATE", MasterOn(other), StringComparison.Ordinal);
        Assert.Contains(other.Store(Cal).Values, v => v.Contains("RECURRENCE-ID:20260323T090000Z", StringComparison.Ordinal));
        using var unit = f.Data.Repository.Begin();
        var stored = unit.AllItems(unit.FindUser("bob")!.Id, Cal).ToList();
        Assert.All(stored, i => Assert.DoesNotContain("EXDATE", i.Content, StringComparison.Ordinal));
    }

    [Fact]
    public void An_exception_added_or_removed_later_sends_the_master_again_to_the_vCalendar_10_device_only()
    {
        using var f = new ServerFixture();
        var ical = Device(f, "ical", "text/calendar");
        ical.Add(Cal, Weekly);
        ical.Sync((Cal, SyncType.Slow));
        var v10 = Device(f, "v10", "text/x-vcalendar");
        v10.Sync((Cal, SyncType.Slow));
        var other = Device(f, "ical-2", "text/calendar");
        other.Sync((Cal, SyncType.Slow));
        Assert.DoesNotContain("EXDATE", MasterOn(v10), StringComparison.Ordinal);

        var moved = ical.Add(Cal, Moved);
        ical.Sync((Cal, SyncType.TwoWay));
        v10.Sync((Cal, SyncType.TwoWay));
        Assert.Equal(["Add", "Replace"], v10.Got.Select(g => g.Kind).Order());
        Assert.Contains("EXDATE:20260323T090000Z", MasterOn(v10), StringComparison.Ordinal);
        Assert.Equal(2, v10.Store(Cal).Count);
        other.Sync((Cal, SyncType.TwoWay));
        Assert.Equal(["Add"], other.Got.Select(g => g.Kind));

        ical.Delete(Cal, moved);
        ical.Sync((Cal, SyncType.TwoWay));
        v10.Sync((Cal, SyncType.TwoWay));
        Assert.Equal(["Delete", "Replace"], v10.Got.Select(g => g.Kind).Order());
        Assert.DoesNotContain("EXDATE", MasterOn(v10), StringComparison.Ordinal);
        Assert.Single(v10.Store(Cal));
        other.Sync((Cal, SyncType.TwoWay));
        Assert.Equal(["Delete"], other.Got.Select(g => g.Kind));
    }

    [Fact]
    public void A_vCalendar_10_device_editing_the_master_leaves_no_EXDATE_on_the_server()
    {
        using var f = new ServerFixture();
        var (ical, v10, _) = MasterAndExceptionOnBoth(f);

        var (luid, master) = v10.Store(Cal).Single(x => x.Value.Contains("RRULE", StringComparison.Ordinal));
        v10.Update(Cal, luid, master.Replace("SUMMARY:Standup", "SUMMARY:Daily standup", StringComparison.Ordinal));
        v10.Sync((Cal, SyncType.TwoWay));
        ical.Sync((Cal, SyncType.TwoWay));

        var back = MasterOn(ical);
        Assert.Contains("SUMMARY:Daily standup", back, StringComparison.Ordinal);
        Assert.DoesNotContain("EXDATE", back, StringComparison.Ordinal);
        Assert.Contains(ical.Store(Cal).Values, v => v.Contains("RECURRENCE-ID:20260323T090000Z", StringComparison.Ordinal));
    }

    [Fact]
    public void A_vCalendar_10_device_editing_the_plain_event_updates_the_exception_which_stays_an_exception()
    {
        using var f = new ServerFixture();
        var (ical, v10, moved) = MasterAndExceptionOnBoth(f);

        var (luid, plain) = v10.Store(Cal).Single(x => !x.Value.Contains("RRULE", StringComparison.Ordinal));
        v10.Update(Cal, luid, plain
            .Replace("SUMMARY:Standup moved", "SUMMARY:Standup moved to room 4", StringComparison.Ordinal));
        v10.Sync((Cal, SyncType.TwoWay));
        ical.Sync((Cal, SyncType.TwoWay));

        var back = ical.Store(Cal)[moved];
        Assert.Contains("SUMMARY:Standup moved to room 4", back, StringComparison.Ordinal);
        Assert.Contains("UID:standup-1\r\n", back, StringComparison.Ordinal);
        Assert.Contains("RECURRENCE-ID:20260323T090000Z", back, StringComparison.Ordinal);
        Assert.Equal(2, ical.Store(Cal).Count);
        Assert.DoesNotContain("EXDATE", MasterOn(ical), StringComparison.Ordinal);
    }

    [Fact]
    public void A_vCalendar_10_device_deleting_the_plain_event_cancels_that_occurrence_everywhere()
    {
        using var f = new ServerFixture();
        var (ical, v10, moved) = MasterAndExceptionOnBoth(f);
        var (luid, _) = v10.Store(Cal).Single(x => !x.Value.Contains("RRULE", StringComparison.Ordinal));
        v10.Delete(Cal, luid);
        v10.Sync((Cal, SyncType.TwoWay));
        ical.Sync((Cal, SyncType.TwoWay));

        Assert.False(ical.Store(Cal).ContainsKey(moved));
        Assert.Contains("EXDATE:20260323T090000Z", MasterOn(ical), StringComparison.Ordinal);
        Assert.Equal(["Delete", "Replace"], ical.Got.Select(g => g.Kind).Order());
        v10.Sync((Cal, SyncType.TwoWay));
        Assert.Empty(v10.Got);
        Assert.Single(Assert.Single(v10.Store(Cal).Values).Split("\r\n"), l => l.StartsWith("EXDATE", StringComparison.Ordinal));
    }
}
