using System.Text;

namespace Concord.Card.Phonebook;

/// <summary>
/// A dialling number as EF_ADN stores it (TS 31.102 §4.4.2.3, TS 24.008 §10.5.4.7): a TON/NPI byte and
/// semi-octet BCD digits, low nibble first, F as filler. '+' at the front means TON international.
/// </summary>
public static class DiallingNumber
{
    /// <summary>TON/NPI for a number of unknown type on the ISDN/telephony plan (E.164): bit 8 set, TON 000, NPI 0001.</summary>
    public const byte Unknown = 0x81;

    /// <summary>TON/NPI for an international number (TON 001) on the ISDN/telephony plan.</summary>
    public const byte International = 0x91;

    /// <summary>Characters people put in numbers that carry no digit; writing drops them.</summary>
    private const string Separators = " -().";

    /// <summary>
    /// Encodes <paramref name="number"/> as TON/NPI and BCD bytes. Digits, '*', '#', a pause ('p', 'P' or ',': the
    /// DTMF control separator C) and a wild '?' (D) are kept; spaces, dashes, dots and parentheses are dropped.
    /// </summary>
    /// <returns>False, with nothing written, when the number holds anything else or has no digit at all.</returns>
    public static bool TryEncode(string number, out byte tonNpi, out byte[] bcd)
    {
        ArgumentNullException.ThrowIfNull(number);
        tonNpi = Unknown;
        bcd = [];
        var text = number.AsSpan().Trim();
        if (text.StartsWith("+"))
        {
            tonNpi = International;
            text = text[1..];
        }

        var nibbles = new List<byte>(text.Length);
        foreach (var c in text)
        {
            if (Separators.Contains(c, StringComparison.Ordinal)) continue;
            var nibble = NibbleOf(c);
            if (nibble < 0) return false;
            nibbles.Add((byte)nibble);
        }

        if (nibbles.Count == 0) return false;
        var packed = new byte[(nibbles.Count + 1) / 2];
        for (var i = 0; i < packed.Length; i++)
        {
            var low = nibbles[2 * i];
            var high = 2 * i + 1 < nibbles.Count ? nibbles[(2 * i) + 1] : 0x0F;
            packed[i] = (byte)((high << 4) | low);
        }
        bcd = packed;
        return true;
    }

    private static int NibbleOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        '*' => 0xA,
        '#' => 0xB,
        'p' or 'P' or ',' => 0xC,
        '?' => 0xD,
        _ => -1,
    };

    /// <summary>Decodes TON/NPI and BCD bytes; the first F nibble ends the digits, an E nibble reads as nothing.</summary>
    public static string Decode(byte tonNpi, ReadOnlySpan<byte> bcd)
    {
        var text = new StringBuilder((bcd.Length * 2) + 1);
        if (((tonNpi >> 4) & 0x07) == 0x01) text.Append('+');
        AppendDigits(text, bcd);
        return text.ToString();
    }

    /// <summary>Appends the digits of <paramref name="bcd"/> up to the first F nibble; false if it met one.</summary>
    internal static bool AppendDigits(StringBuilder text, ReadOnlySpan<byte> bcd)
    {
        foreach (var b in bcd)
        {
            foreach (var nibble in (ReadOnlySpan<int>)[b & 0x0F, b >> 4])
            {
                if (nibble == 0x0F) return false;
                var c = nibble switch
                {
                    < 10 => (char)('0' + nibble),
                    0xA => '*',
                    0xB => '#',
                    0xC => 'p',
                    0xD => '?',
                    _ => '\0',  // E: RFU ("expansion"), read as nothing
                };
                if (c != '\0') text.Append(c);
            }
        }
        return true;
    }
}
