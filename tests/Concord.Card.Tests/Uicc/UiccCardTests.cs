using Concord.Card.Apdu;
using Concord.Card.Uicc;
using static Concord.Card.Tests.CardTestSupport;

namespace Concord.Card.Tests.Uicc;

public class UiccCardTests
{
    private const string AdnFcp = "621982054221001C1483026F3A8A01058C0303010180020230" + "8800";

    [Fact]
    public void The_atr_is_t0_with_a_correct_check_byte()
    {
        var atr = CardAtr.Bytes.Span;
        Assert.Equal(0x3B, atr[0]);
        Assert.Equal(0x80, atr[2] & 0x8F);  // TD1: T=0
        byte xor = 0;
        foreach (var b in atr[1..]) xor ^= b;
        Assert.Equal(0, xor);
        Assert.Equal(5 + (atr[1] & 0x0F) + 1, atr.Length);
        Assert.StartsWith("3B8F801FC7803" + "1E073FE210057436F6E636F7264", ToHex(atr), StringComparison.Ordinal);
    }

    [Fact]
    public void Any_other_command_drops_the_bytes_waiting_for_get_response()
    {
        var (card, _) = NewCard();
        Assert.Equal("611B", card.Send("00 A4 08 04 04 7F10 6F3A"));
        Assert.Equal("9000", card.Send("80 F2 00 0C"));
        Assert.Equal("6985", card.Send("00 C0 00 00 1B"));
    }

    [Theory]
    [InlineData("00 A4 00 04 02 7F10 00", "00 A4 00 04 02 6F3A 00")]       // by FID, one level at a time
    [InlineData("00 A4 08 04 04 7F10 6F3A 00", null)]                     // path from the MF
    [InlineData("00 A4 00 0C 02 7F10", "00 A4 09 04 02 6F3A 00")]           // path from the current DF
    public void Ef_adn_is_reached_by_id_and_by_path_and_answers_its_fcp(string first, string? second)
    {
        var (card, _) = NewCard();
        var answer = card.Send(first);
        if (second is not null) answer = card.Send(second);
        Assert.Equal(AdnFcp + " 9000", answer);
    }

    [Fact]
    public void The_mf_fcp_lists_the_pin_status_template()
    {
        var (card, _) = NewCard();
        var fcp = card.Send("00 A4 00 04 02 3F00 00");
        Assert.StartsWith("62", fcp, StringComparison.Ordinal);
        Assert.Contains("82027821", fcp, StringComparison.Ordinal);
        Assert.Contains("83023F00", fcp, StringComparison.Ordinal);
        Assert.Contains("C6099001C0830101830181", fcp, StringComparison.Ordinal);  // PIN1 and PIN2 enabled
        Assert.EndsWith("9000", fcp, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_le_the_fcp_waits_behind_61xx_for_get_response()
    {
        var (card, _) = NewCard();
        Assert.Equal("611B", card.Send("00 A4 08 04 04 7F10 6F3A"));     // T=0 case 3: no Le
        Assert.Equal("6C1B", card.Send("00 C0 00 00 20"));                // asks for too much: 6Cxx, still pending
        Assert.Equal(AdnFcp[..20] + " 6111", card.Send("00 C0 00 00 0A")); // part of it, the rest pending
        Assert.Equal(AdnFcp[20..] + " 9000", card.Send("00 C0 00 00 11"));
        Assert.Equal("6985", card.Send("00 C0 00 00 00"));                // nothing left
    }

    [Fact]
    public void A_read_record_with_the_wrong_le_gets_6cxx_and_then_the_record()
    {
        var (card, _) = NewCard();
        card.Unlocked();
        card.Send("00 A4 08 0C 04 7F10 6F3A");
        Assert.Equal("6C1C", card.Send("00 B2 01 04 10"));
        Assert.Equal(new string('F', 56) + " 9000", card.Send("00 B2 01 04 1C"));
        Assert.Equal(new string('F', 56) + " 9000", card.Send("00 B2 01 04 00"));  // Le 00: up to 256
    }

    [Fact]
    public void Next_and_previous_walk_the_records_without_wrapping()
    {
        var (card, _) = NewCard();
        card.Unlocked().Send("00 A4 08 0C 04 7F10 6F3A");
        for (var n = 1; n <= 20; n++)
            Assert.Equal("9000", card.Sw($"00 DC {n:X2} 04 1C {n:X2}{new string('F', 54)}"));

        Assert.StartsWith("03", card.Send("00 B2 03 04 1C"), StringComparison.Ordinal);  // absolute: no pointer
        Assert.StartsWith("01", card.Send("00 B2 00 02 1C"), StringComparison.Ordinal);  // next from none: first
        Assert.StartsWith("02", card.Send("00 B2 00 02 1C"), StringComparison.Ordinal);
        Assert.StartsWith("02", card.Send("00 B2 00 04 1C"), StringComparison.Ordinal);  // P1 00: current
        Assert.StartsWith("01", card.Send("00 B2 00 03 1C"), StringComparison.Ordinal);
        Assert.Equal("6A83", card.Sw("00 B2 00 03 1C"));                                   // before the first
        Assert.StartsWith("01", card.Send("00 B2 00 04 1C"), StringComparison.Ordinal);  // pointer stayed

        card.Send("00 A4 00 0C 02 6F3A");                                                   // reselect: no pointer
        Assert.StartsWith("14", card.Send("00 B2 00 03 1C"), StringComparison.Ordinal);  // previous from none: last
        Assert.Equal("6A83", card.Sw("00 B2 00 02 1C"));                                   // past the last
    }

    [Fact]
    public void Update_record_next_writes_the_record_after_the_pointer()
    {
        var (card, _) = NewCard();
        card.Unlocked().Send("00 A4 08 0C 04 7F10 6F3A");
        card.Send("00 B2 05 04 1C");
        card.Send("00 B2 00 02 1C");  // pointer at 1
        Assert.Equal("9000", card.Sw($"00 DC 00 02 1C AA{new string('F', 54)}"));
        Assert.StartsWith("AA", card.Send("00 B2 02 04 1C"), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_binary_reads_the_iccid_by_sfi_and_stops_at_the_end_of_file()
    {
        var (card, _) = NewCard();
        Assert.Equal("988812010000000000F0 9000", card.Send("00 B0 82 00 0A"));   // SFI 02 = EF_ICCID
        Assert.Equal("12010000 9000", card.Send("00 B0 00 02 04"));              // now the current EF
        Assert.Equal("00F0 6282", card.Send("00 B0 00 08 05"));                  // 2 left of 5 asked
        Assert.Equal("00F0 9000", card.Send("00 B0 00 08 00"));                  // Le 00: what there is
        Assert.Equal("6B00", card.Send("00 B0 00 0A 01"));                       // offset past the end
    }

    [Fact]
    public void Update_binary_writes_ef_pl_once_pin1_is_verified()
    {
        var (card, _) = NewCard();
        card.Send("00 A4 00 0C 02 2F05");
        Assert.Equal("6982", card.Send("00 D6 00 00 02 6465"));
        card.Unlocked();
        Assert.Equal("9000", card.Send("00 D6 00 02 02 6465"));
        Assert.Equal("656E6465FFFFFFFFFFFF 9000", card.Send("00 B0 00 00 0A"));
        Assert.Equal("6700", card.Send("00 D6 00 09 02 6465"));  // one byte past the end
    }

    [Fact]
    public void Status_answers_the_fcp_of_the_current_directory()
    {
        var (card, _) = NewCard();
        card.Send("00 A4 08 0C 04 7F10 6F3A");
        var status = card.Send("80 F2 00 00 00");
        Assert.Contains("83027F10", status, StringComparison.Ordinal);
        Assert.Equal("9000", card.Send("80 F2 00 0C"));
    }

    [Fact]
    public void A_reset_forgets_the_selection_and_the_verified_pin()
    {
        var (card, _) = NewCard();
        card.Unlocked().Send("00 A4 08 0C 04 7F10 6F3A");
        Assert.Equal("9000", card.Sw("00 B2 01 04 1C"));
        card.Reset();
        Assert.Equal("6986", card.Sw("00 B2 01 04 1C"));
        card.Send("00 A4 08 0C 04 7F10 6F3A");
        Assert.Equal("6982", card.Sw("00 B2 01 04 1C"));
    }

    [Fact]
    public void The_terminal_follows_61xx_and_6cxx_by_itself()
    {
        var (card, _) = NewCard();
        var terminal = card.Terminal();
        Assert.Equal(StatusWord.Success, terminal.VerifyPin("0000"));
        Assert.Equal(AdnFcp, ToHex(terminal.SelectAdn()));
        var response = terminal.Send(new CommandApdu(0x00, 0xB2, 0x01, 0x04, default, 0x10));
        Assert.Equal(28, response.Data.Length);
        Assert.Equal(StatusWord.Success, response.StatusWord);
    }
}
