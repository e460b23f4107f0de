using System.Buffers;
using System.Text;
using Concord.SyncML.Documents;
using Concord.SyncML.Wbxml;
using static Concord.SyncML.Tests.Wbxml.SyncMLSamples;
using static Concord.SyncML.Tests.Wbxml.WbxmlTestSupport;

namespace Concord.SyncML.Tests.Wbxml;

public partial class WbxmlCodecTests
{
    [Theory]
    [MemberData(nameof(SyncMLSamples.Messages), MemberType = typeof(SyncMLSamples))]
    public void A_message_round_trips_exactly_whole_and_padded(string message, SyncMLVersion version)
    {
        var tree = Build(message, version);
        var wbxml = WbxmlCodec.Encode(tree, version);

        var (root, decodedVersion) = WbxmlCodec.Decode(wbxml);
        Assert.Equal(version, decodedVersion);
        Assert.Equal(version.Namespace(), root.Namespace);
        TreeAssert.Equal(tree, root);

        var (padded, start) = Padded(wbxml);
        TreeAssert.Equal(tree, WbxmlCodec.Decode(padded.AsSpan(start, wbxml.Length)).Root);
    }

    [Theory]
    [MemberData(nameof(SyncMLSamples.Messages), MemberType = typeof(SyncMLSamples))]
    public void Encoding_through_exactly_sized_spans_gives_the_same_bytes(string message, SyncMLVersion version)
    {
        var tree = Build(message, version);
        var stingy = new StingyBufferWriter();
        WbxmlCodec.Encode(tree, version, stingy);
        Assert.Equal(WbxmlCodec.Encode(tree, version), stingy.Written);
    }

    [Theory]
    [InlineData(SyncMLVersion.V10, "02 00 00 6A 1E 2D 2F 2F 53 59 4E 43 4D 4C 2F 2F 44 54 44 20 53 79 6E 63 4D 4C 20 31 2E 30 2F 2F 45 4E 00 6D")]
    [InlineData(SyncMLVersion.V11, "02 9F 53 6A 00 6D")]
    [InlineData(SyncMLVersion.V12, "02 A4 01 6A 00 6D")]
    public void The_header_names_the_SyncML_DTD_by_string_for_1_0_and_by_number_after(
        SyncMLVersion version, string start)
    {
        var wbxml = WbxmlCodec.Encode(ClientMap(version), version);
        Assert.StartsWith(Convert.ToHexString(Hex(start)), Convert.ToHexString(wbxml), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SyncMLVersion.V10, "02 00 00 6A 1E 2D 2F 2F 53 59 4E 43 4D 4C 2F 2F 44 54 44 20 44 65 76 49 6E 66 20 31 2E 30 2F 2F 45 4E 00 4A")]
    [InlineData(SyncMLVersion.V11, "02 9F 54 6A 00 4A")]
    [InlineData(SyncMLVersion.V12, "02 A4 03 6A 00 4A")]
    public void DevInf_travels_in_Data_as_OPAQUE_holding_a_whole_DevInf_document(SyncMLVersion version, string nested)
    {
        var wbxml = WbxmlCodec.Encode(ClientInit(version), version);
        var reader = new WbxmlReader(wbxml);
        byte[]? devInf = null;
        while (reader.Read())
        {
            if (reader.TokenType == WbxmlTokenType.Opaque) devInf ??= reader.ValueSpan.ToArray();
        }
        Assert.NotNull(devInf);
        Assert.StartsWith(Convert.ToHexString(Hex(nested)), Convert.ToHexString(devInf), StringComparison.Ordinal);

        var data = WbxmlCodec.Decode(wbxml).Root.Child("SyncBody")!.Child("Put")!.Child("Item")!.Child("Data")!;
        Assert.Null(data.Opaque);
        Assert.Null(data.Text);
        var decoded = Assert.Single(data.Children);
        Assert.Equal(("DevInf", SyncMLNamespaces.DevInf), (decoded.Name, decoded.Namespace));
        Assert.Equal(version.DevInfVerDtd(), decoded.ChildText("VerDTD"));
        Assert.All(decoded.Children, c => Assert.Null(c.Namespace));
    }

    [Fact]
    public void The_DevInf_Type_is_written_as_wbxml_and_read_back_as_xml()
    {
        var wbxml = WbxmlCodec.Encode(ClientInit(SyncMLVersion.V12), SyncMLVersion.V12);
        var text = Encoding.Latin1.GetString(wbxml);
        Assert.Contains("application/vnd.syncml-devinf+wbxml", text, StringComparison.Ordinal);
        Assert.DoesNotContain("application/vnd.syncml-devinf+xml", text, StringComparison.Ordinal);

        var put = WbxmlCodec.Decode(wbxml).Root.Child("SyncBody")!.Child("Put")!;
        Assert.Equal("application/vnd.syncml-devinf+xml", put.Child("Meta")!.ChildText("Type"));
    }

    [Fact]
    public void MetInf_elements_get_the_MetInf_namespace_where_the_page_changes_and_inherit_below()
    {
        var root = WbxmlCodec.Decode(WbxmlCodec.Encode(ClientInit(SyncMLVersion.V11), SyncMLVersion.V11)).Root;
        var hdr = root.Child("SyncHdr")!;
        Assert.Null(hdr.Namespace);
        Assert.Null(hdr.Child("Meta")!.Namespace);
        Assert.Equal(SyncMLNamespaces.MetInf, hdr.Child("Meta")!.Child("MaxMsgSize")!.Namespace);
        var anchor = root.Child("SyncBody")!.Child("Alert")!.Child("Item")!.Child("Meta")!.Child("Anchor")!;
        Assert.Equal(SyncMLNamespaces.MetInf, anchor.Namespace);
        Assert.Null(anchor.Child("Next")!.Namespace);
    }

    [Fact]
    public void A_MetInf_element_left_to_inherit_its_namespace_still_goes_on_the_MetInf_page()
    {
        var tree = ClientMap(SyncMLVersion.V12);
        tree.Child("SyncHdr")!.Add(E("Meta", T("MaxMsgSize", "9000")));
        var root = WbxmlCodec.Decode(WbxmlCodec.Encode(tree, SyncMLVersion.V12)).Root;
        var maxMsgSize = root.Child("SyncHdr")!.Child("Meta")!.Child("MaxMsgSize")!;
        Assert.Equal((SyncMLNamespaces.MetInf, "9000"), (maxMsgSize.Namespace, maxMsgSize.Text));
    }

    [Fact]
    public void Opaque_item_data_stays_bytes_and_text_holding_NUL_travels_as_OPAQUE()
    {
        var tree = ClientMap(SyncMLVersion.V12);
        var item = tree.Child("SyncBody")!.Child("Status")!.Add(E("Item"));
        item.Add(new SyncMLElement("Data") { Opaque = new byte[] { 0xDE, 0xAD, 0x00, 0xBE } });
        tree.Child("SyncBody")!.Child("Map")!.Add(T("Data", "a\0b"));

        var root = WbxmlCodec.Decode(WbxmlCodec.Encode(tree, SyncMLVersion.V12)).Root;
        var data = root.Child("SyncBody")!.Child("Status")!.Child("Item")!.Child("Data")!;
        Assert.Equal(new byte[] { 0xDE, 0xAD, 0x00, 0xBE }, data.Opaque!.Value.ToArray());
        Assert.Equal("a\0b", root.Child("SyncBody")!.Child("Map")!.Child("Data")!.ContentAsString());
    }

    [Fact]
    public void Empty_text_stays_empty_text_and_an_empty_element_stays_empty()
    {
        var tree = ClientMap(SyncMLVersion.V11);
        tree.Child("SyncBody")!.Child("Map")!.Add(T("Data", ""));
        var root = WbxmlCodec.Decode(WbxmlCodec.Encode(tree, SyncMLVersion.V11)).Root;
        Assert.Equal("", root.Child("SyncBody")!.Child("Map")!.Child("Data")!.Text);
        var final = root.Child("SyncBody")!.Child("Final")!;
        Assert.Null(final.Text);
        Assert.Null(final.Opaque);
    }

    [Fact]
    public void A_name_no_code_page_assigns_travels_as_a_LITERAL_tag()
    {
        var tree = ClientMap(SyncMLVersion.V12);
        tree.Child("SyncBody")!.Child("Map")!.Add(T("X-Vendor-Hint", "keep"));
        tree.Child("SyncBody")!.Child("Map")!.Add(new SyncMLElement("X-Meta", SyncMLNamespaces.MetInf) { Text = "m" });
        var wbxml = WbxmlCodec.Encode(tree, SyncMLVersion.V12);

        var reader = new WbxmlReader(wbxml);
        reader.ReadHeader();
        Assert.Equal("X-Vendor-Hint\0X-Meta\0", Encoding.UTF8.GetString(reader.StringTable));
        TreeAssert.Equal(tree, WbxmlCodec.Decode(wbxml).Root);
    }

    [Theory]
    [InlineData(SyncMLVersion.V11, "Size")]
    [InlineData(SyncMLVersion.V12, "MaxSize")]
    public void DevInf_token_1C_reads_as_Size_up_to_1_1_and_MaxSize_in_1_2(SyncMLVersion version, string name)
    {
        var tree = ClientInit(version);
        var devInf = tree.Child("SyncBody")!.Child("Put")!.Child("Item")!.Child("Data")!.Child("DevInf")!;
        devInf.Add(T(version == SyncMLVersion.V12 ? "Size" : "MaxSize", "5"));  // the other name encodes the same
        var decoded = WbxmlCodec.Decode(WbxmlCodec.Encode(tree, version)).Root
            .Child("SyncBody")!.Child("Put")!.Child("Item")!.Child("Data")!.Child("DevInf")!;
        Assert.Equal(name, decoded.Children[^1].Name);
    }

    [Theory]
    [InlineData(SyncMLVersion.V10)]
    [InlineData(SyncMLVersion.V11)]
    [InlineData(SyncMLVersion.V12)]
    public void Without_a_known_public_id_the_version_comes_from_VerDTD(SyncMLVersion version)
    {
        var tree = ClientMap(version);
        // A page 0 element under a page 1 element gets the SyncML namespace spelled out.
        tree.Child("SyncHdr")!.Add(E("Meta", new SyncMLElement("Mem", SyncMLNamespaces.MetInf)
        {
            Children = { new SyncMLElement("LocURI", version.Namespace()) { Text = "odd" } },
        }));
        var wbxml = WbxmlCodec.Encode(tree, version);
        var reader = new WbxmlReader(wbxml);
        reader.ReadHeader();
        byte[] unknownId = [.. Hex("03 01 6A 00"), .. wbxml.AsSpan(reader.Header.BodyOffset)];

        var (root, decoded) = WbxmlCodec.Decode(unknownId);
        Assert.Equal(version, decoded);
        Assert.Equal(version.Namespace(), root.Namespace);
        TreeAssert.Equal(tree, root);
        var odd = root.Child("SyncHdr")!.Child("Meta")!.Child("Mem")!.Child("LocURI")!;
        Assert.Equal(version.Namespace(), odd.Namespace);
    }

    [Fact]
    public void Whitespace_between_elements_is_ignored_and_attributes_are_skipped()
    {
        // SyncML 1.2 with Nokia's xmlns attribute on the root, and whitespace kept as by xml2wbxml -k.
        var wbxml = Hex("02 A4 01 6A 00 ED 04 00 03 53 59 4E 43 4D 4C 3A 53 59 4E 43 4D 4C 31 2E 32 00 01 " +
            "03 0A 20 20 00 6C 03 0A 00 71 03 31 2E 32 00 01 03 0A 00 01 01");
        var (root, version) = WbxmlCodec.Decode(wbxml);
        Assert.Equal(SyncMLVersion.V12, version);
        Assert.Equal("1.2", root.Child("SyncHdr")!.ChildText("VerDTD"));
        Assert.Null(root.Text);
    }

    [Fact]
    public void Trees_WBXML_cannot_carry_are_caller_bugs()
    {
        var v = SyncMLVersion.V12;
        Assert.Throws<ArgumentException>(() => WbxmlCodec.Encode(E("SyncBody"), v));
        Assert.Throws<ArgumentException>(
            () => WbxmlCodec.Encode(new SyncMLElement("SyncML", SyncMLNamespaces.SyncML11), v));

        var mixed = ClientMap(v);
        mixed.Child("SyncBody")!.Text = "text";
        Assert.Throws<ArgumentException>(() => WbxmlCodec.Encode(mixed, v));

        var devInfOutsideData = ClientMap(v);
        devInfOutsideData.Child("SyncBody")!.Add(DevInf(v));
        Assert.Throws<ArgumentException>(() => WbxmlCodec.Encode(devInfOutsideData, v));

        var devInfWithSibling = ClientMap(v);
        devInfWithSibling.Child("SyncBody")!.Add(E("Data", DevInf(v), T("LocURI", "x")));
        Assert.Throws<ArgumentException>(() => WbxmlCodec.Encode(devInfWithSibling, v));

        var foreign = ClientMap(v);
        foreign.Child("SyncBody")!.Add(new SyncMLElement("x", "urn:other"));
        Assert.Throws<ArgumentException>(() => WbxmlCodec.Encode(foreign, v));

        var surrogate = ClientMap(v);
        surrogate.Child("SyncBody")!.Add(T("Data", "\uDC00"));
        Assert.ThrowsAny<ArgumentException>(() => WbxmlCodec.Encode(surrogate, v, new ArrayBufferWriter<byte>()));

        var cycle = ClientMap(v);
        cycle.Child("SyncBody")!.Add(cycle.Child("SyncBody")!);
        Assert.Throws<ArgumentException>(() => WbxmlCodec.Encode(cycle, v));
    }
}
