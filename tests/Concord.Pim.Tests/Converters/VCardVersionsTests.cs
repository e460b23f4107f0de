using Concord.Pim.Converters;
using Concord.Pim.Documents;

namespace Concord.Pim.Tests.Converters;

public class VCardVersionsTests
{
    private const string Card40 =
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:The Lees\r\nKIND:group\r\nMEMBER:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af\r\n" +
        "ANNIVERSARY:20090808\r\nGENDER:F;grand-mother\r\nLANG;PREF=1:fr\r\nEND:VCARD\r\n";

    [Theory]
    [InlineData(PimFormat.VCard30)]
    [InlineData(PimFormat.VCard21)]
    public void Properties_only_vCard_4_0_defines_travel_as_X_properties_and_come_back_by_name(PimFormat older)
    {
        var card = PimDocument.Parse(Card40);
        var text = PimDocument.Write(VCardConverter.Convert(card, older));
        foreach (var name in new[] { "KIND", "MEMBER", "ANNIVERSARY", "GENDER", "LANG" })
        {
            Assert.Contains("\r\nX-" + name, text, StringComparison.Ordinal);
            Assert.DoesNotContain("\r\n" + name, text, StringComparison.Ordinal);
        }
        var back = PimDocument.Write(VCardConverter.Convert(PimDocument.Parse(text), PimFormat.VCard40));
        Assert.Equal(Semantics.OfCard(card), Semantics.OfCard(PimDocument.Parse(back)));
        Assert.Contains("\r\nKIND:group\r\n", back, StringComparison.Ordinal);
        Assert.Contains("\r\nGENDER:F;grand-mother\r\n", back, StringComparison.Ordinal);
    }

    [Fact]
    public void A_free_text_X_GENDER_of_a_3_0_card_stays_an_X_property_in_4_0()
    {
        var card = PimDocument.Parse("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nX-GENDER:female\r\nX-ANNIVERSARY:2001-05-05\r\nEND:VCARD\r\n");
        var text = PimDocument.Write(VCardConverter.Convert(card, PimFormat.VCard40));
        Assert.Contains("\r\nX-GENDER:female\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nANNIVERSARY:2001-05-05\r\n", text, StringComparison.Ordinal);
    }
}
