using Concord.Card.Uicc;
using static Concord.Card.Tests.CardTestSupport;

namespace Concord.Card.Tests.Uicc;

public class PinTests
{
    private const string Pin0000 = "30303030FFFFFFFF";
    private const string Pin1234 = "31323334FFFFFFFF";
    private const string Puk = "3132333435363738";

    [Fact]
    public void Three_wrong_pins_block_pin1_and_the_counter_survives_a_reboot()
    {
        var (card, eeprom) = NewCard();
        Assert.Equal("63C3", card.Send("00 20 00 01"));                     // empty VERIFY: tries left
        Assert.Equal("63C2", card.Send($"00 20 00 01 08 {Pin1234}"));
        Assert.Equal("63C1", card.Send($"00 20 00 01 08 {Pin1234}"));

        card = UiccCard.Boot(eeprom);                                        // pulling the card saves no try
        Assert.Equal("63C1", card.Send("00 20 00 01"));
        Assert.Equal("63C0", card.Send($"00 20 00 01 08 {Pin1234}"));
        Assert.Equal("6983", card.Send($"00 20 00 01 08 {Pin0000}"));       // blocked, even with the right one
        Assert.Equal("6983", card.Send("00 20 00 01"));
        card.Send("00 A4 08 0C 04 7F10 6F3A");
        Assert.Equal("6982", card.Send("00 B2 01 04 1C"));
    }

    [Fact]
    public void A_right_pin_resets_the_counter()
    {
        var (card, _) = NewCard();
        card.Send($"00 20 00 01 08 {Pin1234}");
        Assert.Equal("9000", card.Send($"00 20 00 01 08 {Pin0000}"));
        Assert.Equal("9000", card.Send("00 20 00 01"));                      // verified
        card.Reset();
        Assert.Equal("63C3", card.Send("00 20 00 01"));
    }

    [Fact]
    public void Unblock_pin_sets_a_new_pin_and_wrong_puks_count_down_from_ten()
    {
        var (card, _) = NewCard();
        for (var i = 0; i < 3; i++) card.Send($"00 20 00 01 08 {Pin1234}");
        Assert.Equal("63CA", card.Send("00 2C 00 01"));
        Assert.Equal("63C9", card.Send($"00 2C 00 01 10 3838383838383838 {Pin1234}"));
        Assert.Equal("9000", card.Send($"00 2C 00 01 10 {Puk} {Pin1234}"));
        Assert.Equal("63CA", card.Send("00 2C 00 01"));
        Assert.Equal("9000", card.Send("00 20 00 01"));                      // verified by the unblock
        card.Reset();
        Assert.Equal("9000", card.Send($"00 20 00 01 08 {Pin1234}"));
    }

    [Fact]
    public void Ten_wrong_puks_block_the_puk_for_good()
    {
        var (card, _) = NewCard();
        for (var i = 9; i >= 0; i--)
            Assert.Equal($"63C{i:X}", card.Send($"00 2C 00 01 10 3838383838383838 {Pin1234}"));
        Assert.Equal("6983", card.Send($"00 2C 00 01 10 {Puk} {Pin1234}"));
    }

    [Fact]
    public void Change_pin_needs_the_old_one()
    {
        var (card, _) = NewCard();
        Assert.Equal("63C2", card.Send($"00 24 00 01 10 {Pin1234} {Pin1234}"));
        Assert.Equal("9000", card.Send($"00 24 00 01 10 {Pin0000} {Pin1234}"));
        card.Reset();
        Assert.Equal("63C2", card.Send($"00 20 00 01 08 {Pin0000}"));
        Assert.Equal("9000", card.Send($"00 20 00 01 08 {Pin1234}"));
    }

    [Fact]
    public void A_disabled_pin1_opens_the_phonebook_until_it_is_enabled_again()
    {
        var (card, _) = NewCard();
        Assert.Equal("9000", card.Send($"00 26 00 01 08 {Pin0000}"));
        Assert.Equal("6985", card.Send($"00 26 00 01 08 {Pin0000}"));      // already disabled
        card.Reset();
        card.Send("00 A4 08 0C 04 7F10 6F3A");
        Assert.Equal("9000", card.Sw("00 B2 01 04 1C"));
        Assert.Contains("C609900140", card.Send("00 A4 00 04 02 3F00 00"), StringComparison.Ordinal);  // PS_DO: PIN1 off

        Assert.Equal("9000", card.Send($"00 28 00 01 08 {Pin0000}"));
        card.Reset();
        card.Send("00 A4 08 0C 04 7F10 6F3A");
        Assert.Equal("6982", card.Sw("00 B2 01 04 1C"));
    }
}
