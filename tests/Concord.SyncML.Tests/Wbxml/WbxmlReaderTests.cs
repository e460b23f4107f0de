using Concord.SyncML.Wbxml;
using static Concord.SyncML.Tests.Wbxml.WbxmlTestSupport;

namespace Concord.SyncML.Tests.Wbxml;

public class WbxmlReaderTests
{
    // Header "03 01 6A 00": WBXML 1.3, public id 1 (unknown), UTF-8, empty string table.
    public static TheoryData<string, string> Documents => new()
    {
        { "03 01 6A 00 05", "<0:05/>" },                                            // empty root
        { "03 01 6A 00 45 03 61 62 63 00 01", "<0:05> 'abc' </>" },                // STR_I
        { "03 01 6A 07 61 62 00 63 64 65 00 45 83 00 83 03 83 04 01",
            "<0:05> T0'ab' T3'cde' T4'de' </>" },                                  // STR_T, also into a string's middle
        { "03 01 6A 00 45 02 81 69 02 87 EC 00 01", "<0:05> &#xE9; &#x1F600; </>" }, // ENTITY, multi-byte
        { "03 01 6A 00 45 C3 03 00 01 FF 01", "<0:05> [0001FF] </>" },             // OPAQUE
        { "03 01 6A 00 6D 00 01 4C 03 35 00 01 0E 00 00 12 01",
            "<0:2D> <1:0C> '5' </> <1:0E/> <0:12/> </>" },                         // the page outlives END
        { "03 01 6A 00 00 01 0E", "<1:0E/>" },                                      // SWITCH_PAGE before the root
        { "03 01 6A 06 78 2D 66 6F 6F 00 44 00 04 00 01",
            "<0:'x-foo'> <0:'x-foo'/> </>" },                                      // LITERAL_C, LITERAL
        { "03 01 6A 00 C5 05 03 76 00 85 01 03 78 00 01", "<0:05@> 'x' </>" },     // attributes skipped
        { "02 A4 01 6A 00 ED 04 00 03 53 59 4E 43 4D 4C 3A 53 59 4E 43 4D 4C 31 2E 32 00 01 01",
            "<0:2D@> </>" },                                                       // Nokia xmlns as LITERAL 0
        { "03 01 6A 00 43 05 03 61 00 01 05 43 06 01", "? <0:05/> ?" },            // PIs around the root
        { "03 01 6A 02 7A 00 45 40 61 00 80 00 C2 01", "<0:05> EXT0'a' EXT0'z' EXT2'' </>" },
        { "02 9F 53 6A 00 45 01", "<0:05> </>" },                                   // multi-byte public id
        { "01 01 03 00 05", "<0:05/>" },                                            // WBXML 1.1, US-ASCII
        { "03 01 00 00 05", "<0:05/>" },                                            // charset 0: unknown, read as UTF-8
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Tokens_are_read_as_the_hex_says_whole_and_padded(string hex, string expected)
    {
        var document = Hex(hex);
        Assert.Equal(expected, Trace(document));
        var (padded, start) = Padded(document);
        Assert.Equal(expected, Trace(padded.AsSpan(start, document.Length)));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Reading_stops_at_the_end_of_the_document_and_leaves_what_follows(string hex, string expected)
    {
        var document = Hex(hex);
        var (padded, start) = Padded(document);
        var reader = new WbxmlReader(padded.AsSpan(start));
        var tokens = 0;
        while (reader.Read()) tokens++;
        Assert.Equal(expected.Split(' ').Length, tokens);
        Assert.Equal(document.Length, reader.BytesConsumed);
        Assert.Equal(WbxmlTokenType.None, reader.TokenType);
        Assert.False(reader.Read());
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_prefix_is_truncated_or_a_shorter_whole_document_and_the_reader_stays_put(
        string hex, string expected)
    {
        var document = Hex(hex);
        for (var length = 0; length < document.Length; length++)
        {
            var prefix = document[..length];
            var (error, stayedPut) = ReadAll(prefix);
            Assert.True(stayedPut, $"prefix of {length} bytes moved the reader before throwing");
            if (error is null)
            {
                // Only a document followed by a PI has a prefix that is itself a document.
                Assert.StartsWith(Trace(prefix), expected, StringComparison.Ordinal);
                continue;
            }
            Assert.True(error.Reason == WbxmlError.Truncated, $"prefix of {length}: {error.Reason}: {error.Message}");
            Assert.InRange(error.Offset, 0, length);
        }
    }

    [Theory]
    [InlineData("03 01 6A 00 05", 3, 1u, null, 106u)]
    [InlineData("02 9F 53 6A 00 45 01", 2, 0x0FD3u, null, 106u)]
    [InlineData("02 A4 03 6A 00 45 01", 2, 0x1203u, null, 106u)]
    [InlineData("01 01 03 00 05", 1, 1u, null, 3u)]
    [InlineData("02 00 00 6A 1E 2D 2F 2F 53 59 4E 43 4D 4C 2F 2F 44 54 44 20 53 79 6E 63 4D 4C 20 31 2E 32 2F 2F 45 4E 00 05",
        2, 0u, "-//SYNCML//DTD SyncML 1.2//EN", 106u)]
    [InlineData("02 00 00 6A 1D 2D 2F 2F 53 59 4E 43 4D 4C 2F 2F 44 54 44 20 53 79 6E 63 4D 4C 20 31 2E 30 2F 2F 45 4E 05",
        2, 0u, "-//SYNCML//DTD SyncML 1.0//EN", 106u)] // SyncML Reference Toolkit: no NUL after the string
    public void The_header_gives_version_public_id_and_charset(
        string hex, byte version, uint publicId, string? publicIdText, uint charset)
    {
        var document = Hex(hex);
        var reader = new WbxmlReader(document);
        reader.ReadHeader();
        Assert.Equal(version, reader.Header.Version);
        Assert.Equal(publicId, reader.Header.PublicId);
        Assert.Equal(publicIdText, reader.Header.PublicIdText);
        Assert.Equal(charset, reader.Header.Charset);
        Assert.Equal(reader.Header.BodyOffset, reader.BytesConsumed);
        Assert.True(WbxmlReader.TryReadHeader(document, out var peeked));
        Assert.Equal(reader.Header, peeked);
    }

    [Theory]
    [InlineData("", WbxmlError.Truncated, 0)]
    [InlineData("03", WbxmlError.Truncated, 1)]
    [InlineData("00 01 6A 00 05", WbxmlError.BadVersion, 0)]                  // WBXML 1.0
    [InlineData("3C 3F 78 6D 6C", WbxmlError.BadVersion, 0)]                  // "<?xml"
    [InlineData("03 01 04 00 05", WbxmlError.UnsupportedCharset, 2)]          // ISO-8859-1
    [InlineData("03 01 87 68 00 05", WbxmlError.UnsupportedCharset, 2)]       // UCS-2
    [InlineData("03 01 6A 8F FF FF FF FF 7F", WbxmlError.Malformed, 3)]       // mb_u_int32 of 6 bytes
    [InlineData("03 01 6A 84 80 80 80 00", WbxmlError.TooLarge, 3)]           // 1 GiB string table
    [InlineData("03 01 6A 05 61 62", WbxmlError.Truncated, 3)]
    [InlineData("03 00 05 6A 00 05", WbxmlError.BadStringTableReference, 2)]  // public id string, no table
    public void A_bad_header_is_rejected_and_cannot_be_peeked(string hex, WbxmlError reason, int offset)
    {
        var document = Hex(hex);
        var (error, stayedPut) = ReadAll(document);
        Assert.NotNull(error);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(offset, error.Offset);
        Assert.True(stayedPut);
        Assert.False(WbxmlReader.TryReadHeader(document, out _));
    }

    [Theory]
    [InlineData("03 01 6A 00", WbxmlError.Truncated, 4)]                      // no root element
    [InlineData("03 01 6A 00 45 45", WbxmlError.Truncated, 6)]                // two elements left open
    [InlineData("03 01 6A 00 45 03 61 62", WbxmlError.Truncated, 5)]          // STR_I without NUL
    [InlineData("03 01 6A 00 45 00", WbxmlError.Truncated, 5)]                // SWITCH_PAGE without a page
    [InlineData("03 01 6A 00 45 83 00 01", WbxmlError.BadStringTableReference, 5)]
    [InlineData("03 01 6A 02 61 00 45 83 02 01", WbxmlError.BadStringTableReference, 7)]
    [InlineData("03 01 6A 00 44 00 01", WbxmlError.BadStringTableReference, 4)]
    [InlineData("03 01 6A 00 45 C3 8F FF FF FF 7F 01", WbxmlError.TooLarge, 5)] // OPAQUE of 4 GiB
    [InlineData("03 01 6A 00 45 C3 0A 01 02 01", WbxmlError.Truncated, 5)]     // OPAQUE of 10, 3 there
    [InlineData("03 01 6A 00 01", WbxmlError.Malformed, 4)]                    // END before any element
    [InlineData("03 01 6A 00 03 61 00", WbxmlError.Malformed, 4)]              // text before the root
    [InlineData("03 01 6A 00 C5 43 01 01", WbxmlError.Malformed, 5)]           // PI inside an attribute list
    [InlineData("03 01 6A 00 C5 05 83 03 01 01", WbxmlError.BadStringTableReference, 6)]
    public void A_bad_body_is_rejected_at_the_offending_token_without_moving(string hex, WbxmlError reason, int offset)
    {
        var (error, stayedPut) = ReadAll(Hex(hex));
        Assert.NotNull(error);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(offset, error.Offset);
        Assert.True(stayedPut);
    }

    [Fact]
    public void Nesting_to_MaxDepth_is_read_and_one_level_more_is_rejected()
    {
        var options = new WbxmlOptions { MaxDepth = 32 };
        byte[] Nested(int depth) =>
            [.. Hex("03 01 6A 00"), .. Enumerable.Repeat((byte)0x45, depth), .. Enumerable.Repeat((byte)0x01, depth)];

        Assert.Null(ReadAll(Nested(32), options).Error);
        var (error, stayedPut) = ReadAll(Nested(33), options);
        Assert.Equal(WbxmlError.DepthExceeded, error?.Reason);
        Assert.Equal(4 + 32, error?.Offset);
        Assert.Equal(WbxmlErrors.DepthExceeded(36, 32), error?.Message);
        Assert.True(stayedPut);
    }

    [Fact]
    public void A_million_levels_fail_at_the_limit_without_recursing()
    {
        byte[] bomb = [.. Hex("03 01 6A 00"), .. Enumerable.Repeat((byte)0x45, 1_000_000)];
        var (error, _) = ReadAll(bomb, new WbxmlOptions { MaxDocumentBytes = 2_000_000 });
        Assert.Equal(WbxmlError.DepthExceeded, error?.Reason);
    }

    [Fact]
    public void A_document_larger_than_MaxDocumentBytes_is_rejected_before_reading()
    {
        var (error, _) = ReadAll(Hex("03 01 6A 00 45 03 61 62 63 00 01"), new WbxmlOptions { MaxDocumentBytes = 10 });
        Assert.Equal(WbxmlError.TooLarge, error?.Reason);
        Assert.Equal(0, error?.Offset);
        Assert.Equal(WbxmlErrors.DocumentTooLarge(11, 10), error?.Message);
    }

    [Fact]
    public void A_token_reports_where_it_and_its_value_are()
    {
        var reader = new WbxmlReader(Hex("03 01 6A 03 78 79 00 45 83 00 C3 02 AA BB 01"));
        Assert.True(reader.Read());
        Assert.Equal((4 + 3, 0), (reader.TokenOffset, reader.CurrentDepth));
        Assert.True(reader.Read());
        Assert.Equal((WbxmlTokenType.TableString, 8, 4, 1),
            (reader.TokenType, reader.TokenOffset, reader.ValueOffset, reader.CurrentDepth));
        Assert.True(reader.Read());
        Assert.Equal((WbxmlTokenType.Opaque, 10, 12), (reader.TokenType, reader.TokenOffset, reader.ValueOffset));
        Assert.True(reader.Read());
        Assert.Equal((WbxmlTokenType.EndElement, 14, 0), (reader.TokenType, reader.TokenOffset, reader.CurrentDepth));
        Assert.False(reader.Read());
        Assert.Equal(15, reader.BytesConsumed);
    }

    [Fact]
    public void A_string_that_is_not_UTF8_is_refused_when_read_as_a_string()
    {
        var reader = new WbxmlReader(Hex("03 01 6A 00 45 03 C3 28 00 01"));
        reader.Read();
        reader.Read();
        Assert.Equal(WbxmlTokenType.InlineString, reader.TokenType);
        WbxmlException? error = null;
        try
        {
            reader.GetString();
        }
        catch (WbxmlException e)
        {
            error = e;
        }
        Assert.Equal(WbxmlError.InvalidText, error?.Reason);
        Assert.Equal(5, error?.Offset);
    }

    [Fact]
    public void Reading_the_header_twice_is_a_caller_bug()
    {
        var reader = new WbxmlReader(Hex("03 01 6A 00 05"));
        reader.ReadHeader();
        var threw = false;
        try
        {
            reader.ReadHeader();
        }
        catch (InvalidOperationException)
        {
            threw = true;
        }
        Assert.True(threw);
    }
}
