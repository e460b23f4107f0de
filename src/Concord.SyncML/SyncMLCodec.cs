using System.Buffers;
using Concord.SyncML.Documents;
using Concord.SyncML.Wbxml;
using Concord.SyncML.Xml;

namespace Concord.SyncML;

/// <summary>Picks the XML or WBXML codec by content type, and sniffs the body when the type says nothing.</summary>
public static class SyncMLCodec
{
    /// <summary>The MIME type of SyncML XML.</summary>
    public const string XmlContentType = "application/vnd.syncml+xml";

    /// <summary>The MIME type of SyncML WBXML.</summary>
    public const string WbxmlContentType = "application/vnd.syncml+wbxml";

    /// <summary>The encoding a request uses, or null when neither its type nor its first byte tells.</summary>
    public static SyncMLEncoding? Detect(string? contentType, ReadOnlySpan<byte> body)
    {
        if (contentType is not null)
        {
            if (contentType.Contains("wbxml", StringComparison.OrdinalIgnoreCase)) return SyncMLEncoding.Wbxml;
            if (contentType.Contains("xml", StringComparison.OrdinalIgnoreCase)) return SyncMLEncoding.Xml;
        }
        // WBXML 1.1-1.3 start with their version byte; XML with '<', a BOM or whitespace.
        return body switch
        {
            [0x01 or 0x02 or 0x03, ..] => SyncMLEncoding.Wbxml,
            [(byte)'<', ..] or [0xEF, 0xBB, 0xBF, ..] or [(byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t', ..] => SyncMLEncoding.Xml,
            _ => null,
        };
    }

    /// <summary>The content type of an encoding.</summary>
    public static string ContentType(this SyncMLEncoding encoding) =>
        encoding == SyncMLEncoding.Wbxml ? WbxmlContentType : XmlContentType;

    /// <summary>Decodes a message in either encoding.</summary>
    /// <exception cref="SyncMLXmlException">Malformed XML.</exception>
    /// <exception cref="WbxmlException">Malformed WBXML.</exception>
    public static (SyncMLElement Root, SyncMLVersion Version) Decode(SyncMLEncoding encoding, ReadOnlySpan<byte> body) =>
        encoding == SyncMLEncoding.Wbxml ? WbxmlCodec.Decode(body) : SyncMLXmlCodec.Decode(body);

    /// <summary>Encodes a message in either encoding.</summary>
    public static byte[] Encode(SyncMLEncoding encoding, SyncMLElement root, SyncMLVersion version) =>
        encoding == SyncMLEncoding.Wbxml ? WbxmlCodec.Encode(root, version) : SyncMLXmlCodec.Encode(root, version);

    /// <summary>Encodes a message in either encoding into a buffer (one reused from message to message).</summary>
    public static void Encode(SyncMLEncoding encoding, SyncMLElement root, SyncMLVersion version, IBufferWriter<byte> output)
    {
        if (encoding == SyncMLEncoding.Wbxml) WbxmlCodec.Encode(root, version, output);
        else SyncMLXmlCodec.Encode(root, version, output);
    }
}
