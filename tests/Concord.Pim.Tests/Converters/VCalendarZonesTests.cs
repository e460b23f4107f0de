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
}
