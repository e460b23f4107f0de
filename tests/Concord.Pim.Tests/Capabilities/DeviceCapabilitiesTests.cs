using Concord.Pim.Capabilities;
using Concord.Pim.Documents;
using Concord.Pim.Merging;
using Concord.Pim.Tests.TestData;

namespace Concord.Pim.Tests.Capabilities;

public class DeviceCapabilitiesTests
{
    private static DeviceCapabilities Phone => DeviceCapabilities.FromDevInf(File.ReadAllText(Path.Combine(Corpus.OwnDir, "devinf12-phone.xml")), "./contacts")!;

    private static string Card(params string[] lines) => "BEGIN:VCARD\r\nVERSION:3.0\r\n" + string.Concat(lines.Select(l => l + "\r\n")) + "END:VCARD\r\n";

    private const string LongNote = "NOTE:A note much longer than twenty characters";

    [Fact]
    public void A_DevInf_1_2_CTCap_gives_the_preferred_format_the_properties_their_types_and_sizes()
    {
        var caps = Phone;
        Assert.Equal(PimFormat.VCard21, caps.Format);
        Assert.Equal(20, caps.MaxSize("NOTE"));
        Assert.True(caps.CanStore(new PimProperty("TEL", "1", [new PimParameter("TYPE", "HOME,VOICE")])));
        Assert.False(caps.CanStore(new PimProperty("TEL", "1", [new PimParameter("TYPE", "CAR")])));
        Assert.False(caps.CanStore(new PimProperty("PHOTO", "AAAA")));
    }

    [Fact]
    public void A_DevInf_1_1_flat_CTCap_is_read_for_the_store_s_type_only()
    {
        var caps = DeviceCapabilities.FromDevInf(File.ReadAllText(Path.Combine(Corpus.OwnDir, "devinf11-phone.xml")), "./cal")!;
        Assert.Equal(PimFormat.VCalendar10, caps.Format);
        Assert.Equal(30, caps.MaxSize("SUMMARY"));
        Assert.False(caps.Properties.ContainsKey("N"));
        Assert.True(caps.CanStore(new PimComponent("VEVENT")));
        Assert.False(caps.CanStore(new PimComponent("VTODO")));
    }

    [Fact]
    public void A_device_gets_its_format_without_the_fields_it_cannot_store_and_with_values_cut_to_its_sizes()
    {
        var item = PimDocument.Parse(Card("N:Lee;Ann;;;", "FN:Ann Lee", "TEL;TYPE=CAR:555", "TEL;TYPE=HOME:+44 1234 567890 12345", LongNote, "X-SKYPE:ann"));
        var sent = PimDocument.Write(ItemFilter.ForDevice(item, Phone));
        Assert.Equal("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lee;Ann;;;\r\nFN:Ann Lee\r\nTEL;HOME:+44 1234 567890 1234\r\nNOTE:A note much longer t\r\nEND:VCARD\r\n", sent);
    }

    [Fact]
    public void A_field_the_device_never_could_store_is_kept_when_it_sends_the_item_back_without_it()
    {
        var full = Card("FN:Ann Lee", "TEL;TYPE=HOME:1", "X-SKYPE:ann");
        var fromPhone = Card("FN:Ann Lee", "TEL;TYPE=HOME:2");
        var merged = ItemMerger.Merge(full, full, fromPhone, Phone);
        Assert.Contains("X-SKYPE:ann", merged.Content, StringComparison.Ordinal);
        Assert.Contains("TEL;TYPE=HOME:2", merged.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("X-SKYPE", ItemMerger.Merge(full, full, fromPhone).Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_the_device_can_store_and_deleted_is_deleted_everywhere()
    {
        var full = Card("FN:Ann Lee", "EMAIL:ann@example.org", "X-SKYPE:ann");
        var merged = ItemMerger.Merge(full, full, Card("FN:Ann Lee"), Phone);
        Assert.DoesNotContain("EMAIL", merged.Content, StringComparison.Ordinal);
        Assert.Contains("X-SKYPE:ann", merged.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_the_device_cut_to_its_size_limit_keeps_the_long_one()
    {
        var full = Card("FN:Ann Lee", LongNote);
        var merged = ItemMerger.Merge(full, full, Card("FN:Ann Lee", "NOTE:A note much longer "), Phone);
        Assert.Contains(LongNote, merged.Content, StringComparison.Ordinal);
        Assert.False(merged.HasClash);
    }

    [Fact]
    public void A_value_the_device_really_changed_is_taken_even_when_it_is_shorter()
    {
        var full = Card("FN:Ann Lee", LongNote);
        Assert.Contains("NOTE:A note\r\n", ItemMerger.Merge(full, full, Card("FN:Ann Lee", "NOTE:A note"), Phone).Content, StringComparison.Ordinal);
        Assert.Contains("NOTE:Another text\r\n", ItemMerger.Merge(full, full, Card("FN:Ann Lee", "NOTE:Another text"), Phone).Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vCard_2_1_client_and_a_3_0_server_merge_field_by_field_whatever_the_encoding()
    {
        var server = Card("N:M\u00fcller;J\u00fcrgen;;;", "TEL;TYPE=HOME:1", "NOTE:one\\ntwo");
        var client = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;\r\nTEL;HOME:2\r\nNOTE;ENCODING=QUOTED-PRINTABLE:one=0D=0Atwo\r\nEND:VCARD\r\n";
        var merged = ItemMerger.Merge(server, server, client);
        Assert.False(merged.HasClash);
        Assert.Equal(Card("N:M\u00fcller;J\u00fcrgen;;;", "TEL;TYPE=HOME:2", "NOTE:one\\ntwo"), merged.Content);
    }
}
