using System.Text;
using Concord.Pim.Capabilities;
using Concord.Pim.Documents;
using Concord.Pim.Tests.TestData;

namespace Concord.Pim.Tests.Documents;

public class PimItemsTests
{
    [Fact]
    public void A_vCard_2_1_from_a_phone_is_stored_as_vCard_3_0_and_sent_back_as_2_1()
    {
        var canonical = PimItems.Read(Corpus.Items("vcard21-phones.vcf")[1], "text/x-vcard");
        Assert.Equal("text/vcard", canonical.ContentType);
        Assert.Equal("text/x-vcard", canonical.SourceType);
        Assert.Contains("N:M\u00fcller;J\u00fcrgen\r\n", canonical.Content, StringComparison.Ordinal);
        var back = PimItems.ForDevice(canonical.Content, "text/x-vcard");
        Assert.Contains("VERSION:2.1\r\n", back, StringComparison.Ordinal);
        Assert.Contains("N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen\r\n", back, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vCalendar_1_0_event_is_stored_as_iCalendar_2_0()
    {
        var canonical = PimItems.Read(Corpus.Items("vcal10-phones.ics")[1], "text/x-vcalendar");
        Assert.Equal("text/calendar", canonical.ContentType);
        Assert.Contains("RRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=1,15\r\n", canonical.Content, StringComparison.Ordinal);
        Assert.Contains("RRULE:MD1 1 15 #0\r\n", PimItems.ForDevice(canonical.Content, "text/x-vcalendar"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_SIF_contact_is_stored_as_vCard_and_a_SIF_client_gets_SIF()
    {
        var sif = File.ReadAllBytes(Path.Combine(Corpus.OwnDir, "sif-contact.xml"));
        var canonical = PimItems.Read(sif, "text/x-s4j-sifc");
        Assert.Equal("text/vcard", canonical.ContentType);
        Assert.Contains("N:Doe;John;M.;Dr.;Jr.\r\n", canonical.Content, StringComparison.Ordinal);
        Assert.Contains("<FirstName>John</FirstName>", PimItems.ForDevice(canonical.Content, "text/x-s4j-sifc"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_vNote_is_stored_as_a_journal_and_goes_back_as_a_vNote()
    {
        var canonical = PimItems.Read(Encoding.ASCII.GetBytes("BEGIN:VNOTE\r\nVERSION:1.1\r\nBODY;ENCODING=QUOTED-PRINTABLE:line1=0D=0Aline2\r\nEND:VNOTE\r\n"), "text/x-vnote");
        Assert.Contains("BEGIN:VJOURNAL\r\n", canonical.Content, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:line1\\nline2\r\n", canonical.Content, StringComparison.Ordinal);
        Assert.Contains("BODY;ENCODING=QUOTED-PRINTABLE:line1=0D=0Aline2\r\n", PimItems.ForDevice(canonical.Content, "text/x-vnote"), StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_notes_stay_plain_text()
    {
        var canonical = PimItems.Read(Encoding.UTF8.GetBytes("Shopping\nmilk"), "text/plain");
        Assert.Equal("text/plain", canonical.ContentType);
        Assert.Equal("Shopping\nmilk", canonical.Content);
    }

    [Fact]
    public void A_device_with_a_CTCap_gets_only_what_it_declared()
    {
        var caps = DeviceCapabilities.FromDevInf(File.ReadAllText(Path.Combine(Corpus.OwnDir, "devinf12-phone.xml")), "contacts")!;
        var canonical = PimItems.Read(Corpus.Items("eds_contact.vcf")[10], "text/vcard").Content;
        var sent = PimDocument.Parse(PimItems.ForDevice(canonical, "text/x-vcard", caps));
        Assert.Equal(PimFormat.VCard21, sent.Format);
        Assert.All(sent.Properties, p => Assert.True(p.Name is "VERSION" or "N" or "FN" or "TEL" or "EMAIL" or "NOTE", p.Name));
        Assert.All(sent.FindAll("NOTE"), p => Assert.True(Encoding.UTF8.GetByteCount(p.Value) <= 20));
    }
}
