using System.Buffers;
using System.Text;
using System.Xml;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Xml;

/// <summary>
/// Reads and writes SyncML documents in XML (<c>application/vnd.syncml+xml</c>, SyncML RepPro §5) to and from the
/// <see cref="SyncMLElement"/> tree. DTDs are ignored and never resolved, so declared or external entities are
/// refused as undeclared; depth and size are bounded.
/// </summary>
public static class SyncMLXmlCodec
{
    /// <summary>Decodes a SyncML XML document.</summary>
    /// <exception cref="SyncMLXmlException">The document is malformed, too large, too deep or not SyncML.</exception>
    public static (SyncMLElement Root, SyncMLVersion Version) Decode(ReadOnlySpan<byte> xml, SyncMLXmlOptions? options = null)
    {
        options ??= SyncMLXmlOptions.Default;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = false,
            CloseInput = true,
        };
        var stack = new Stack<(SyncMLElement Element, string Ns, StringBuilder? Text)>();
        SyncMLElement? root = null;
        var bytes = xml.ToArray();
        if (bytes.LongLength > options.MaxCharacters)
        {
            throw new SyncMLXmlException(SyncMLXmlError.TooLarge, 0, 0, Errors.XmlMalformed($"the document is {bytes.LongLength} bytes, above the limit of {options.MaxCharacters}"));
        }
        using var stream = new MemoryStream(bytes, writable: false);
        // XmlTextReader without normalization keeps CR LF as sent: item data (vCard lines, chunk sizes counted in
        // bytes by the sender) must arrive byte for byte, where a normalizing parser would turn CR LF into LF.
#pragma warning disable CA3075 // DTDs are ignored and no resolver is set, below
        using var text = new XmlTextReader(stream)
        {
            Normalization = false,
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            WhitespaceHandling = WhitespaceHandling.All,
        };
#pragma warning restore CA3075
        using var reader = XmlReader.Create(text, settings);
        var info = (IXmlLineInfo)reader;
        try
        {
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (stack.Count >= options.MaxDepth)
                        {
                            throw new SyncMLXmlException(SyncMLXmlError.DepthExceeded, info.LineNumber, info.LinePosition,
                                Errors.XmlTooDeep(options.MaxDepth, info.LineNumber, info.LinePosition));
                        }
                        var ns = reader.NamespaceURI;
                        var parentNs = stack.Count > 0 ? stack.Peek().Ns : "";
                        var element = new SyncMLElement(reader.LocalName,
                            stack.Count == 0 || !string.Equals(ns, parentNs, StringComparison.OrdinalIgnoreCase) ? NullIfEmpty(ns) : null);
                        if (stack.Count > 0)
                        {
                            var parent = stack.Peek();
                            if (parent.Text is { } t && t.ToString().Trim().Length > 0)
                            {
                                throw new SyncMLXmlException(SyncMLXmlError.Unsupported, info.LineNumber, info.LinePosition,
                                    Errors.XmlMixedContent(parent.Element.Name, info.LineNumber, info.LinePosition));
                            }
                            parent.Element.Children.Add(element);
                        }
                        else
                        {
                            root = element;
                        }
                        if (reader.IsEmptyElement) break;
                        stack.Push((element, ns, null));
                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.SignificantWhitespace:
                    case XmlNodeType.Whitespace:
                        if (stack.Count == 0) break;
                        var top = stack.Pop();
                        top.Text ??= new StringBuilder();
                        top.Text.Append(reader.Value);
                        stack.Push(top);
                        break;
                    case XmlNodeType.EndElement:
                        var done = stack.Pop();
                        if (done.Element.ChildCount == 0 && done.Text is not null) done.Element.Text = done.Text.ToString();
                        break;
                    case XmlNodeType.EntityReference:
                        throw new SyncMLXmlException(SyncMLXmlError.Unsupported, info.LineNumber, info.LinePosition,
                            Errors.XmlEntity(reader.Name, info.LineNumber, info.LinePosition));
                }
            }
        }
        catch (XmlException e)
        {
            var reason = e.Message.Contains("MaxCharacters", StringComparison.Ordinal) ? SyncMLXmlError.TooLarge : SyncMLXmlError.Malformed;
            throw new SyncMLXmlException(reason, e.LineNumber, e.LinePosition, Errors.XmlMalformed(e.Message), e);
        }
        if (root is null || root.Name != "SyncML")
        {
            throw new SyncMLXmlException(SyncMLXmlError.NotSyncML, 1, 1, Errors.XmlNotSyncML(root?.Name));
        }
        var version = VersionOf(root)
            ?? throw new SyncMLXmlException(SyncMLXmlError.NotSyncML, 1, 1, Errors.XmlUnknownVersion(root.Namespace,
                root.Child("SyncHdr")?.ChildText("VerDTD")));
        return (root, version);
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static SyncMLVersion? VersionOf(SyncMLElement root)
    {
        var byDtd = SyncMLVersionExtensions.ParseVersion(root.Child("SyncHdr")?.ChildText("VerDTD"));
        if (byDtd is not null) return byDtd;
        return root.Namespace?.ToUpperInvariant() switch
        {
            SyncMLNamespaces.SyncML10 => SyncMLVersion.V10,
            SyncMLNamespaces.SyncML11 => SyncMLVersion.V11,
            SyncMLNamespaces.SyncML12 => SyncMLVersion.V12,
            _ => null,
        };
    }

    /// <summary>Encodes a SyncML document as UTF-8 XML.</summary>
    public static byte[] Encode(SyncMLElement root, SyncMLVersion version)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Encode(root, version, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Encodes a SyncML document as UTF-8 XML into a buffer.</summary>
    public static void Encode(SyncMLElement root, SyncMLVersion version, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(output);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = false,
            NewLineHandling = NewLineHandling.Entitize,
            OmitXmlDeclaration = false,
            CheckCharacters = false,
        };
        using var stream = new BufferWriterStream(output);
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartDocument();
            WriteElement(writer, root, version.Namespace());
            writer.WriteEndDocument();
        }
    }

    /// <summary>Writes one element (such as a DevInf) as an XML fragment, without a declaration.</summary>
    public static string EncodeFragment(SyncMLElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, NewLineHandling = NewLineHandling.Entitize, CheckCharacters = false };
        using (var writer = XmlWriter.Create(sb, settings))
        {
            WriteElement(writer, element, element.Namespace ?? "");
        }
        return sb.ToString();
    }

    private static void WriteElement(XmlWriter writer, SyncMLElement e, string ns)
    {
        var effective = e.Namespace ?? ns;
        writer.WriteStartElement(e.Name, effective);
        if (e.Text is { } text)
        {
            writer.WriteString(SanitizeForXml(text));
        }
        else if (e.Opaque is { } opaque)
        {
            writer.WriteString(SanitizeForXml(Encoding.UTF8.GetString(opaque.Span)));
        }
        foreach (var child in e.ChildSpan) WriteElement(writer, child, effective);
        writer.WriteEndElement();
    }

    // XML 1.0 cannot carry most C0 controls even as character references; drop them rather than emit an
    // unreadable document. Item content that needs them travels base64 (b64 Format) at the layer above.
    private static string SanitizeForXml(string s)
    {
        foreach (var c in s)
        {
            if (c < 0x20 && c is not ('\t' or '\n' or '\r')) return new string(s.Where(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r').ToArray());
        }
        return s;
    }
}
