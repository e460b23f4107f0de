using System.Buffers;
using System.Text;
using Concord.Pim.ContentLines;

namespace Concord.Pim.Documents;

public static partial class PimDocument
{
    /// <summary>Writes an item in its own format (from its VERSION) as a string.</summary>
    public static string Write(PimComponent item)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        Write(item, buffer, charsetAppliesToRawValues: false);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Writes an item in its own format. With <paramref name="charsetAppliesToRawValues"/>, plain values are encoded
    /// in their CHARSET parameter's character set (bytes for the wire); otherwise in UTF-8.
    /// </summary>
    public static void Write(PimComponent item, IBufferWriter<byte> output, bool charsetAppliesToRawValues = true)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(output);
        var old = item.Format.IsOld();
        var writer = new ContentLineWriter(output, old);
        WriteComponent(writer, item, charsetAppliesToRawValues, old);
    }

    private static void WriteComponent(ContentLineWriter writer, PimComponent component, bool charsetApplies, bool old)
    {
        writer.WriteLine("BEGIN", component.Name);
        foreach (var p in component.Properties) WriteProperty(writer, p, charsetApplies, old);
        foreach (var c in component.Components) WriteComponent(writer, c, charsetApplies, old);
        writer.WriteLine("END", component.Name);
    }

    private static void WriteProperty(ContentLineWriter writer, PimProperty p, bool charsetApplies, bool old)
    {
        var encoding = p.Encoding;
        var value = p.Value;
        var hasBreak = encoding == ContentEncoding.None && value.AsSpan().IndexOfAny('\r', '\n') >= 0;
        if (hasBreak && !old)
        {
            // RFC 6350 §3.4 / RFC 5545 §3.3.11: a line break inside a value is written as \n.
            value = value.Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
                .Replace("\r", "\\n", StringComparison.Ordinal);
        }
        var charsetName = p.Param("CHARSET");
        var charset = charsetName is null ? Encoding.UTF8 : Charsets.Find(charsetName) ?? Encoding.UTF8;
        // A plain value with a line break cannot be written in vCard 2.1 / vCalendar 1.0 without QUOTED-PRINTABLE.
        var addQp = hasBreak && old;
        writer.WriteHead(p.Group, p.Name);
        foreach (var param in p.Parameters) writer.WriteParameter(param.Name, param.Value);
        if (addQp) writer.WriteParameter("ENCODING", "QUOTED-PRINTABLE");
        var valueEncoding = encoding == ContentEncoding.QuotedPrintable || addQp || (charsetApplies && charsetName is not null)
            ? charset : Encoding.UTF8;
        var count = valueEncoding.GetMaxByteCount(value.Length);
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(count, 1));
        try
        {
            var n = valueEncoding.GetBytes(value, rented);
            var bytes = rented.AsSpan(0, n);
            switch (encoding)
            {
                case ContentEncoding.QuotedPrintable:
                    writer.WriteQuotedPrintable(bytes);
                    break;
                case ContentEncoding.Base64:
                    writer.WriteBase64(bytes);
                    break;
                default:
                    if (addQp) writer.WriteQuotedPrintable(bytes);
                    else writer.WriteValue(bytes);
                    break;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
