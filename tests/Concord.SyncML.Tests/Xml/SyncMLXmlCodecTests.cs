using System.Text;
using Concord.SyncML.Documents;
using Concord.SyncML.Xml;

namespace Concord.SyncML.Tests.Xml;

public class SyncMLXmlCodecTests
{
    private const string Hdr = "<SyncHdr><VerDTD>1.2</VerDTD><VerProto>SyncML/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID></SyncHdr>";

    private static byte[] Doc(string body) =>
        Encoding.UTF8.GetBytes($"<?xml version='1.0'?><SyncML xmlns='SYNCML:SYNCML1.2'>{Hdr}<SyncBody>{body}</SyncBody></SyncML>");

    [Fact]
    public void Item_data_keeps_its_CR_LF_line_ends_byte_for_byte()
    {
        var (root, _) = SyncMLXmlCodec.Decode(Doc("<Add><Item><Data><![CDATA[BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n]]></Data></Item></Add>"));
        var data = root.Child("SyncBody")!.Child("Add")!.Child("Item")!.ChildText("Data");
        Assert.Equal("BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n", data);
    }

    [Fact]
    public void Text_with_CR_LF_survives_encode_then_decode()
    {
        var root = new SyncMLElement("SyncML", SyncMLNamespaces.SyncML12);
        root.Add(new SyncMLElement("SyncHdr")).AddText("VerDTD", "1.2");
        root.Add(new SyncMLElement("SyncBody")).AddText("Data", "a\r\nb <&> \"c\"\r\n");
        var (back, version) = SyncMLXmlCodec.Decode(SyncMLXmlCodec.Encode(root, SyncMLVersion.V12));
        Assert.Equal(SyncMLVersion.V12, version);
        Assert.Equal("a\r\nb <&> \"c\"\r\n", back.Child("SyncBody")!.ChildText("Data"));
    }

    [Theory]
    [InlineData("SYNCML:SYNCML1.0", "1.0", SyncMLVersion.V10)]
    [InlineData("SYNCML:SYNCML1.1", "1.1", SyncMLVersion.V11)]
    [InlineData("SYNCML:SYNCML1.2", "1.2", SyncMLVersion.V12)]
    public void The_version_comes_from_VerDTD_and_namespace(string ns, string dtd, SyncMLVersion expected)
    {
        var xml = $"<SyncML xmlns='{ns}'><SyncHdr><VerDTD>{dtd}</VerDTD></SyncHdr><SyncBody/></SyncML>";
        Assert.Equal(expected, SyncMLXmlCodec.Decode(Encoding.UTF8.GetBytes(xml)).Version);
    }

    [Fact]
    public void Meta_children_carry_the_MetInf_namespace_where_it_changes()
    {
        var (root, _) = SyncMLXmlCodec.Decode(Doc("<Alert><Meta><Type xmlns='syncml:metinf'>text/x-vcard</Type></Meta></Alert>"));
        var type = root.Child("SyncBody")!.Child("Alert")!.Child("Meta")!.Child("Type")!;
        Assert.Equal(SyncMLNamespaces.MetInf, type.Namespace);
        Assert.Null(root.Child("SyncBody")!.Namespace);
    }

    [Theory]
    [InlineData("<!DOCTYPE SyncML [<!ENTITY e 'x'>]><SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr><VerDTD>&e;</VerDTD></SyncHdr></SyncML>")]
    [InlineData("<!DOCTYPE SyncML [<!ENTITY e SYSTEM 'file:///etc/hostname'>]><SyncML><SyncHdr><VerDTD>&e;</VerDTD></SyncHdr></SyncML>")]
    [InlineData("<SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr>")]
    [InlineData("<SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr><VerDTD>1.2</VerDTD>text<Target/></SyncHdr></SyncML>")]
    [InlineData("<Other/>")]
    [InlineData("<SyncML xmlns='urn:nothing'><SyncHdr><VerDTD>9.9</VerDTD></SyncHdr></SyncML>")]
    public void Bad_documents_are_refused_with_the_codec_exception(string xml)
    {
        Assert.Throws<SyncMLXmlException>(() => SyncMLXmlCodec.Decode(Encoding.UTF8.GetBytes(xml)));
    }

    [Fact]
    public void A_document_nested_past_the_limit_is_refused_as_too_deep()
    {
        var deep = string.Concat(Enumerable.Repeat("<Item>", 40)) + string.Concat(Enumerable.Repeat("</Item>", 40));
        var e = Assert.Throws<SyncMLXmlException>(() => SyncMLXmlCodec.Decode(Doc(deep)));
        Assert.Equal(SyncMLXmlError.DepthExceeded, e.Reason);
    }

    [Fact]
    public void Every_truncation_of_a_valid_document_is_refused_with_the_codec_exception()
    {
        var doc = Doc("<Alert><CmdID>1</CmdID><Data>200</Data></Alert><Final/>");
        for (var cut = 0; cut < doc.Length - 1; cut++)
        {
            Assert.Throws<SyncMLXmlException>(() => SyncMLXmlCodec.Decode(doc.AsSpan(0, cut)));
        }
    }
}
