using Concord.Pim.Converters;

namespace Concord.Pim.Tests.Converters;

public class DetachedExceptionsTests
{
    private const string Zone =
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n" +
        "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\n" +
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n";

    private const string Master =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:w-1\r\nSUMMARY:Weekly\r\nDTSTART:20260302T090000Z\r\n" +
        "RRULE:FREQ=WEEKLY;COUNT=8\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private const string ZonedException =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + Zone + "BEGIN:VEVENT\r\nUID:w-1\r\nRECURRENCE-ID;TZID=Europe/Berlin:20260323T100000\r\n" +
        "SUMMARY:Moved\r\nDTSTART;TZID=Europe/Berlin:20260323T150000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    [Fact]
    public void The_master_excludes_each_exception_once_with_its_zone_and_the_vCalendar_10_form_names_the_instant_in_UTC()
    {
        var withDates = DetachedExceptions.AddExceptionDates(Master, [ZonedException, ZonedException, "not a calendar"]);
        Assert.Single(withDates.Split("\r\n"), l => l.StartsWith("EXDATE", StringComparison.Ordinal));
        Assert.Contains("EXDATE;TZID=Europe/Berlin:20260323T100000", withDates, StringComparison.Ordinal);
        Assert.Contains("TZID:Europe/Berlin", withDates, StringComparison.Ordinal);   // the zone came along

        var v10 = PimItems.ForDevice(withDates, "text/x-vcalendar");
        Assert.Contains("EXDATE:20260323T090000Z", v10, StringComparison.Ordinal);   // 10:00 in Berlin on 23 March is 09:00 UTC
    }

    [Fact]
    public void A_master_that_does_not_recur_is_left_as_it_was()
    {
        var single = Master.Replace("RRULE:FREQ=WEEKLY;COUNT=8\r\n", "", StringComparison.Ordinal);
        Assert.Same(single, DetachedExceptions.AddExceptionDates(single, [ZonedException]));
    }

    [Fact]
    public void An_exception_on_its_own_becomes_a_plain_event_and_one_beside_its_master_is_left_alone()
    {
        var plain = DetachedExceptions.AsPlainEvent(ZonedException);
        Assert.DoesNotContain("RECURRENCE-ID", plain, StringComparison.Ordinal);
        Assert.Contains("UID:w-1-20260323T100000\r\n", plain, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20260323T150000", plain, StringComparison.Ordinal);

        var both = Master.Replace("END:VCALENDAR\r\n", "", StringComparison.Ordinal)
            + "BEGIN:VEVENT\r\nUID:w-1\r\nRECURRENCE-ID:20260323T090000Z\r\nDTSTART:20260323T140000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        Assert.Same(both, DetachedExceptions.AsPlainEvent(both));
    }
}
