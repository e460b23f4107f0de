using Concord.Pim.Matching;

namespace Concord.Pim.Tests.Matching;

public class MatchKeysTests
{
    private static string Card(string n, string? tel = null, string? email = null) =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{n}\r\n" + (tel is null ? "" : $"TEL:{tel}\r\n") + (email is null ? "" : $"EMAIL:{email}\r\n") + "END:VCARD\r\n";

    [Fact]
    public void The_same_person_with_a_phone_written_differently_matches() =>
        Assert.True(MatchKeys.For(Card("Lee;Ann;;;", "+44 1234 567890")).Matches(MatchKeys.For(Card("Lee;Ann", "01234-567890"))));

    [Fact]
    public void The_same_name_without_a_shared_phone_or_email_does_not_match() =>
        Assert.False(MatchKeys.For(Card("Lee;Ann;;;", "111")).Matches(MatchKeys.For(Card("Lee;Ann;;;", "222"))));

    [Fact]
    public void A_shared_email_in_another_case_matches() =>
        Assert.True(MatchKeys.For(Card("Lee;Ann", email: "Ann@Example.org")).Matches(MatchKeys.For(Card("Lee;Ann", email: "ann@example.org"))));

    [Fact]
    public void A_vCard_2_1_name_in_quoted_printable_matches_the_3_0_one() =>
        Assert.True(MatchKeys.For("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen\r\nEND:VCARD\r\n")
            .Matches(MatchKeys.For(Card("Müller;Jürgen;;;"))));

    [Fact]
    public void Events_match_by_UID_or_else_by_summary_and_start()
    {
        const string a = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x1\r\nSUMMARY:Meet\r\nDTSTART:20260101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        const string b = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:meet\r\nDTSTART:20260101T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        const string c = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x1\r\nSUMMARY:Renamed\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        Assert.True(MatchKeys.For(a).Matches(MatchKeys.For(b)));
        Assert.True(MatchKeys.For(a).Matches(MatchKeys.For(c)));
        Assert.False(MatchKeys.For(b).Matches(MatchKeys.For(c)));
    }

    [Fact]
    public void A_detached_exception_sent_as_its_own_item_does_not_match_its_master()
    {
        const string master = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:w1\r\nSUMMARY:Weekly\r\nDTSTART:20260302T090000Z\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        const string moved = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:w1\r\nRECURRENCE-ID:20260323T090000Z\r\nSUMMARY:Weekly\r\nDTSTART:20260323T130000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        const string movedAgain = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:w1\r\nRECURRENCE-ID:20260323T090000Z\r\nSUMMARY:Weekly, later\r\nDTSTART:20260323T150000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        Assert.False(MatchKeys.For(master).Matches(MatchKeys.For(moved)));
        Assert.True(MatchKeys.For(moved).Matches(MatchKeys.For(movedAgain)));
        // Master and exception in one item: the item is its master.
        var both = master.Replace("END:VCALENDAR\r\n", moved["BEGIN:VCALENDAR\r\n".Length..], StringComparison.Ordinal);
        Assert.True(MatchKeys.For(both).Matches(MatchKeys.For(master)));
    }
}
