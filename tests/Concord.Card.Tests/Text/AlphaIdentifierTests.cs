using Concord.Card.Text;
using static Concord.Card.Tests.CardTestSupport;

namespace Concord.Card.Tests.Text;

public class AlphaIdentifierTests
{
    [Theory]
    [InlineData("4A 6F 68 6E FF FF FF FF", "John")]
    [InlineData("00 01 02 1B 65 FF", "@£$€")]                              // escape to the extension table
    [InlineData("4D 7E 6C 6C 65 72", "Müller")]                           // no padding: the record is full
    [InlineData("80 00 41 00 E9 FF FF FF FF", "Aé")]                      // UCS2
    [InlineData("80 04 18 04 32 04 30 04 3D", "Иван")]
    [InlineData("81 04 13 53 95 A6 A6 FF FF", "S\u0995\u09A6\u09A6")]     // after TS 102 221 Annex A
    [InlineData("82 05 05 30 2D 82 D3 2D 31 FF", "-\u0532\u0583-1")]      // after TS 102 221 Annex A
    [InlineData("FF FF FF FF", "")]
    public void Alpha_identifiers_decode_in_all_four_forms(string hex, string expected)
    {
        Assert.Equal(expected, AlphaIdentifier.Decode(Hex(hex)));
        var (padded, start) = Padded(Hex(hex));
        Assert.Equal(expected, AlphaIdentifier.Decode(padded.AsSpan(start, Hex(hex).Length)));
    }

    [Theory]
    [InlineData("John", 8, "4A6F686EFFFFFFFF", AlphaFormat.Gsm)]
    [InlineData("Müller", 8, "4D7E6C6C6572FFFF", AlphaFormat.Gsm)]
    [InlineData("[x]", 8, "1B3C781B3EFFFFFF", AlphaFormat.Gsm)]             // extension characters escaped
    [InlineData("Zoë", 8, "8103015A6FEBFFFF", AlphaFormat.Ucs2Base81)]      // ë is U+00EB, block 0080
    [InlineData("Иван", 8, "81040898B2B0BDFF", AlphaFormat.Ucs2Base81)]
    [InlineData("Ελένη", 9, "81050795BBADBDB7FF", AlphaFormat.Ucs2Base81)]
    [InlineData("ſƀab", 9, "8204017F80816162FF", AlphaFormat.Ucs2Base82)]    // U+017F and U+0180 straddle a block
    [InlineData("王", 8, "80738BFFFFFFFFFF", AlphaFormat.Ucs2)]              // one character: 0x80 is shortest
    [InlineData("山田", 8, "805C717530FFFFFF", AlphaFormat.Ucs2)]
    public void Names_are_written_in_the_most_compact_form_that_fits(
        string name, int capacity, string hex, AlphaFormat format)
    {
        var alpha = new byte[capacity];
        Assert.True(AlphaIdentifier.TryEncode(name, alpha, out var used));
        Assert.Equal(hex, ToHex(alpha));
        Assert.Equal(format, used);
        Assert.Equal(name, AlphaIdentifier.Decode(alpha));
    }

    [Fact]
    public void A_name_outside_gsm_takes_the_windowed_form_where_plain_ucs2_would_not_fit()
    {
        var alpha = new byte[8];
        Assert.True(AlphaIdentifier.TryEncode("Chloë", alpha, out var format));  // 0x80 would need 11 bytes
        Assert.Equal(AlphaFormat.Ucs2Base81, format);
        Assert.Equal("Chloë", AlphaIdentifier.Decode(alpha));
        Assert.False(AlphaIdentifier.TryEncode("Chloëe", alpha, out _));  // 9 bytes in its best form
        Assert.Equal("Chloë", AlphaIdentifier.Decode(alpha));              // and nothing was written
    }

    [Fact]
    public void A_name_too_long_for_the_record_is_refused_without_writing()
    {
        var alpha = Hex("0102030405");
        Assert.False(AlphaIdentifier.TryEncode("Maximilian", alpha, out _));
        Assert.Equal("0102030405", ToHex(alpha));
        var e = Assert.Throws<ArgumentException>(() => AlphaIdentifier.Encode("Maximilian", 5));
        Assert.Contains("needs 10 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_gsm_character_round_trips()
    {
        for (var code = 0; code < 0x80; code++)
        {
            if (code == 0x1B) continue;
            var c = GsmAlphabet.BasicChar((byte)code);
            Assert.Equal(c.ToString(), AlphaIdentifier.Decode(AlphaIdentifier.Encode(c.ToString(), 2)));
        }
    }
}
