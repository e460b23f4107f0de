using System.Text;

namespace Concord.Pim.ContentLines;

/// <summary>Decodes QUOTED-PRINTABLE values (RFC 2045 §6.7) as vCard 2.1 and vCalendar 1.0 use them.</summary>
public static class QuotedPrintable
{
    /// <summary>Decodes to bytes; malformed escapes are kept literally rather than dropped.</summary>
    public static byte[] Decode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '=' && i + 2 < value.Length
                && Uri.IsHexDigit(value[i + 1]) && Uri.IsHexDigit(value[i + 2]))
            {
                bytes.Add((byte)((Uri.FromHex(value[i + 1]) << 4) | Uri.FromHex(value[i + 2])));
                i += 2;
            }
            else if (c == '=' && i == value.Length - 1)
            {
                // a soft line break left at the very end
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }
        return [.. bytes];
    }
}
