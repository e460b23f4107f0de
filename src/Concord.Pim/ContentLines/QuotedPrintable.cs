using System.Buffers;
using System.Text;

namespace Concord.Pim.ContentLines;

/// <summary>QUOTED-PRINTABLE (RFC 2045 §6.7) as vCard 2.1 and vCalendar 1.0 use it.</summary>
public static class QuotedPrintable
{
    /// <summary>
    /// Decodes <paramref name="source"/> into <paramref name="destination"/> (at least as long as the source);
    /// soft line breaks are dropped. Returns false at the first '=' that is not followed by two hex digits, with
    /// <paramref name="written"/> set to that '=''s index, unless <paramref name="lenient"/> keeps it literally.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, bool lenient, out int written)
    {
        var w = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c != '=')
            {
                destination[w++] = c;
                continue;
            }
            if (i + 2 < source.Length && IsHex(source[i + 1]) && IsHex(source[i + 2]))
            {
                destination[w++] = (byte)((FromHex(source[i + 1]) << 4) | FromHex(source[i + 2]));
                i += 2;
            }
            else if (i == source.Length - 1)
            {
                // a soft line break left at the very end
            }
            else if (source[i + 1] is (byte)'\r' or (byte)'\n')
            {
                i++;
                if (source[i] == '\r' && i + 1 < source.Length && source[i + 1] == '\n') i++;
            }
            else if (lenient)
            {
                destination[w++] = c;
            }
            else
            {
                written = i;
                return false;
            }
        }
        written = w;
        return true;
    }

    /// <summary>Decodes to bytes, keeping malformed escapes literally.</summary>
    public static byte[] Decode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = Encoding.UTF8.GetBytes(value);
        var buffer = new byte[bytes.Length];
        TryDecode(bytes, buffer, lenient: true, out var written);
        return buffer.AsSpan(0, written).ToArray();
    }

    /// <summary>
    /// Encodes bytes as QUOTED-PRINTABLE, with soft line breaks so that no physical line is longer than 76
    /// characters; <paramref name="firstLineUsed"/> is what the line's name and parameters already take.
    /// </summary>
    public static void Encode(ReadOnlySpan<byte> value, IBufferWriter<byte> output, int firstLineUsed)
    {
        ArgumentNullException.ThrowIfNull(output);
        const int max = 76;
        var column = firstLineUsed;
        Span<byte> token = stackalloc byte[3];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            int length;
            // RFC 2045 rule 3: white space before a line break or at the end must be encoded.
            var literal = c is >= 33 and <= 126 and not (byte)'='
                || (c is (byte)' ' or (byte)'\t' && i + 1 < value.Length && value[i + 1] is not ((byte)'\r' or (byte)'\n'));
            if (literal)
            {
                token[0] = c;
                length = 1;
            }
            else
            {
                token[0] = (byte)'=';
                token[1] = Hex(c >> 4);
                token[2] = Hex(c & 0xF);
                length = 3;
            }
            if (column + length > max - 1)
            {
                output.Write("=\r\n"u8);
                column = 0;
            }
            output.Write(token[..length]);
            column += length;
        }
    }

    private static bool IsHex(byte c) => char.IsAsciiHexDigit((char)c);

    private static int FromHex(byte c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static byte Hex(int n) => (byte)(n < 10 ? '0' + n : 'A' + n - 10);
}
