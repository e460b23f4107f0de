namespace Concord.Card.Text;

/// <summary>How an alpha identifier is coded (TS 102 221 Annex A; TS 51.011 Annex B).</summary>
public enum AlphaFormat
{
    /// <summary>GSM 7-bit default alphabet, one byte per character, bit 8 zero, escapes for the extension table.</summary>
    Gsm,

    /// <summary>0x80 then UCS2 big-endian characters.</summary>
    Ucs2,

    /// <summary>
    /// 0x81, a character count, one byte giving bits 15 to 8 of a base (bit 16 and bits 7 to 1 zero), then one byte per
    /// character: below 0x80 a default-alphabet character, else the base plus the low 7 bits.
    /// </summary>
    Ucs2Base81,

    /// <summary>0x82, a character count, a 16-bit base, then one byte per character as for 0x81.</summary>
    Ucs2Base82,
}
