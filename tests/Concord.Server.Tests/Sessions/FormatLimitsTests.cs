using Concord.Sync;

namespace Concord.Server.Tests.Sessions;

/// <summary>A device whose format cannot carry some fields updates an item: those fields stay for everyone else.</summary>
public class FormatLimitsTests
{
    private const string Meeting =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n" +
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n" +
        "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\n" +
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n" +
        "BEGIN:VEVENT\r\nUID:planning-1\r\nSUMMARY:Planning\r\nDTSTART;TZID=Europe/Berlin:20260610T100000\r\n" +
        "DTEND;TZID=Europe/Berlin:20260610T110000\r\nORGANIZER;CN=Zoe:mailto:zoe@example.com\r\n" +
        "ATTENDEE;CN=Ann;PARTSTAT=ACCEPTED:mailto:ann@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    [Fact]
    public void A_SIF_client_edits_an_event_and_the_attendees_its_format_cannot_carry_stay_on_the_server_and_the_other_device()
    {
        using var f = new ServerFixture();
        var ical = f.Device("ical");
        ical.ContentType = "text/calendar";
        var sif = f.Device("sif");
        sif.ContentType = "text/x-s4j-sife";
        ical.Add("calendar", Meeting);
        ical.Sync(("calendar", SyncType.Slow));
        sif.Sync(("calendar", SyncType.Slow));
        var (luid, got) = sif.Store("calendar").Single();
        Assert.StartsWith("<", got.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("ann@example.com", got, StringComparison.Ordinal);

        sif.Update("calendar", luid, got.Replace("<Subject>Planning</Subject>", "<Subject>Planning, room 2</Subject>", StringComparison.Ordinal));
        var r = sif.Sync(("calendar", SyncType.TwoWay));
        Assert.All(r.ItemStatuses, s => Assert.Equal(200, s));
        ical.Sync(("calendar", SyncType.TwoWay));

        var back = ical.Store("calendar").Values.Single();
        Assert.Contains("SUMMARY:Planning\\, room 2", back, StringComparison.Ordinal);
        Assert.Contains("ATTENDEE;CN=Ann;PARTSTAT=ACCEPTED:mailto:ann@example.com", back, StringComparison.Ordinal);
        Assert.Contains("ORGANIZER;CN=Zoe:mailto:zoe@example.com", back, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20260610T100000", back, StringComparison.Ordinal);
    }

    private const string Weekly =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:weekly-1\r\nSUMMARY:Weekly\r\nDTSTART:20260302T090000Z\r\n" +
        "DTEND:20260302T100000Z\r\nRRULE:FREQ=WEEKLY;COUNT=8\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private const string Moved =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:weekly-1\r\nRECURRENCE-ID:20260323T090000Z\r\nSUMMARY:Weekly, moved\r\n" +
        "DTSTART:20260323T130000Z\r\nDTEND:20260323T140000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    [Fact]
    public void A_slow_sync_pairs_a_detached_exception_sent_as_its_own_item_with_itself_not_with_its_master()
    {
        using var f = new ServerFixture();
        var a = f.Device("a");
        a.ContentType = "text/calendar";
        a.Add("calendar", Weekly);
        a.Add("calendar", Moved);
        a.Sync(("calendar", SyncType.Slow));
        // Another device with the same two items, the exception first: each must find its own twin.
        var b = f.Device("b");
        b.ContentType = "text/calendar";
        b.Add("calendar", Moved);
        b.Add("calendar", Weekly);
        b.Sync(("calendar", SyncType.Slow));
        a.Sync(("calendar", SyncType.TwoWay));

        var onA = a.Store("calendar").Values.ToList();
        Assert.Equal(2, onA.Count);
        var master = Assert.Single(onA, i => !i.Contains("RECURRENCE-ID", StringComparison.Ordinal));
        Assert.Contains("SUMMARY:Weekly\r\n", master, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20260302T090000Z", master, StringComparison.Ordinal);
        var moved = Assert.Single(onA, i => i.Contains("RECURRENCE-ID", StringComparison.Ordinal));
        Assert.Contains("DTSTART:20260323T130000Z", moved, StringComparison.Ordinal);
        Assert.DoesNotContain("RRULE", moved, StringComparison.Ordinal);
    }
}
