using System.Buffers;
using Concord.SyncML.Wbxml;
using static Concord.SyncML.Tests.Wbxml.WbxmlTestSupport;

namespace Concord.SyncML.Tests.Wbxml;

public class WbxmlWriterTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "numeric header", "02 A4 01 6A 00" },
        { "header with table", "03 9F 53 6A 03 61 62 00" },
        { "header by string", "02 00 00 6A 1E 2D 2F 2F 53 59 4E 43 4D 4C 2F 2F 44 54 44 20 53 79 6E 63 4D 4C 20 31 2E 30 2F 2F 45 4E 00" },
        { "pages", "02 A4 01 6A 00 6D 5A 00 01 4C 03 35 00 01 01 0E 00 00 12 01" },
        { "multi-byte", "02 A4 01 6A 00 45 02 87 EC 00 83 82 2C C3 81 00 " + string.Concat(Enumerable.Repeat("AB ", 128)) + "01" },
        { "literal", "02 A4 01 6A 00 44 00 04 04 01" },
        { "strings", "02 A4 01 6A 00 45 03 C3 A9 00 03 78 00 03 00 01" },
    };

    private static void Write(string name, WbxmlWriter w)
    {
        switch (name)
        {
            case "numeric header":
                w.WriteHeader(0x1201);
                break;
            case "header with table":
                w.WriteHeader(0x0FD3, "ab\0"u8, version: 3);
                break;
            case "header by string":
                w.WriteHeaderWithPublicIdString(0, Utf8z("-//SYNCML//DTD SyncML 1.0//EN"));
                break;
            case "pages":
                // The page switches only when a tag needs another; END does not restore it (libwbxml does the same).
                w.WriteHeader(0x1201);
                using (w.WriteStartElement(0, 0x2D))
                {
                    using (w.WriteStartElement(0, 0x1A))
                    {
                        using (w.WriteStartElement(1, 0x0C)) w.WriteString("5");
                    }
                    w.WriteEmptyElement(1, 0x0E);
                    w.WriteEmptyElement(0, 0x12);
                }
                break;
            case "multi-byte":
                w.WriteHeader(0x1201);
                using (w.WriteStartElement(0, 0x05))
                {
                    w.WriteEntity(0x1F600);
                    w.WriteTableString(300);
                    w.WriteOpaque(Enumerable.Repeat((byte)0xAB, 128).ToArray());
                }
                break;
            case "literal":
                w.WriteHeader(0x1201);
                using (w.WriteLiteralStartElement(0, 0)) w.WriteLiteralEmptyElement(0, 4);
                break;
            case "strings":
                w.WriteHeader(0x1201);
                using (w.WriteStartElement(0, 0x05))
                {
                    w.WriteString("é");
                    w.WriteString("x"u8);
                    w.WriteString("");
                }
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tokens_are_written_as_the_hex_says(string name, string expected)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WbxmlWriter(output);
        Write(name, writer);
        Assert.Equal(Convert.ToHexString(Hex(expected)), Convert.ToHexString(output.WrittenSpan));
        Assert.Equal(output.WrittenCount, writer.BytesWritten);
        Assert.Equal(0, writer.CurrentDepth);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_is_the_same_after_junk_and_through_exactly_sized_spans(string name, string expected)
    {
        var padded = new ArrayBufferWriter<byte>();
        padded.Write(new byte[] { 0xFF, 0xEE, 0x00 });
        Write(name, new WbxmlWriter(padded));
        Assert.Equal("FFEE00" + Convert.ToHexString(Hex(expected)), Convert.ToHexString(padded.WrittenSpan));

        var stingy = new StingyBufferWriter();
        Write(name, new WbxmlWriter(stingy));
        Assert.Equal(Convert.ToHexString(Hex(expected)), Convert.ToHexString(stingy.Written));
    }

    [Theory]
    [InlineData("pages", "<0:2D> <0:1A> <1:0C> '5' </> </> <1:0E/> <0:12/> </>")]
    [InlineData("strings", "<0:05> 'é' 'x' '' </>")]
    public void What_is_written_reads_back_token_for_token(string name, string expected)
    {
        var output = new ArrayBufferWriter<byte>();
        Write(name, new WbxmlWriter(output));
        Assert.Equal(expected, Trace(output.WrittenSpan));
    }

    [Fact]
    public void Text_that_STR_I_cannot_carry_is_a_caller_bug()
    {
        var writer = StartedWriter();
        Assert.Throws<ArgumentException>(() => writer.WriteString("a\0b"));
        Assert.ThrowsAny<ArgumentException>(() => writer.WriteString("a\uD800b"));
        Assert.Throws<ArgumentException>(() => writer.WriteString([0x61, 0x00]));
        Assert.Throws<ArgumentException>(() => writer.WriteString([0xC3, 0x28]));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteEntity(0xD800));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteEntity(0));
    }

    [Fact]
    public void Tokens_out_of_order_are_caller_bugs()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WbxmlWriter(output);
        Assert.Throws<InvalidOperationException>(() => writer.WriteEmptyElement(0, 0x05));
        writer.WriteHeader(0x1201);
        Assert.Throws<InvalidOperationException>(() => writer.WriteHeader(0x1201));
        Assert.Throws<InvalidOperationException>(() => writer.WriteString("x"));
        Assert.Throws<InvalidOperationException>(() => writer.WriteEndElement());
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteEmptyElement(0, 0x04));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteEmptyElement(0, 0x45));
        writer.WriteEmptyElement(0, 0x05);
        Assert.Throws<InvalidOperationException>(() => writer.WriteEmptyElement(0, 0x05));
    }

    [Fact]
    public void A_header_takes_only_WBXML_versions_and_public_ids_it_can_name()
    {
        var writer = new WbxmlWriter(new ArrayBufferWriter<byte>());
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteHeader(0x1201, version: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteHeader(0x1201, version: 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteHeader(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteHeaderWithPublicIdString(3, "ab\0"u8));
    }

    private static WbxmlWriter StartedWriter()
    {
        var writer = new WbxmlWriter(new ArrayBufferWriter<byte>());
        writer.WriteHeader(0x1201);
        writer.WriteStartElement(0, 0x2D);
        return writer;
    }
}
