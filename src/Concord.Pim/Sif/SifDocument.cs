using System.Text;
using System.Xml;
using Concord.Pim.Documents;

namespace Concord.Pim.Sif;

/// <summary>
/// The flat XML of a SIF item (Funambol/Sync4j: text/x-s4j-sifc, -sife, -sift, -sifn): a root element (contact,
/// appointment, task, note) holding one element per field. Read with DTDs off and a size bound; elements this
/// codec does not map are kept as X-SIF-name properties (complex ones as X-SIF-XML-name) and written back.
/// </summary>
public sealed class SifDocument
{
    /// <summary>Largest SIF item read, in characters.</summary>
    public const int MaxChars = 4 * 1024 * 1024;

    private SifDocument(string root, List<(string Name, string Value, bool Xml)> fields)
    {
        Root = root;
        Fields = fields;
    }

    /// <summary>The root element's name.</summary>
    public string Root { get; }

    /// <summary>The fields in document order: name, text (or inner XML when <c>Xml</c>).</summary>
    public List<(string Name, string Value, bool Xml)> Fields { get; }

    /// <summary>The text of the first field named <paramref name="name"/>, or null when absent or empty.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var f in Fields)
            {
                if (f.Name == name) return f.Value.Length == 0 ? null : f.Value;
            }
            return null;
        }
    }

    /// <summary>Reads a SIF item whose root is <paramref name="root"/>.</summary>
    /// <exception cref="PimFormatException">The XML is malformed, too large, or has another root.</exception>
    public static SifDocument Read(string xml, string root)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Length > MaxChars) throw new PimFormatException(PimError.ItemTooLarge, 0, Errors.ItemTooLarge(xml.Length, MaxChars));
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxChars,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        var fields = new List<(string, string, bool)>();
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            reader.MoveToContent();
            if (reader.LocalName != root) throw new PimFormatException(PimError.UnsupportedFormat, 0, Errors.BadSif($"the root is <{reader.LocalName}>, expected <{root}>"));
            if (reader.IsEmptyElement) return new SifDocument(root, fields);
            reader.Read();
            while (!reader.EOF && reader.NodeType != XmlNodeType.EndElement)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }
                var name = reader.LocalName;
                var inner = reader.ReadInnerXml();
                var complex = inner.Contains('<', StringComparison.Ordinal);
                fields.Add((name, complex ? inner.Trim() : Decode(inner), complex));
            }
        }
        catch (XmlException e)
        {
            throw new PimFormatException(PimError.BadValue, e.LinePosition, Errors.BadSif(e.Message), e);
        }
        return new SifDocument(root, fields);
    }

    /// <summary>Writes a SIF item: the XML declaration, the root, SIFVersion 1.1 and the fields in order.</summary>
    public static string Write(string root, IEnumerable<(string Name, string Value, bool Xml)> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").Append(root).Append(">\n<SIFVersion>1.1</SIFVersion>\n");
        foreach (var (name, value, xml) in fields)
        {
            if (name == "SIFVersion" || !IsName(name)) continue;
            sb.Append('<').Append(name).Append('>');
            sb.Append(xml ? value : Encode(value));
            sb.Append("</").Append(name).Append(">\n");
        }
        return sb.Append("</").Append(root).Append(">\n").ToString();
    }

    /// <summary>Fields not mapped by the codec, to keep on the item as X-SIF-name properties.</summary>
    public IEnumerable<PimProperty> Unmapped(ISet<string> mapped)
    {
        ArgumentNullException.ThrowIfNull(mapped);
        foreach (var (name, value, xml) in Fields)
        {
            if (mapped.Contains(name) || name == "SIFVersion") continue;
            yield return new PimProperty((xml ? "X-SIF-XML-" : "X-SIF-") + name, PimText.Escape(value, PimFormat.ICalendar20));
        }
    }

    /// <summary>The X-SIF properties of an item, as fields to write back.</summary>
    public static IEnumerable<(string, string, bool)> Kept(IEnumerable<PimProperty> properties, PimFormat format)
    {
        ArgumentNullException.ThrowIfNull(properties);
        foreach (var p in properties)
        {
            if (p.Name.StartsWith("X-SIF-XML-", StringComparison.OrdinalIgnoreCase)) yield return (p.Name[10..], PimText.Unescape(p.Value, format), true);
            else if (p.Name.StartsWith("X-SIF-", StringComparison.OrdinalIgnoreCase)) yield return (p.Name[6..], PimText.Unescape(p.Value, format), false);
        }
    }

    // SIF bodies carry CRLF line breaks; the models use LF.
    private static string Decode(string inner) =>
        System.Net.WebUtility.HtmlDecode(inner).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\n': sb.Append("\r\n"); break;
                default:
                    if (c >= 0x20 || c == '\t') sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    private static bool IsName(string name) => name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
