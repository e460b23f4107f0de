using System.Text;
using Concord.Pim.Converters;
using Concord.Pim.Documents;

namespace Concord.Pim.Tests.Converters;

public class VCalendarJournalTests
{
    // vCalendar 1.0 defines VEVENT and VTODO only; phones that keep memos in vCalendar write a VJOURNAL the same way.
    private const string Memo10 =
        "BEGIN:VCALENDAR\r\nVERSION:1.0\r\nBEGIN:VJOURNAL\r\nUID:memo-1\r\nDTSTART:20260301T090000Z\r\n" +
        "SUMMARY;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Einkauf f=C3=BCr Montag\r\n" +
        "DESCRIPTION;ENCODING=QUOTED-PRINTABLE:Milch=0D=0AK=C3=A4se\r\nCATEGORIES:PERSONAL;SHOPPING\r\nEND:VJOURNAL\r\nEND:VCALENDAR\r\n";

    [Fact]
    public void A_vCalendar_1_0_journal_says_the_same_in_iCalendar_2_0_and_back()
    {
        var original = PimDocument.Parse(Encoding.UTF8.GetBytes(Memo10));
        var v20 = PimDocument.Parse(PimDocument.Write(VCalendarConverter.Convert(original, PimFormat.ICalendar20)));
        var journal = Assert.Single(v20.Children("VJOURNAL"));
        Assert.Equal("Einkauf für Montag", journal.Find("SUMMARY")?.Value);
        Assert.Equal("Milch\\nKäse", journal.Find("DESCRIPTION")?.Value);
        Assert.Equal("PERSONAL,SHOPPING", journal.Find("CATEGORIES")?.Value);
        VCalendarConverterTests.Same(CalendarSemantics.Of(original), CalendarSemantics.Of(v20));
        var back = PimDocument.Parse(PimDocument.Write(VCalendarConverter.Convert(v20, PimFormat.VCalendar10)));
        VCalendarConverterTests.Same(CalendarSemantics.Of(original), CalendarSemantics.Of(back));
    }

    [Fact]
    public void A_vCalendar_1_0_journal_is_stored_as_the_canonical_iCalendar_journal()
    {
        var canonical = PimItems.Read(Encoding.UTF8.GetBytes(Memo10), "text/x-vcalendar");
        Assert.Equal("text/calendar", canonical.ContentType);
        Assert.Contains("BEGIN:VJOURNAL\r\n", canonical.Content, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Milch\\nKäse\r\n", canonical.Content, StringComparison.Ordinal);
    }
}
