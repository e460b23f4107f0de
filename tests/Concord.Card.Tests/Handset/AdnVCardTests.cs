using Concord.Card.Handset;
using Concord.Card.Phonebook;
using Concord.Pim.Models;

namespace Concord.Card.Tests.Handset;

/// <summary>The rule for what an EF_ADN entry keeps of a contact, and the vCard an entry reads as.</summary>
public class AdnVCardTests
{
    private static string Card(params string[] lines) => "BEGIN:VCARD\r\nVERSION:3.0\r\n" + string.Concat(lines.Select(l => l + "\r\n")) + "END:VCARD\r\n";

    [Theory]
    [InlineData("Ada Lovelace", 18, "Ada Lovelace")]
    [InlineData("Maximiliane Alexandra Konstantinopoulou", 18, "Maximiliane Alexan")]
    [InlineData("Анна Мария Каренина", 18, "Анна Мария Каре")]      // Cyrillic in UCS2 0x81: 3 + 15 bytes
    [InlineData("Anna {braces} more", 18, "Anna {braces} mo")]      // { and } take two GSM bytes each
    [InlineData("张伟王芳李娜刘洋陈静", 18, "张伟王芳李娜刘洋")]         // UCS2 0x80: 8 characters
    public void A_name_is_cut_to_what_fits_the_alpha_identifier(string name, int alpha, string expected)
    {
        var fitted = AdnVCard.FitName(name, alpha);
        Assert.Equal(expected, fitted);
        Assert.True(Concord.Card.Text.AlphaIdentifier.MinimumLength(fitted) <= alpha);
    }

    [Fact]
    public void The_preferred_number_is_kept_with_only_what_can_be_dialled()
    {
        var entry = AdnVCard.FromVCard(Card("FN:Five", "TEL;TYPE=HOME:+44 20 7000 0001", "TEL;TYPE=WORK,PREF:+44 (20) 7000-0002 ext. 7",
            "EMAIL:five@example.org"), 18);
        Assert.Equal(new AdnRecord("Five", "+442070000002p7"), entry);
    }

    [Theory]
    [InlineData("+1 (555) 010-0199", "+15550100199")]
    [InlineData("tel:+1-555-0100", "+15550100")]
    [InlineData("555 0100 x12", "5550100p12")]
    [InlineData("555 0100 (home)", "5550100")]
    [InlineData("*31#0170 1234,5", "*31#01701234p5")]
    [InlineData("call me", "")]
    public void Numbers_keep_what_can_be_dialled(string number, string dialled) => Assert.Equal(dialled, AdnVCard.Dialled(number));

    [Fact]
    public void Without_a_preferred_number_the_first_is_kept_and_N_stands_in_for_a_missing_FN()
    {
        var entry = AdnVCard.FromVCard(Card("N:Hopper;Grace;;;", "TEL;TYPE=HOME:555 0101", "TEL;TYPE=CELL:555 0102"), 18);
        Assert.Equal(new AdnRecord("Grace Hopper", "5550101"), entry);
    }

    [Fact]
    public void An_entry_reads_as_a_vcard_21_with_N_FN_and_one_TEL()
    {
        var vcard = AdnVCard.ToVCard(new AdnRecord("Zoë", "+33612345678"));
        Assert.Contains("VERSION:2.1", vcard, StringComparison.Ordinal);
        var contact = Contact.Parse(vcard);
        Assert.Equal("Zoë", contact.FormattedName);
        Assert.Equal("Zoë", contact.FamilyName);
        Assert.Equal("+33612345678", Assert.Single(contact.All("TEL")).Value);
    }

    [Fact]
    public void Something_that_is_not_a_vcard_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => AdnVCard.FromVCard("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", 18));
        Assert.StartsWith("The item for the card is not a vCard", e.Message, StringComparison.Ordinal);
    }
}
