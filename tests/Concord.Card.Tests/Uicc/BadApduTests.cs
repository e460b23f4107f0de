using Concord.Card.Uicc;
using static Concord.Card.Tests.CardTestSupport;

namespace Concord.Card.Tests.Uicc;

public class BadApduTests
{
    private static UiccCard Arrange(string state)
    {
        var (card, _) = NewCard();
        switch (state)
        {
            case "adn":
                card.Unlocked().Send("00 A4 08 0C 04 7F10 6F3A");
                card.Send($"00 DC 02 04 1C 41{new string('F', 54)}");
                card.Send("00 B2 02 04 1C");
                break;
            case "locked-adn":
                card.Send("00 A4 08 0C 04 7F10 6F3A");
                break;
            case "iccid":
                card.Send("00 A4 00 0C 02 2FE2");
                break;
            case "unlocked":
                card.Unlocked();
                break;
            case "disabled":
                card.Unlocked().Send("00 26 00 01 08 30303030FFFFFFFF");
                break;
        }
        return card;
    }

    [Theory]
    // Lengths that do not add up, or that the command does not take.
    [InlineData("none", "00 A4", "6700")]
    [InlineData("none", "00 A4 00 04 00 00 02", "6700")]                // extended length
    [InlineData("none", "00 A4 00 04 03 3F00 00", "6700")]              // Lc 3 with 2 data bytes and Le
    [InlineData("none", "00 A4 00 04 03 3F0000", "6700")]               // SELECT by FID with 3 bytes
    [InlineData("none", "00 A4 08 04 03 7F106F", "6700")]               // odd path
    [InlineData("adn", "00 DC 01 04 1B " + Rec27, "6700")]              // one byte short of a record
    [InlineData("adn", "00 B2 01 04", "6700")]                          // READ RECORD without Le
    [InlineData("adn", "00 B2 01 04 01 00 1C", "6700")]                 // READ RECORD with data
    [InlineData("unlocked", "00 20 00 01 04 31323334", "6700")]         // VERIFY with 4 bytes
    [InlineData("unlocked", "00 24 00 01 08 3030303031313131", "6700")] // CHANGE with one PIN
    [InlineData("none", "00 C0 00 00 01 00 00", "6700")]                // GET RESPONSE with data
    // Classes and instructions.
    [InlineData("none", "A0 A4 00 00 02 3F00", "6E00")]                 // GSM class
    [InlineData("none", "80 A4 00 04 02 3F00", "6E00")]                 // SELECT in the proprietary class
    [InlineData("none", "00 F2 00 00 00", "6E00")]                      // STATUS in the ISO class
    [InlineData("none", "00 50 00 00 03 6F3A41", "6E00")]               // NewSync in the ISO class
    [InlineData("none", "FF A4 00 04 02 3F00", "6E00")]
    [InlineData("none", "01 A4 00 04 02 3F00", "6881")]                 // logical channel 1
    [InlineData("none", "45 A4 00 04 02 3F00", "6881")]                 // further channel
    [InlineData("none", "0C A4 00 04 02 3F00", "6882")]                 // secure messaging
    [InlineData("none", "10 A4 00 04 02 3F00", "6884")]                 // chaining
    [InlineData("none", "00 B1 00 00 00", "6D00")]
    [InlineData("none", "00 0E 00 00", "6D00")]
    [InlineData("none", "80 60 00 00", "6D00")]
    // Parameters.
    [InlineData("none", "00 A4 00 00 02 3F00", "6B00")]                 // P2 00: neither FCP nor none
    [InlineData("none", "00 A4 02 04 02 3F00", "6B00")]
    [InlineData("adn", "00 B2 01 05 1C", "6B00")]                       // mode 5
    [InlineData("adn", "00 B2 FF 04 1C", "6B00")]
    [InlineData("iccid", "00 B0 00 0A 01", "6B00")]                     // offset past the end
    [InlineData("iccid", "00 B0 E2 00 01", "6B00")]                     // SFI byte with RFU bits
    [InlineData("none", "00 C0 01 00 00", "6B00")]
    [InlineData("none", "80 F2 03 00 00", "6B00")]
    [InlineData("unlocked", "00 20 01 01 08 30303030FFFFFFFF", "6B00")]
    [InlineData("unlocked", "80 50 02 00 03 6F3A41 00", "6B00")]
    // Files and records.
    [InlineData("none", "00 A4 00 04 02 6F3A 00", "6A82")]              // ADN is not under the MF
    [InlineData("none", "00 A4 08 04 04 7F20 6F3A 00", "6A82")]
    [InlineData("none", "00 A4 04 04 07 A0000000871002 00", "6A82")]    // no applications
    [InlineData("none", "00 B2 01 0C 1C", "6A82")]                      // SFI 1: none here
    [InlineData("unlocked", "80 50 00 00 04 6F3B4142 00", "6A82")]     // NewSync for a file not synchronized
    [InlineData("adn", "00 B2 15 04 1C", "6A83")]                       // record 21 of 20
    [InlineData("adn", "00 DC 15 04 1C " + Rec28, "6A83")]
    [InlineData("none", "00 B2 01 04 1C", "6986")]                      // no current EF
    [InlineData("none", "00 D6 00 00 01 00", "6986")]
    [InlineData("iccid", "00 B2 01 04 0A", "6981")]                     // records of a transparent EF
    [InlineData("adn", "00 B0 00 00 0A", "6981")]
    // Security.
    [InlineData("locked-adn", "00 B2 01 04 1C", "6982")]
    [InlineData("locked-adn", "00 DC 01 04 1C " + Rec28, "6982")]
    [InlineData("iccid", "00 D6 00 00 01 00", "6982")]                  // EF_ICCID: update NEVER
    [InlineData("none", "80 50 00 00 03 6F3A41 00", "6982")]
    [InlineData("none", "00 20 00 02 08 30303030FFFFFFFF", "6A88")]    // no such key reference
    [InlineData("unlocked", "00 28 00 01 08 30303030FFFFFFFF", "6985")] // enabling an enabled PIN
    [InlineData("unlocked", "00 24 00 01 10 30303030FFFFFFFF 3132FFFFFFFFFFFF", "6A80")]  // new PIN too short
    [InlineData("disabled", "00 20 00 01 08 30303030FFFFFFFF", "6984")] // PIN1 is disabled
    // Sync commands out of turn.
    [InlineData("unlocked", "80 52 00 00 00", "6985")]                  // GetChanges without NewSync
    [InlineData("unlocked", "80 54 00 00 08 0102030405060708", "6985")] // StoreSync without NewSync
    [InlineData("unlocked", "80 56 00 00 03 6F3A41", "6A88")]           // ForgetSync of an unknown peer
    [InlineData("unlocked", "80 50 00 00 02 6F3A 00", "6700")]          // no peer id
    [InlineData("unlocked", "80 54 00 00 04 01020304", "6700")]
    public void A_bad_apdu_gets_its_status_word_and_changes_nothing(string state, string apdu, string sw)
    {
        var card = Arrange(state);
        var status = card.Send("80 F2 00 00 00");
        var data = card.Memory.Committed.ToArray();

        Assert.Equal(sw, card.Send(apdu));

        Assert.Equal(data, card.Memory.Committed.ToArray());
        Assert.Equal(data, card.Memory.Data.ToArray());
        Assert.Equal(status, card.Send("80 F2 00 00 00"));
    }

    private const string Rec27 = "41FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
    private const string Rec28 = Rec27 + "FF";
}
