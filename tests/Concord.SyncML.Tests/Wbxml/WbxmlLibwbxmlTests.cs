using System.Text;
using Concord.SyncML.Documents;
using Concord.SyncML.Wbxml;
using static Concord.SyncML.Tests.Wbxml.Libwbxml;

namespace Concord.SyncML.Tests.Wbxml;

/// <summary>
/// Cross-checks against libwbxml 0.11 (xml2wbxml, wbxml2xml) in both directions on the same messages.
/// </summary>
public class WbxmlLibwbxmlTests
{
    public static TheoryData<string, SyncMLVersion> Files => new()
    {
        { "syncml10-client-init.xml", SyncMLVersion.V10 },
        { "syncml10-server-sync.xml", SyncMLVersion.V10 },
        { "syncml11-client-init.xml", SyncMLVersion.V11 },
        { "syncml11-server-sync.xml", SyncMLVersion.V11 },
        { "syncml12-client-init.xml", SyncMLVersion.V12 },
        { "syncml12-server-sync.xml", SyncMLVersion.V12 },
    };

    public static IEnumerable<object[]> FilesAndFlags() =>
        from row in Files
        from flag in new[] { "", "-n", "-k" }  // string table (STR_T); none; ignorable whitespace kept
        select new object[] { row[0], row[1], flag };

    [Theory]
    [MemberData(nameof(FilesAndFlags))]
    public void What_xml2wbxml_writes_decodes_to_the_tree_the_XML_describes(
        string file, SyncMLVersion version, string flag)
    {
        var wbxml = XmlToWbxml(TestData(file), flag.Length > 0 ? [flag] : []);
        var (root, decodedVersion) = WbxmlCodec.Decode(wbxml);
        Assert.Equal(version, decodedVersion);
        TreeAssert.Equivalent(ReadTreeFile(TestData(file)), root);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void What_we_encode_wbxml2xml_reads_as_the_same_tree(string file, SyncMLVersion version)
    {
        var tree = ReadTreeFile(TestData(file));
        var xml = WbxmlToXml(WbxmlCodec.Encode(tree, version));
        TreeAssert.Equivalent(tree, ReadTree(xml));
    }

    [Theory]
    [MemberData(nameof(SyncMLSamples.Versions), MemberType = typeof(SyncMLSamples))]
    public void The_sample_messages_read_back_through_wbxml2xml(SyncMLVersion version)
    {
        foreach (var tree in new[] { SyncMLSamples.ClientInit(version), SyncMLSamples.ClientMap(version) })
            TreeAssert.Equivalent(tree, ReadTree(WbxmlToXml(WbxmlCodec.Encode(tree, version))));
    }

    [Theory]
    [MemberData(nameof(SyncMLSamples.Versions), MemberType = typeof(SyncMLSamples))]
    public void Every_tag_token_agrees_with_libwbxml_in_both_directions(SyncMLVersion version)
    {
        // libwbxml's 1.0/1.1 tables stop at MoreData (plus Nokia's SourceParent), MaxObjSize, SupportLargeObjs.
        var v12 = version == SyncMLVersion.V12;
        var syncML = SyncMLCodePages.SyncML.Tags
            .Where(t => t.Name is not ("SyncML" or "SyncHdr" or "SyncBody" or "VerDTD"))
            .Where(t => v12 || t.Token <= 0x34 || t.Name == "SourceParent").Select(t => t.Name).ToList();
        var metInf = SyncMLCodePages.MetInf.Tags.Where(t => v12 || t.Token <= 0x15).Select(t => t.Name).ToList();
        var devInf = SyncMLCodePages.DevInf(version).Tags
            .Where(t => t.Name != "DevInf" && (v12 || t.Token <= 0x2A)).Select(t => t.Name).ToList();

        var xml = new StringBuilder()
            .Append($"<SyncML xmlns=\"{version.Namespace()}\">")
            .Append($"<SyncHdr><VerDTD>{version.VerDtd()}</VerDTD></SyncHdr><SyncBody>")
            .AppendJoin("", syncML.Select(n => $"<{n}/>"))
            .Append("<Meta>").AppendJoin("", metInf.Select(n => $"<{n} xmlns=\"syncml:metinf\"/>")).Append("</Meta>")
            .Append("<Put><Meta><Type xmlns=\"syncml:metinf\">application/vnd.syncml-devinf+xml</Type></Meta>")
            .Append("<Item><Data>")
            .Append("<DevInf xmlns=\"syncml:devinf\">").AppendJoin("", devInf.Select(n => $"<{n}/>"))
            .Append("</DevInf></Data></Item></Put></SyncBody></SyncML>").ToString();

        var directory = Directory.CreateTempSubdirectory("concord-wbxml-");
        try
        {
            var path = Path.Combine(directory.FullName, "all-tags.xml");
            File.WriteAllText(path, xml);
            var tree = ReadTree(xml);

            var fromLibwbxml = WbxmlCodec.Decode(XmlToWbxml(path, "-n")).Root;
            TreeAssert.Equal(tree, fromLibwbxml);
            var body = fromLibwbxml.Child("SyncBody")!;
            Assert.Equal(syncML, body.Children.Take(syncML.Count).Select(c => c.Name));
            Assert.Equal(metInf, body.Children[^2].Children.Select(c => c.Name));
            var put = body.Children[^1];
            Assert.Equal(devInf, put.Child("Item")!.Child("Data")!.Child("DevInf")!.Children.Select(c => c.Name));

            TreeAssert.Equal(tree, ReadTree(WbxmlToXml(WbxmlCodec.Encode(tree, version))));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
