using Concord.Card.Phonebook;
using static Concord.Card.Tests.CardTestSupport;

namespace Concord.Card.Tests.Phonebook;

public class AdnRecordCodecTests
{
    private static readonly AdnRecordCodec Codec = new(28);

    [Theory]
    [InlineData("John", "+33612345678", "4A6F686EFFFFFFFFFFFFFFFFFFFF 07 91 331632547 6F8FFFFFFFF FF FF")]
    [InlineData("Bob", "0612", "426F62FFFFFFFFFFFFFFFFFFFFFF 03 81 6021FFFFFFFFFFFFFFFF FF FF")]
    [InlineData("Voicemail", "*#123p4?", "566F6963656D61696CFFFFFFFFFF 05 81 BA21C3D4FFFFFFFFFFFF FF FF")]
    [InlineData("Nobody", "", "4E6F626F6479FFFFFFFFFFFFFFFF FF FF FFFFFFFFFFFFFFFFFFFF FF FF")]
    public void Entries_encode_to_the_ts_31_102_layout_and_back(string name, string number, string hex)
    {
        Assert.True(Codec.TryEncode(new AdnRecord(name, number), [], out var encoding));
        Assert.Equal(hex.Replace(" ", "", StringComparison.Ordinal), ToHex(encoding.Record));
        Assert.Empty(encoding.Extensions);
        Assert.Equal(new AdnRecord(name, number), Codec.Decode(encoding.Record));
    }

    [Theory]
    [InlineData("061-234 (56).78", "0612345678")]
    [InlineData(" +44 20 7946 0000 ", "+442079460000")]
    public void Separators_are_dropped_when_writing(string number, string stored)
    {
        Assert.True(Codec.TryEncode(new AdnRecord("x", number), [], out var encoding));
        Assert.Equal(stored, Codec.Decode(encoding.Record).Number);
    }

    [Theory]
    [InlineData("12a4")]
    [InlineData("+")]
    [InlineData("--")]
    public void Numbers_bcd_cannot_hold_are_refused(string number) =>
        Assert.False(Codec.TryEncode(new AdnRecord("x", number), [], out _));

    [Fact]
    public void A_number_over_20_digits_continues_in_ext1_records()
    {
        var number = "+" + new string('1', 20) + "2345678901234567890123";  // 42 digits: ADN + 2 EXT1 records
        Assert.True(Codec.TryEncode(new AdnRecord("Long", number), [3, 1], out var encoding));
        Assert.Equal(0x0B, encoding.Record[14]);          // the length says the maximum, 11
        Assert.Equal(3, encoding.Record[^1]);             // first extension: record 3
        Assert.Equal([3, 1], encoding.Extensions.Select(e => e.RecordNumber));
        Assert.Equal("020A" + "32547698103254769810" + "01", ToHex(encoding.Extensions[0].Bytes));  // then record 1
        Assert.Equal("0201" + "32" + "FFFFFFFFFFFFFFFFFF" + "FF", ToHex(encoding.Extensions[1].Bytes));

        var ext = encoding.Extensions.ToDictionary(e => e.RecordNumber, e => e.Bytes);
        Assert.Equal(new AdnRecord("Long", number), Codec.Decode(encoding.Record, n => ext.GetValueOrDefault(n)));
    }

    [Fact]
    public void Too_few_free_ext1_records_refuse_a_long_number() =>
        Assert.False(Codec.TryEncode(new AdnRecord("x", new string('9', 21)), [], out _));

    [Fact]
    public void An_extension_chain_that_loops_ends_instead_of_hanging()
    {
        Assert.True(Codec.TryEncode(new AdnRecord("Loop", new string('5', 30)), [2], out var encoding));
        var ext = encoding.Extensions[0].Bytes;
        ext[^1] = 2;  // points at itself
        var decoded = Codec.Decode(encoding.Record, _ => ext);
        Assert.Equal(new string('5', 30), decoded.Number);
    }

    [Theory]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFF FF FFFFFFFFFFFFFFFFFFFFFFFFFF", true)]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFF 00 FFFFFFFFFFFFFFFFFFFFFFFFFF", true)]   // some handsets write 00
    [InlineData("41FFFFFFFFFFFFFFFFFFFFFFFFFF FF FFFFFFFFFFFFFFFFFFFFFFFFFF", false)]  // a name alone is an entry
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFF 02 8121FFFFFFFFFFFFFFFFFFFFFF", false)]  // a number alone too
    public void A_record_is_free_when_it_has_neither_name_nor_number(string hex, bool free)
    {
        Assert.Equal(free, AdnRecordCodec.IsFree(Hex(hex)));
        Assert.Equal(free, Codec.Decode(Hex(hex)).IsEmpty);
    }
}
