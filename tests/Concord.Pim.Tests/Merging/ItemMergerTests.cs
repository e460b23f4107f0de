using Concord.Pim.Merging;

namespace Concord.Pim.Tests.Merging;

public class ItemMergerTests
{
    private static string Card(params string[] lines) => "BEGIN:VCARD\r\nVERSION:3.0\r\n" + string.Concat(lines.Select(l => l + "\r\n")) + "END:VCARD\r\n";

    [Fact]
    public void Changes_to_different_fields_are_both_kept()
    {
        var merged = ItemMerger.Merge(Card("FN:A", "TEL:1", "NOTE:n"), Card("FN:A", "TEL:2", "NOTE:n"), Card("FN:A", "TEL:1", "NOTE:m"));
        Assert.False(merged.HasClash);
        Assert.Contains("TEL:2", merged.Content, StringComparison.Ordinal);
        Assert.Contains("NOTE:m", merged.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comma_escaped_in_one_version_and_not_in_the_other_is_the_same_text()
    {
        // The server keeps what an iCalendar client sent unescaped; the base a vCalendar 1.0 device got, read back,
        // escapes it. Only the device changed the note, so its change is taken and nothing clashes.
        var merged = ItemMerger.Merge(Card("NOTE:Standup\\, moved", "TITLE:Room 1"), Card("NOTE:Standup, moved", "TITLE:Room 1"),
            Card("NOTE:Standup\\, moved to Friday", "TITLE:Room 1"));
        Assert.False(merged.HasClash, string.Join(",", merged.Clashes));
        Assert.Contains("moved to Friday", merged.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_deleted_on_the_client_is_deleted()
    {
        var merged = ItemMerger.Merge(Card("FN:A", "NOTE:n"), Card("FN:A", "NOTE:n"), Card("FN:A"));
        Assert.DoesNotContain("NOTE", merged.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_field_changed_both_ways_keeps_the_server_value_and_reports_the_clash()
    {
        var merged = ItemMerger.Merge(Card("NOTE:a"), Card("NOTE:server"), Card("NOTE:client"));
        Assert.True(merged.HasClash);
        Assert.Contains("NOTE:server", merged.Content, StringComparison.Ordinal);
        Assert.Equal(["NOTE"], merged.Clashes);
    }

    [Fact]
    public void Without_a_base_the_server_fields_win_and_client_only_fields_are_added()
    {
        var merged = ItemMerger.Merge(null, Card("FN:A", "TEL:1"), Card("FN:A", "TEL:9", "EMAIL:a@b"));
        Assert.Contains("TEL:1", merged.Content, StringComparison.Ordinal);
        Assert.Contains("EMAIL:a@b", merged.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("TEL:9", merged.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Phones_of_different_types_are_different_fields()
    {
        var merged = ItemMerger.Merge(Card("TEL;TYPE=HOME:1", "TEL;TYPE=WORK:2"), Card("TEL;TYPE=HOME:1", "TEL;TYPE=WORK:3"), Card("TEL;TYPE=HOME:4", "TEL;TYPE=WORK:2"));
        Assert.False(merged.HasClash);
        Assert.Contains("TEL;TYPE=HOME:4", merged.Content, StringComparison.Ordinal);
        Assert.Contains("TEL;TYPE=WORK:3", merged.Content, StringComparison.Ordinal);
    }
}
