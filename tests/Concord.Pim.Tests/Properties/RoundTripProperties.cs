using Concord.Pim.Converters;
using Concord.Pim.Documents;
using Concord.Pim.Tests.Converters;
using Concord.Pim.Tests.Documents;
using CsCheck;

namespace Concord.Pim.Tests.Properties;

public class RoundTripProperties
{
    private static PimComponent Reparse(PimComponent c) => PimDocument.Parse(PimDocument.Write(c));

    [Fact]
    public void Any_contact_written_in_any_vCard_version_reads_back_equal()
    {
        PimGen.Card.Sample(card =>
        {
            foreach (var format in new[] { PimFormat.VCard21, PimFormat.VCard30, PimFormat.VCard40 })
            {
                var converted = VCardConverter.Convert(card, format);
                PimAssert.Equal(converted, Reparse(converted));
            }
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Any_contact_says_the_same_in_every_vCard_version_and_back()
    {
        PimGen.Card.Sample(card =>
        {
            var expected = Semantics.OfCard(card);
            foreach (var format in new[] { PimFormat.VCard21, PimFormat.VCard40 })
            {
                var there = Reparse(VCardConverter.Convert(card, format));
                Assert.Equal(expected, Semantics.OfCard(there));
                Assert.Equal(expected, Semantics.OfCard(Reparse(VCardConverter.Convert(there, PimFormat.VCard30))));
            }
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Any_event_says_the_same_in_vCalendar_1_0_and_back()
    {
        PimGen.Event.Sample(calendar =>
        {
            PimAssert.Equal(calendar, Reparse(calendar));
            var expected = CalendarSemantics.Of(calendar);
            var old = Reparse(VCalendarConverter.Convert(calendar, PimFormat.VCalendar10));
            VCalendarConverterTests.Same(expected, CalendarSemantics.Of(old));
            VCalendarConverterTests.Same(expected, CalendarSemantics.Of(Reparse(VCalendarConverter.Convert(old, PimFormat.ICalendar20))));
        }, iter: 300, threads: 1);
    }
}
