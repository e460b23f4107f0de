using Concord.Pim.Converters;

namespace Concord.Pim.Tests.Converters;

public class VCalendarRecurrenceTests
{
    [Theory]
    [InlineData("W1 MO TU #10", "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU;COUNT=10")]
    [InlineData("MD1 1 15 #0", "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=1,15")]
    [InlineData("MD2 1- #5", "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1;COUNT=5")]
    [InlineData("MP1 1+ SU #2", "FREQ=MONTHLY;INTERVAL=1;BYDAY=1SU;COUNT=2")]
    [InlineData("MP1 2- FR #0", "FREQ=MONTHLY;INTERVAL=1;BYDAY=-2FR")]
    [InlineData("YM1 4 6 #3", "FREQ=YEARLY;INTERVAL=1;BYMONTH=4,6;COUNT=3")]
    [InlineData("YD3 1 100 #0", "FREQ=YEARLY;INTERVAL=3;BYYEARDAY=1,100")]
    [InlineData("D1 #0", "FREQ=DAILY;INTERVAL=1")]
    [InlineData("W2 TH 20060427T000000Z", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20060427T000000Z")]
    public void A_vCalendar_1_0_rule_and_its_RRULE_convert_both_ways(string old, string rrule)
    {
        Assert.Equal(rrule, VCalendarRecurrence.ToICalendar(old, allDay: false));
        Assert.Equal(old, VCalendarRecurrence.ToVCalendar(rrule));
    }

    [Fact]
    public void A_rule_without_a_duration_recurs_twice_as_vCalendar_1_0_says() =>
        Assert.Equal("FREQ=DAILY;INTERVAL=1;COUNT=2", VCalendarRecurrence.ToICalendar("D1", allDay: false));

    [Theory]
    [InlineData("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2")]
    [InlineData("FREQ=DAILY;BYHOUR=9,17")]
    public void An_RRULE_vCalendar_1_0_cannot_say_has_no_1_0_rule(string rrule) => Assert.Null(VCalendarRecurrence.ToVCalendar(rrule));

    [Theory]
    [InlineData("X1 #2")]
    [InlineData("W1 XX #2")]
    [InlineData("D1 #ten")]
    public void A_malformed_1_0_rule_is_refused_with_415(string rule)
    {
        var e = Assert.Throws<PimFormatException>(() => VCalendarRecurrence.ToICalendar(rule, allDay: false));
        Assert.Equal(415, e.SyncMLStatus);
    }
}
