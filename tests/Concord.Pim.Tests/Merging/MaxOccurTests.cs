using Concord.Pim.Capabilities;
using Concord.Pim.Documents;
using Concord.Pim.Merging;

namespace Concord.Pim.Tests.Merging;

/// <summary>
/// A device that keeps a property only MaxOccur times (a SIM entry: one number, no TYPE): the filter gives it the
/// preferred one, the merge changes only the one it had and never takes the others as deleted.
/// </summary>
public class MaxOccurTests
{
    private static readonly DeviceCapabilities Sim = new(PimFormat.VCard21,
        [new PropertyCapability("FN", 18, false, []), new PropertyCapability("TEL", null, false, [], MaxOccur: 1)]);

    private static string Card(params string[] lines) => "BEGIN:VCARD\r\nVERSION:3.0\r\n" + string.Concat(lines.Select(l => l + "\r\n")) + "END:VCARD\r\n";

    private static readonly string Five = Card("N:Numbers;Five;;;", "FN:Five Numbers", "TEL;TYPE=HOME:+44 20 7000 0001",
        "TEL;TYPE=WORK,PREF:+44 20 7000 0002", "TEL;TYPE=CELL:+44 7700 900003", "TEL;TYPE=FAX:+44 20 7000 0004",
        "TEL;TYPE=PAGER:+44 20 7000 0005", "EMAIL:five@example.org");

    private static List<string> Tels(string item) => [.. PimDocument.Parse(item).FindAll("TEL").Select(t => t.Value)];

    [Fact]
    public void The_filter_keeps_the_preferred_occurrence_first_then_the_items_order()
    {
        var sent = ItemFilter.ForDevice(PimDocument.Parse(Five), Sim);
        Assert.Equal(["+44 20 7000 0002"], sent.FindAll("TEL").Select(t => t.Value));
        Assert.Null(sent.Find("EMAIL"));
        var noPref = ItemFilter.ForDevice(PimDocument.Parse(Card("FN:A", "TEL;TYPE=HOME:1", "TEL;TYPE=WORK:2")), Sim);
        Assert.Equal(["1"], noPref.FindAll("TEL").Select(t => t.Value));
    }

    [Fact]
    public void A_contact_with_only_a_structured_name_reaches_a_device_that_keeps_only_fn_with_a_name()
    {
        var item = PimDocument.Parse(Card("N:M\u00fcller;J\u00fcrgen;;Dr.;", "TEL:+49 30 1234"));
        var sent = ItemFilter.ForDevice(item, Sim);
        Assert.Equal("J\u00fcrgen M\u00fcller", sent.Find("FN")!.Value);
        Assert.Null(sent.Find("N"));
        Assert.Null(item.Find("FN"));
        var written = PimDocument.Write(sent);
        Assert.Equal("J\u00fcrgen M\u00fcller", PimDocument.Parse(written).Find("FN")!.Value);

        // Sent back unchanged, the made-up FN is no change: the server's item gains nothing.
        var merged = ItemMerger.Merge(written, Card("N:M\u00fcller;J\u00fcrgen;;Dr.;", "TEL:+49 30 1234"), written, Sim).Content;
        Assert.Null(PimDocument.Parse(merged).Find("FN"));
    }

    [Fact]
    public void A_name_changed_on_the_device_leaves_the_numbers_it_never_held()
    {
        var baseline = PimDocument.Write(ItemFilter.ForDevice(PimDocument.Parse(Five), Sim));
        var device = "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Five Renamed;;;;\r\nFN:Five Renamed\r\nTEL:+442070000002\r\nEND:VCARD\r\n";
        var merged = ItemMerger.Merge(baseline, Five, device, Sim).Content;
        Assert.Equal(Tels(Five), Tels(merged));
        Assert.Equal("Five Renamed", PimDocument.Parse(merged).Find("FN")!.Value);
        Assert.Equal("Numbers;Five;;;", PimDocument.Parse(merged).Find("N")!.Value);
        Assert.NotNull(PimDocument.Parse(merged).Find("EMAIL"));
    }

    [Fact]
    public void A_number_changed_on_the_device_replaces_the_one_it_came_from_keeping_its_type()
    {
        var baseline = PimDocument.Write(ItemFilter.ForDevice(PimDocument.Parse(Five), Sim));
        var device = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Five Numbers\r\nTEL:+15550199\r\nEND:VCARD\r\n";
        var merged = PimDocument.Parse(ItemMerger.Merge(baseline, Five, device, Sim).Content);
        var tels = merged.FindAll("TEL").ToList();
        Assert.Equal(5, tels.Count);
        var changed = Assert.Single(tels, t => t.Value == "+15550199");
        Assert.True(changed.HasType("WORK") && changed.HasType("PREF"));
        Assert.DoesNotContain(tels, t => t.Value == "+44 20 7000 0002");
    }

    [Fact]
    public void A_number_deleted_on_the_device_goes_and_one_added_is_added()
    {
        var one = Card("FN:A", "TEL;TYPE=CELL:+1 555 0100", "NOTE:n");
        var baseline = PimDocument.Write(ItemFilter.ForDevice(PimDocument.Parse(one), Sim));
        var deleted = ItemMerger.Merge(baseline, one, "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:A\r\nEND:VCARD\r\n", Sim).Content;
        Assert.Empty(Tels(deleted));
        Assert.NotNull(PimDocument.Parse(deleted).Find("NOTE"));

        var none = Card("FN:B", "NOTE:n");
        var added = ItemMerger.Merge(PimDocument.Write(ItemFilter.ForDevice(PimDocument.Parse(none), Sim)), none,
            "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:B\r\nTEL:+15550100\r\nEND:VCARD\r\n", Sim).Content;
        Assert.Equal(["+15550100"], Tels(added));
    }

    [Fact]
    public void A_number_the_server_changed_too_keeps_the_servers()
    {
        var baseline = PimDocument.Write(ItemFilter.ForDevice(PimDocument.Parse(Card("FN:A", "TEL:+1 555 0100")), Sim));
        var server = Card("FN:A", "TEL:+1 555 0200");
        var merged = ItemMerger.Merge(baseline, server, "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:A\r\nTEL:+15550300\r\nEND:VCARD\r\n", Sim).Content;
        Assert.Contains("+1 555 0200", Tels(merged));
    }

    [Fact]
    public void MaxOccur_is_read_from_a_devinf_12_ctcap()
    {
        const string devInf = "<DevInf xmlns='syncml:devinf'><VerDTD>1.2</VerDTD><DataStore><SourceRef>./contacts</SourceRef>"
            + "<Rx-Pref><CTType>text/x-vcard</CTType><VerCT>2.1</VerCT></Rx-Pref><Tx-Pref><CTType>text/x-vcard</CTType><VerCT>2.1</VerCT></Tx-Pref>"
            + "<CTCap><CTType>text/x-vcard</CTType><VerCT>2.1</VerCT><Property><PropName>FN</PropName><MaxSize>18</MaxSize></Property>"
            + "<Property><PropName>TEL</PropName><MaxOccur>1</MaxOccur></Property></CTCap><SyncCap><SyncType>1</SyncType></SyncCap></DataStore></DevInf>";
        var caps = DeviceCapabilities.FromDevInf(devInf, "./contacts")!;
        Assert.Equal(1, caps.MaxOccur("TEL"));
        Assert.Null(caps.MaxOccur("FN"));
        Assert.Equal(18, caps.MaxSize("FN"));
    }
}
