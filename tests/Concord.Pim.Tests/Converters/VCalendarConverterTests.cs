using Concord.Pim.Converters;
using Concord.Pim.Documents;
using Concord.Pim.Tests.TestData;

namespace Concord.Pim.Tests.Converters;

public class VCalendarConverterTests
{
    public static TheoryData<string, int> Calendars =>
        Corpus.ItemsOf("vcal10.ics", "eds_event.ics", "google_event.ics", "eds_event-alarms-2010-12-31.ics", "eds_task.ics",
            "eds_memo.ics", "rfc5545.ics", "vcal10-phones.ics");

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Every_calendar_item_says_the_same_in_the_other_format_and_back(string file, int index)
    {
        var original = PimDocument.Parse(Corpus.Items(file)[index]);
        var other = original.Format == PimFormat.VCalendar10 ? PimFormat.ICalendar20 : PimFormat.VCalendar10;
        var expected = CalendarSemantics.Of(original);
        var converted = Reparse(VCalendarConverter.Convert(original, other));
        Assert.Equal(other, converted.Format);
        Same(expected, CalendarSemantics.Of(converted));
        var back = Reparse(VCalendarConverter.Convert(converted, original.Format));
        Same(expected, CalendarSemantics.Of(back));
    }

    // The lines only one side has, in full, so a failure says which property was lost or changed.
    internal static void Same(List<string> expected, List<string> actual)
    {
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0 && expected.Count == actual.Count,
            "lost:\n" + string.Join("\n", missing) + "\ngained:\n" + string.Join("\n", extra));
    }

    private static PimComponent Reparse(PimComponent c) => PimDocument.Parse(PimDocument.Write(c));
}
