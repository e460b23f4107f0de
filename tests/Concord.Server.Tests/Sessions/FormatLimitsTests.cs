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
}
