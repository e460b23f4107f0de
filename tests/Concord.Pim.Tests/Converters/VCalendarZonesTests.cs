using Concord.Pim.Converters;
using Concord.Pim.Documents;

namespace Concord.Pim.Tests.Converters;

public class VCalendarZonesTests
{
    private static PimComponent Parse(string text) => PimDocument.Parse(text.Replace("\n", "\r\n", StringComparison.Ordinal));

    [Fact]
    public void A_DAYLIGHT_line_names_standard_time_first_and_daylight_time_second()
    {
        // vCalendar 1.0 §2.1.4: TRUE;offset;begin;end;standard name;daylight name ("EST;EDT" in its example).
        var v10 = Parse("BEGIN:VCALENDAR\nVERSION:1.0\nTZ:+01:00\nDAYLIGHT:TRUE;+02:00;20260329T010000Z;20261025T010000Z;CET;CEST\n" +
            "BEGIN:VEVENT\nDTSTART:20260601T080000\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n");
        var v20 = VCalendarConverter.Convert(v10, PimFormat.ICalendar20);
        var zone = Assert.Single(v20.Children("VTIMEZONE"));
        Assert.Equal("CEST", zone.Children("DAYLIGHT").Single().Find("TZNAME")?.Value);
        Assert.Equal("CET", zone.Children("STANDARD").Single().Find("TZNAME")?.Value);

        var back = VCalendarConverter.Convert(v20, PimFormat.VCalendar10);
        Assert.EndsWith(";CET;CEST", back.Find("DAYLIGHT")?.Value, StringComparison.Ordinal);
    }

    private static string Zone(string id, string standard, string daylight, string stdName, string dstName) =>
        $"BEGIN:VTIMEZONE\nTZID:{id}\nBEGIN:STANDARD\nDTSTART:19701101T020000\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\n" +
        $"TZOFFSETFROM:{daylight}\nTZOFFSETTO:{standard}\nTZNAME:{stdName}\nEND:STANDARD\nBEGIN:DAYLIGHT\nDTSTART:19700308T020000\n" +
        $"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\nTZOFFSETFROM:{standard}\nTZOFFSETTO:{daylight}\nTZNAME:{dstName}\nEND:DAYLIGHT\nEND:VTIMEZONE\n";

    // A flight from New York to Los Angeles: it starts in one zone and ends in another, and its detached instance
    // uses the second; the zone names are the client's own, so only the VTIMEZONEs say what they mean.
    private static readonly string Flight =
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//x//y//EN\n" + Zone("Office East", "-0500", "-0400", "EST", "EDT") +
        Zone("Office West", "-0800", "-0700", "PST", "PDT") +
        "BEGIN:VEVENT\nUID:flight\nSUMMARY:Flight\nDTSTART;TZID=Office East:20260706T080000\nDTEND;TZID=Office West:20260706T110000\n" +
        "RRULE:FREQ=WEEKLY;COUNT=4\nEXDATE;TZID=Office West:20260713T050000\nEND:VEVENT\n" +
        "BEGIN:VEVENT\nUID:flight\nRECURRENCE-ID;TZID=Office East:20260720T080000\nSUMMARY:Flight (late)\n" +
        "DTSTART;TZID=Office West:20260720T070000\nDTEND;TZID=Office West:20260720T130000\nEND:VEVENT\nEND:VCALENDAR\n";

    [Fact]
    public void Every_VTIMEZONE_of_an_item_resolves_its_own_times_in_vCalendar_1_0()
    {
        var original = Parse(Flight);
        var v10 = VCalendarConverter.Convert(original, PimFormat.VCalendar10);
        var text = PimDocument.Write(v10);
        // 08:00 EDT is 12:00 UTC; 11:00 PDT is 18:00 UTC; the exception's 07:00 and 13:00 PDT are 14:00 and 20:00 UTC.
        Assert.Contains("DTSTART:20260706T120000Z", text, StringComparison.Ordinal);
        Assert.Contains("DTEND:20260706T180000Z", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20260720T140000Z", text, StringComparison.Ordinal);
        Assert.Contains("DTEND:20260720T200000Z", text, StringComparison.Ordinal);
        Assert.Contains("EXDATE:20260713T120000Z", text, StringComparison.Ordinal);
        VCalendarConverterTests.Same(CalendarSemantics.Of(original), CalendarSemantics.Of(PimDocument.Parse(text)));
    }

    [Fact]
    public void Every_VTIMEZONE_of_an_item_resolves_its_own_times_in_SIF()
    {
        var sif = Concord.Pim.Sif.SifCalendar.WriteEvent(new Concord.Pim.Models.CalendarEvent(Parse(Flight)));
        Assert.Contains("<Start>20260706T120000Z</Start>", sif, StringComparison.Ordinal);
        Assert.Contains("<End>20260706T180000Z</End>", sif, StringComparison.Ordinal);
    }
}
