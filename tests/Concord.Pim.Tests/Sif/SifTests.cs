using Concord.Pim.Documents;
using Concord.Pim.Models;
using Concord.Pim.Sif;
using Concord.Pim.Tests.TestData;

namespace Concord.Pim.Tests.Sif;

public class SifTests
{
    private static string Sample(string name) => File.ReadAllText(Path.Combine(Corpus.OwnDir, name));

    private static List<string> Fields(string xml, string root) =>
        [.. SifDocument.Read(xml, root).Fields.Where(f => f.Name != "SIFVersion").Select(f => f.Name + "=" + f.Value).Order(StringComparer.Ordinal)];

    [Fact]
    public void A_SIF_contact_survives_the_trip_through_vCard_with_every_field()
    {
        var sif = Sample("sif-contact.xml");
        var contact = SifContact.Read(sif);
        var again = SifContact.Read(SifContact.Write(Contact.Parse(contact.ToVCard(PimFormat.VCard21))));
        Assert.Equal(Fields(sif, "contact"), Fields(SifContact.Write(again), "contact"));
        Assert.Equal("Doe", again.FamilyName);
        Assert.Contains("TEL;TYPE=WORK,FAX:businessfax 4", contact.ToVCard(), StringComparison.Ordinal);
        Assert.Equal("This is a test case which uses almost all Outlook fields.\nSecond line & <more>, with comma; and semicolon", contact.Text("NOTE"));
        Assert.Contains("NOTE:This is a test case which uses almost all Outlook fields.\\nSecond line & <more>\\, with comma\\; and semicolon", contact.Card.Find("NOTE")!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sif-event.xml", "appointment")]
    [InlineData("sif-task.xml", "task")]
    [InlineData("sif-note.xml", "note")]
    public void A_SIF_calendar_item_survives_the_trip_through_iCalendar_and_vCalendar_with_every_field(string file, string root)
    {
        var sif = Sample(file);
        string Trip(string xml) => root switch
        {
            "appointment" => SifCalendar.WriteEvent(CalendarEvent.Parse(CalendarEvent.Parse(SifCalendar.ReadEvent(xml).ToCalendar(PimFormat.VCalendar10)).ToCalendar())),
            "task" => SifCalendar.WriteTask(CalendarTask.Parse(CalendarTask.Parse(SifCalendar.ReadTask(xml).ToCalendar(PimFormat.VCalendar10)).ToCalendar())),
            _ => SifCalendar.WriteNote(Note.Parse(SifCalendar.ReadNote(xml).ToCalendar())),
        };
        var expected = Fields(sif, root).Where(f => !f.StartsWith("PatternStartDate", StringComparison.Ordinal)).ToList();
        var actual = Fields(Trip(sif), root).Where(f => !f.StartsWith("PatternStartDate", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_SIF_event_becomes_a_weekly_rule_with_its_exception_and_reminder()
    {
        var e = SifCalendar.ReadEvent(Sample("sif-event.xml"));
        Assert.Equal("FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH;COUNT=10", e.RecurrenceRule);
        Assert.Equal(15, e.ReminderMinutesBefore);
        Assert.Equal([PimDateTime.Utc(new DateTime(2006, 4, 6, 9, 0, 0))], e.ExceptionDates);
        Assert.Contains("RRULE:W1 TU TH #10", e.ToCalendar(PimFormat.VCalendar10), StringComparison.Ordinal);
    }

    public static TheoryData<string, int> Cards => Corpus.ItemsOf("vcard21.vcf", "eds_contact.vcf", "carddav.vcf", "qt_contact.vcf");

    [Theory]
    [MemberData(nameof(Cards))]
    public void Every_contact_keeps_what_SIF_can_carry_through_SIF_and_back(string file, int index)
    {
        var contact = new Contact(PimDocument.Parse(Corpus.Items(file)[index]));
        var once = SifContact.Write(contact);
        var back = SifContact.Read(once);
        Assert.Equal(Fields(once, "contact"), Fields(SifContact.Write(back), "contact"));
        Assert.Equal(contact.FamilyName, back.FamilyName);
        Assert.Equal(contact.Text("NOTE"), back.Text("NOTE"));
    }

    public static TheoryData<string, int> Events => Corpus.ItemsOf("eds_event.ics", "google_event.ics", "vcal10.ics", "eds_event-alarms-2010-12-31.ics");

    [Theory]
    [MemberData(nameof(Events))]
    public void Every_event_keeps_what_SIF_can_carry_through_SIF_and_back(string file, int index)
    {
        var e = new CalendarEvent(PimDocument.Parse(Corpus.Items(file)[index]));
        var once = SifCalendar.WriteEvent(e);
        var back = SifCalendar.ReadEvent(once);
        Assert.Equal(Fields(once, "appointment"), Fields(SifCalendar.WriteEvent(back), "appointment"));
        Assert.Equal(e.Summary, back.Summary);
    }

    [Fact]
    public void A_SIF_document_with_a_DTD_is_refused()
    {
        var e = Assert.Throws<PimFormatException>(() => SifContact.Read("<?xml version=\"1.0\"?><!DOCTYPE contact [<!ENTITY x \"y\">]><contact><FirstName>&x;</FirstName></contact>"));
        Assert.Equal(415, e.SyncMLStatus);
    }
}
