using Concord.Pim.Converters;
using Concord.Pim.Documents;
using Concord.Pim.Tests.TestData;

namespace Concord.Pim.Tests.Converters;

public class VCardConverterTests
{
    public static TheoryData<string, int> Cards =>
        Corpus.ItemsOf("vcard21.vcf", "eds_contact.vcf", "carddav.vcf", "qt_contact.vcf", "yahoo_contact.vcf", "rfc6350.vcf", "vcard21-phones.vcf");

    public static TheoryData<PimFormat, PimFormat> Pairs => new()
    {
        { PimFormat.VCard21, PimFormat.VCard30 }, { PimFormat.VCard30, PimFormat.VCard21 }, { PimFormat.VCard30, PimFormat.VCard40 },
        { PimFormat.VCard40, PimFormat.VCard30 }, { PimFormat.VCard21, PimFormat.VCard40 }, { PimFormat.VCard40, PimFormat.VCard21 },
    };

    [Theory]
    [MemberData(nameof(Cards))]
    public void Every_card_says_the_same_in_every_vCard_version_and_back(string file, int index)
    {
        var original = PimDocument.Parse(Corpus.Items(file)[index]);
        var expected = Semantics.OfCard(original);
        foreach (var target in new[] { PimFormat.VCard21, PimFormat.VCard30, PimFormat.VCard40 })
        {
            var converted = Reparse(VCardConverter.Convert(original, target));
            Assert.Equal(target, converted.Format);
            Assert.Equal(expected, Semantics.OfCard(converted));
            var back = Reparse(VCardConverter.Convert(converted, original.Format));
            Assert.Equal(expected, Semantics.OfCard(back));
        }
    }

    [Fact]
    public void Bare_vCard_2_1_parameters_become_one_TYPE_list_in_3_0()
    {
        var card = PimDocument.Parse("BEGIN:VCARD\r\nVERSION:2.1\r\nTEL;HOME;VOICE:123\r\nEND:VCARD\r\n");
        Assert.Contains("TEL;TYPE=HOME,VOICE:123\r\n", PimDocument.Write(VCardConverter.Convert(card, PimFormat.VCard30)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_3_0_note_with_line_breaks_and_umlauts_becomes_quoted_printable_UTF_8_in_2_1()
    {
        var card = PimDocument.Parse("BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:Gr\u00fc\u00dfe\\nzwei\\, drei\\; vier\r\nEND:VCARD\r\n");
        var text = PimDocument.Write(VCardConverter.Convert(card, PimFormat.VCard21));
        // RFC 2045 §6.7: soft line break before column 76.
        Assert.Contains("NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Gr=C3=BC=C3=9Fe=0D=0Azwei, dre=\r\ni\\; vier\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_3_0_photo_becomes_a_data_URI_in_4_0_and_PREF_its_own_parameter()
    {
        var card = PimDocument.Parse("BEGIN:VCARD\r\nVERSION:3.0\r\nPHOTO;ENCODING=b;TYPE=JPEG:AAAA\r\nEMAIL;TYPE=INTERNET,PREF:a@b\r\nEND:VCARD\r\n");
        var text = PimDocument.Write(VCardConverter.Convert(card, PimFormat.VCard40));
        Assert.Contains("PHOTO:data:image/jpeg;base64,AAAA\r\n", text, StringComparison.Ordinal);
        Assert.Contains("EMAIL;PREF=1;TYPE=INTERNET:a@b\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_3_0_label_becomes_the_LABEL_parameter_of_the_address_of_the_same_type_in_4_0()
    {
        var card = PimDocument.Parse("BEGIN:VCARD\r\nVERSION:3.0\r\nADR;TYPE=HOME:;;1 Main St;Town;;;\r\nLABEL;TYPE=HOME:1 Main St\\nTown\r\nEND:VCARD\r\n");
        var text = PimDocument.Write(VCardConverter.Convert(card, PimFormat.VCard40));
        Assert.Contains("ADR;TYPE=HOME;LABEL=\"1 Main St^nTown\":;;1 Main St;Town;;;\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\nLABEL", text, StringComparison.Ordinal);
    }

    private static PimComponent Reparse(PimComponent c) => PimDocument.Parse(PimDocument.Write(c));
}
