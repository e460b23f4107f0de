using System.Buffers;
using Concord.SyncML.Documents;
using Concord.SyncML.Wbxml;
using static Concord.SyncML.Tests.Wbxml.SyncMLSamples;
using static Concord.SyncML.Tests.Wbxml.WbxmlTestSupport;

namespace Concord.SyncML.Tests.Wbxml;

public partial class WbxmlCodecTests
{
    private const string H12 = "02 A4 01 6A 00 ";  // WBXML 1.2, SyncML 1.2, UTF-8, no string table

    [Theory]
    [MemberData(nameof(SyncMLSamples.Messages), MemberType = typeof(SyncMLSamples))]
    public void A_message_cut_at_any_byte_is_rejected_as_truncated(string message, SyncMLVersion version)
    {
        var wbxml = WbxmlCodec.Encode(Build(message, version), version);
        AssertEveryPrefixIsTruncated(wbxml, prefix => DecodeError(prefix));
    }

    [Theory]
    [MemberData(nameof(SyncMLSamples.Versions), MemberType = typeof(SyncMLSamples))]
    public void Corrupted_messages_fail_only_with_WbxmlException(SyncMLVersion version)
    {
        var wbxml = WbxmlCodec.Encode(ServerSync(version), version);
        var random = new Random(20240611 + (int)version);
        for (var i = 0; i < 3000; i++)
        {
            var corrupt = (byte[])wbxml.Clone();
            for (var n = random.Next(1, 4); n > 0; n--)
                corrupt[random.Next(corrupt.Length)] = (byte)random.Next(256);
            DecodeError(corrupt);  // anything but WbxmlException escapes and fails the test
        }
    }

    [Theory]
    [InlineData(H12 + "6D 6C 71 83 05 01 01 01", WbxmlError.BadStringTableReference, 8)]   // STR_T, no table
    [InlineData(H12 + "6D 4F C3 8F FF FF FF 7F 01 01", WbxmlError.TooLarge, 7)]            // OPAQUE of 4 GiB
    [InlineData("02 A4 01 6A 8F FF FF FF 7F", WbxmlError.TooLarge, 4)]                    // string table of 4 GiB
    [InlineData(H12 + "6D 30 01", WbxmlError.UnknownToken, 6)]                              // 0x30 is reserved
    [InlineData(H12 + "6D 00 02 05 01", WbxmlError.UnknownToken, 8)]                        // no page 2 (no inline DevInf)
    [InlineData(H12 + "6D 00 01 7F 01 01", WbxmlError.UnknownToken, 8)]                     // MetInf has no 0x3F
    [InlineData(H12 + "6B 01", WbxmlError.Malformed, 5)]                                    // SyncBody as root
    [InlineData(H12 + "6D 6C 01 03 61 00 01", WbxmlError.Malformed, 5)]                     // mixed content
    [InlineData(H12 + "6D 6C 71 03 C3 28 00 01 01 01", WbxmlError.InvalidText, 8)]          // not UTF-8
    [InlineData(H12 + "6D 6C 71 02 83 B0 00 01 01 01", WbxmlError.InvalidText, 8)]          // ENTITY U+D800
    [InlineData(H12 + "6D 6C 71 C0 01 01 01", WbxmlError.UnknownToken, 8)]                  // EXT_0
    [InlineData(H12 + "6D 6C 01 01 05", WbxmlError.Malformed, 9)]                           // trailing byte
    [InlineData("02 A4 03 6A 00 4A 01", WbxmlError.UnknownPublicId, 1)]                     // a DevInf document
    [InlineData("03 01 6A 00 6D 2C 01", WbxmlError.UnknownPublicId, 1)]                     // no id, no VerDTD
    [InlineData("03 01 6A 00 6D 6C 71 03 39 2E 39 00 01 01 01", WbxmlError.UnknownPublicId, 1)] // VerDTD 9.9
    public void A_malformed_message_is_rejected_with_reason_and_offset(string hex, WbxmlError reason, int offset)
    {
        var error = DecodeError(Hex(hex));
        Assert.NotNull(error);
        Assert.True(reason == error.Reason, error.Message);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void Rejections_say_what_was_found_and_what_was_expected()
    {
        Assert.Equal(WbxmlErrors.TrailingData(9, 1), DecodeError(Hex(H12 + "6D 6C 01 01 05"))?.Message);
        Assert.Equal(WbxmlErrors.WrongRoot(5, "SyncBody", "SyncML"), DecodeError(Hex(H12 + "6B 01"))?.Message);
        Assert.Equal(WbxmlErrors.UnknownPublicId("0x0001", null), DecodeError(Hex("03 01 6A 00 6D 2C 01"))?.Message);
        Assert.Equal(WbxmlErrors.NotSyncML("0x1203"), DecodeError(Hex("02 A4 03 6A 00 4A 01"))?.Message);
        Assert.Contains("UTF-8", WbxmlErrors.UnsupportedCharset(2, 4), StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_rejected_at_MaxDepth()
    {
        // SyncML, SyncBody, then Sync inside Sync: the 31st Sync is element 33.
        var bomb = Hex(H12 + "6D 6B " + string.Concat(Enumerable.Repeat("6A ", 40))
            + string.Concat(Enumerable.Repeat("01 ", 42)));
        var error = DecodeError(bomb);
        Assert.Equal(WbxmlError.DepthExceeded, error?.Reason);
        Assert.Equal(5 + 2 + 30, error?.Offset);
    }

    [Theory]
    [InlineData(6)]   // DataStore, below the DevInf root at level 6 (Put/Item/Source/LocURI is level 6 too)
    [InlineData(8)]   // Property, inside the DevInf's DataStore/CTCap
    public void MaxDepth_counts_through_the_DevInf_nested_in_OPAQUE(int maxDepth)
    {
        var tree = ClientInit(SyncMLVersion.V12);
        tree.Child("SyncBody")!.Children.RemoveAll(c => c.Name != "Put");  // SyncML/SyncBody/Put/Item/Data/DevInf
        var wbxml = WbxmlCodec.Encode(tree, SyncMLVersion.V12);
        var error = DecodeError(wbxml, new WbxmlOptions { MaxDepth = maxDepth });
        Assert.Equal(WbxmlError.DepthExceeded, error?.Reason);
        Assert.StartsWith(
            "In the DevInf document nested in the OPAQUE at offset", error?.Message, StringComparison.Ordinal);
        Assert.InRange(error!.Offset, 0, wbxml.Length);
        Assert.Null(DecodeError(wbxml, new WbxmlOptions { MaxDepth = 11 }));
    }

    [Fact]
    public void A_broken_nested_DevInf_is_an_error_placed_in_the_outer_message()
    {
        var wbxml = MessageWithDataOpaque(Hex("02 A4 03 6A 00 4A 4A"));
        var error = DecodeError(wbxml);
        Assert.Equal(WbxmlError.Truncated, error?.Reason);
        var opaqueAt = wbxml.Length - 7 - 5;  // the DevInf bytes, then END x5
        Assert.Equal(opaqueAt + 7, error?.Offset);
        Assert.Equal(WbxmlErrors.NestedDevInf(opaqueAt, WbxmlErrors.TruncatedContent(7, 2)), error?.Message);

        var unknownTag = DecodeError(MessageWithDataOpaque(Hex("02 A4 03 6A 00 4A 7F 01 01")));
        Assert.Equal(WbxmlError.UnknownToken, unknownTag?.Reason);
    }

    [Theory]
    [InlineData("02 A4 01 6A 00 6D 01")]                 // a SyncML document is not DevInf
    [InlineData("42 45 47 49 4E 3A 56 43 41 52 44")]     // BEGIN:VCARD
    [InlineData("02")]                                    // too short to be a header
    [InlineData("")]
    public void OPAQUE_data_that_does_not_start_with_a_DevInf_header_stays_opaque(string hex)
    {
        var data = WbxmlCodec.Decode(MessageWithDataOpaque(Hex(hex))).Root
            .Child("SyncBody")!.Child("Put")!.Child("Item")!.Child("Data")!;
        Assert.Empty(data.Children);
        Assert.Equal(Hex(hex), data.Opaque!.Value.ToArray());
    }

    [Fact]
    public void A_DevInf_named_by_string_in_its_string_table_is_decoded_too()
    {
        byte[] fpi = Utf8z("-//SYNCML//DTD DevInf 1.1//EN");
        // Header with the FPI at string table index 0; DevInf, Man "ACME".
        byte[] devInf =
            [0x02, 0x00, 0x00, 0x6A, (byte)fpi.Length, .. fpi, 0x4A, 0x51, 0x03, .. Utf8z("ACME"), 0x01, 0x01];
        var data = WbxmlCodec.Decode(MessageWithDataOpaque(devInf)).Root
            .Child("SyncBody")!.Child("Put")!.Child("Item")!.Child("Data")!;
        Assert.Equal("ACME", Assert.Single(data.Children).ChildText("Man"));
    }

    [Fact]
    public void A_string_table_bomb_stops_at_MaxContentBytes()
    {
        // One 60 KB table string referenced 100,000 times would expand to 6 GB.
        byte[] table = [.. Enumerable.Repeat((byte)'A', 60_000), 0];
        var output = new ArrayBufferWriter<byte>();
        var writer = new WbxmlWriter(output);
        writer.WriteHeader(WbxmlPublicIds.SyncML12, table);
        using (writer.WriteStartElement(0, 0x2D))
        using (writer.WriteStartElement(0, 0x2B))
        using (writer.WriteStartElement(0, 0x0F))
        {
            for (var i = 0; i < 100_000; i++) writer.WriteTableString(0);
        }
        var error = DecodeError(output.WrittenSpan.ToArray());
        Assert.Equal(WbxmlError.TooLarge, error?.Reason);
        Assert.Contains("MaxContentBytes", error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_element_bomb_stops_at_MaxElements()
    {
        var bomb = Hex(H12 + "6D 6B " + string.Concat(Enumerable.Repeat("12 ", 70_000)) + "01 01");
        var error = DecodeError(bomb);
        Assert.Equal(WbxmlError.TooLarge, error?.Reason);
        Assert.Equal(WbxmlErrors.TooManyElements(5 + 2 + 65_534, 65_536), error?.Message);
    }

    [Fact]
    public void A_message_over_MaxDocumentBytes_is_rejected_before_decoding()
    {
        var wbxml = WbxmlCodec.Encode(ClientMap(SyncMLVersion.V12), SyncMLVersion.V12);
        var error = DecodeError(wbxml, new WbxmlOptions { MaxDocumentBytes = wbxml.Length - 1 });
        Assert.Equal((WbxmlError.TooLarge, 0), (error?.Reason, error?.Offset));
        Assert.Equal(413, WbxmlError.TooLarge.ToSyncMLStatus());
        Assert.Equal(415, WbxmlError.UnsupportedCharset.ToSyncMLStatus());
        Assert.Equal(400, WbxmlError.Truncated.ToSyncMLStatus());
    }

    /// <summary>SyncML 1.2 / SyncBody / Put / Item / Data holding one OPAQUE, then END x5.</summary>
    private static byte[] MessageWithDataOpaque(byte[] opaque)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WbxmlWriter(output);
        writer.WriteHeader(WbxmlPublicIds.SyncML12);
        using (writer.WriteStartElement(0, 0x2D))
        using (writer.WriteStartElement(0, 0x2B))
        using (writer.WriteStartElement(0, 0x1F))
        using (writer.WriteStartElement(0, 0x14))
        using (writer.WriteStartElement(0, 0x0F))
        {
            writer.WriteOpaque(opaque);
        }
        return output.WrittenSpan.ToArray();
    }
}
