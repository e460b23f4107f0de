using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Concord.Pim.ContentLines;

namespace Concord.Pim.Documents;

public static partial class PimDocument
{
    // One property from the reader's current line: parameters as written, value with its transfer encoding undone.
    private static PimProperty ReadProperty(ref ContentLineReader reader, ContentLineReaderOptions options)
    {
        var parameters = new List<PimParameter>();
        string? charset = null;
        var p = reader.GetParameters();
        while (p.Read())
        {
            var name = Encoding.UTF8.GetString(p.Name);
            if (!p.HasValue)
            {
                parameters.Add(new PimParameter(name, null));
                continue;
            }
            var value = Encoding.UTF8.GetString(p.Value);
            parameters.Add(new PimParameter(name, value));
            if (name.Equals("CHARSET", StringComparison.OrdinalIgnoreCase)) charset = value;
        }
        var group = reader.Group.IsEmpty ? null : Encoding.UTF8.GetString(reader.Group);
        var text = DecodeValue(ref reader, charset, options);
        return new PimProperty(Encoding.UTF8.GetString(reader.Name), text, parameters, group);
    }

    private static string DecodeValue(ref ContentLineReader reader, string? charset, ContentLineReaderOptions options)
    {
        var raw = reader.Value;
        var offset = reader.LineOffset;
        Encoding? declared = null;
        if (charset is not null)
        {
            declared = Charsets.Find(charset)
                ?? throw new PimFormatException(PimError.UnsupportedCharset, offset, Errors.UnsupportedCharset(offset, charset));
        }
        switch (reader.Encoding)
        {
            case ContentEncoding.QuotedPrintable:
                var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(raw.Length, 1));
                try
                {
                    if (!QuotedPrintable.TryDecode(raw, buffer, options.LenientQuotedPrintable, out var written))
                    {
                        var bad = raw[written..Math.Min(raw.Length, written + 3)];
                        throw new PimFormatException(PimError.BadQuotedPrintable, offset,
                            Errors.BadQuotedPrintable(offset, Encoding.UTF8.GetString(bad[1..])));
                    }
                    var bytes = buffer.AsSpan(0, written);
                    return declared is null ? Charsets.DecodeUndeclared(bytes) : declared.GetString(bytes);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            case ContentEncoding.Base64 or ContentEncoding.B:
                if (!Base64.IsValid(raw))
                {
                    throw new PimFormatException(PimError.BadBase64, offset, Errors.BadBase64(offset, Encoding.UTF8.GetString(reader.Name)));
                }
                return StripWhiteSpace(raw);
            default:
                if (declared is not null && options.CharsetAppliesToRawValues) return declared.GetString(raw);
                return Charsets.DecodeUndeclared(raw);
        }
    }

    private static string StripWhiteSpace(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOfAny(" \t\r\n"u8) < 0) return Encoding.ASCII.GetString(raw);
        var chars = new char[raw.Length];
        var n = 0;
        foreach (var b in raw)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) chars[n++] = (char)b;
        }
        return new string(chars, 0, n);
    }
}
