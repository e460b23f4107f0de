using Concord.Card.Apdu;
using static Concord.Card.Tests.CardTestSupport;

namespace Concord.Card.Tests.Apdu;

public class CommandApduTests
{
    [Theory]
    [InlineData("00 A4 00 0C", ApduCase.NoData, 0, null)]
    [InlineData("00 B0 00 00 00", ApduCase.ResponseData, 0, 256)]
    [InlineData("00 B2 01 04 1C", ApduCase.ResponseData, 0, 28)]
    [InlineData("00 DC 01 04 03 AA BB CC", ApduCase.CommandData, 3, null)]
    [InlineData("00 A4 08 04 04 7F 10 6F 3A 00", ApduCase.CommandAndResponseData, 4, 256)]
    [InlineData("80 50 00 00 03 6F 3A 41 13", ApduCase.CommandAndResponseData, 3, 19)]
    public void Short_apdus_parse_to_their_case_whole_and_padded(string hex, ApduCase expected, int nc, int? ne)
    {
        var bytes = Hex(hex);
        var (padded, start) = Padded(bytes);
        foreach (var input in new[] { bytes, padded[start..(start + bytes.Length)] })
        {
            var apdu = CommandApdu.Parse(input);
            Assert.Equal(expected, apdu.Case);
            Assert.Equal(nc, apdu.Nc);
            Assert.Equal(ne, apdu.Ne);
            Assert.Equal(bytes, apdu.ToArray());
        }
    }

    [Theory]
    [InlineData("", ApduError.TooShort, 0)]
    [InlineData("00 A4 00", ApduError.TooShort, 3)]
    [InlineData("00 A4 00 04 00 00 02", ApduError.ExtendedLength, 4)]  // extended Lc
    [InlineData("00 DC 01 04 05 AA BB", ApduError.LengthMismatch, 4)]  // says 5 bytes, has 2
    [InlineData("00 DC 01 04 01 AA BB CC", ApduError.LengthMismatch, 4)]  // says 1, has 3
    public void Malformed_apdus_are_rejected_with_reason_and_offset(string hex, ApduError reason, int offset)
    {
        var bytes = Hex(hex);
        Assert.False(CommandApdu.TryParse(bytes, out _, out var error, out var at));
        Assert.Equal(reason, error);
        Assert.Equal(offset, at);
        var e = Assert.Throws<ApduException>(() => CommandApdu.Parse(bytes));
        Assert.Equal(reason, e.Reason);
        Assert.Equal(offset, e.Offset);
        Assert.Equal(StatusWord.WrongLength, e.StatusWord);
    }

    [Theory]
    [InlineData("90 00", "", 0x9000)]
    [InlineData("01 02 03 61 10", "010203", 0x6110)]
    public void Responses_split_into_data_and_status_word(string hex, string data, int sw)
    {
        var response = ResponseApdu.Parse(Hex(hex));
        Assert.Equal(data, ToHex(response.Data.Span));
        Assert.Equal(sw, response.StatusWord.Value);
        Assert.Equal(Hex(hex), response.ToArray());
    }

    [Fact]
    public void A_response_without_a_status_word_is_rejected()
    {
        var e = Assert.Throws<ApduException>(() => ResponseApdu.Parse(Hex("90")));
        Assert.Equal(ApduError.TooShort, e.Reason);
    }

    [Fact]
    public void Writing_refuses_an_ne_a_short_apdu_cannot_carry()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommandApdu(0, 0xB0, 0, 0, default, 257).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommandApdu(0, 0xD6, 0, 0, new byte[256]).ToArray());
    }
}
