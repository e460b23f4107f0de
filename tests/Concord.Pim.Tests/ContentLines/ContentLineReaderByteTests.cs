using System.Text;
using Concord.Pim.ContentLines;
using Concord.Pim.Documents;

namespace Concord.Pim.Tests.ContentLines;

public class ContentLineReaderByteTests
{
    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    [Theory]
    [InlineData("4E 3B 43 48 41 52 53 45 54 3D 49 53 4F 2D 38 38 35 39 2D 31 3A 4D FC 6C 6C 65 72", "M\u00fcller")] // N;CHARSET=ISO-8859-1:Müller, raw Latin-1
    [InlineData("4E 3B 43 48 41 52 53 45 54 3D 57 49 4E 44 4F 57 53 2D 31 32 35 32 3A 80 20 35", "\u20ac 5")] // CHARSET=WINDOWS-1252: € 5
    [InlineData("4E 3A 4D C3 BC 6C 6C 65 72", "M\u00fcller")] // no CHARSET, UTF-8
    [InlineData("4E 3A 4D FC 6C 6C 65 72", "M\u00fcller")] // no CHARSET, not UTF-8: read as Windows-1252
    public void Raw_8_bit_values_are_decoded_with_their_charset(string hex, string expected)
    {
        var item = Encoding.ASCII.GetBytes("BEGIN:VCARD\r\nVERSION:2.1\r\n").Concat(Hex(hex)).Concat(Encoding.ASCII.GetBytes("\r\nEND:VCARD\r\n")).ToArray();
        Assert.Equal(expected, PimDocument.Parse(item).Find("N")!.Value);
    }

    [Theory]
    [InlineData("TEL;HOME;VOICE:123", "HOME,VOICE")]
    [InlineData("TEL;TYPE=HOME;TYPE=VOICE:123", "HOME,VOICE")]
    [InlineData("TEL;TYPE=\"work,voice\";PREF=1:123", "work,voice")]
    [InlineData("TEL;HOME;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:123", "HOME")]
    public void Bare_and_named_TYPE_parameters_read_as_the_same_types(string line, string types)
    {
        var p = PimDocument.Parse("BEGIN:VCARD\r\nVERSION:2.1\r\n" + line + "\r\nEND:VCARD\r\n").Find("TEL")!;
        Assert.Equal(types, string.Join(",", p.Types));
    }

    [Fact]
    public void Unknown_parameters_and_X_properties_are_written_back_byte_for_byte()
    {
        const string line = "X-TEST;PARAMETER1=nonquoted;PARAMETER2=\"quoted because of spaces\";BARE:Content with\\nMultiple\\, lines";
        var text = PimDocument.Write(PimDocument.Parse("BEGIN:VCARD\r\nVERSION:3.0\r\n" + line + "\r\nEND:VCARD\r\n"));
        Assert.Contains(line + "\r\n", text.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_vCard_2_1_continuation_keeps_its_white_space_and_a_3_0_one_drops_one_character()
    {
        Assert.Equal("a b", PimDocument.Parse("BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE:a\r\n b\r\nEND:VCARD\r\n").Find("NOTE")!.Value);
        Assert.Equal("ab", PimDocument.Parse("BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:a\r\n b\r\nEND:VCARD\r\n").Find("NOTE")!.Value);
    }

    [Fact]
    public void Lines_are_folded_at_75_octets_without_splitting_a_character()
    {
        var value = new string('\u00e4', 100);
        var text = PimDocument.Write(PimDocument.Parse("BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:" + value + "\r\nEND:VCARD\r\n"));
        foreach (var line in text.Split("\r\n")) Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line);
        Assert.Equal(value, PimDocument.Parse(text).Find("NOTE")!.Value);
    }

    [Fact]
    public void A_quoted_printable_line_over_76_characters_gets_soft_line_breaks_that_read_back_the_same()
    {
        var value = string.Concat(Enumerable.Repeat("Gr\u00fc\u00dfe, ", 20));
        var card = PimDocument.Parse("BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:x\r\nEND:VCARD\r\n");
        card.Find("NOTE")!.Value = value;
        var text = PimDocument.Write(card);
        foreach (var line in text.Split("\r\n")) Assert.True(line.Length <= 76, line);
        Assert.Equal(value, PimDocument.Parse(text).Find("NOTE")!.Value);
    }
}
