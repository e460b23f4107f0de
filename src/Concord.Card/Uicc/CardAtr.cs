namespace Concord.Card.Uicc;

/// <summary>
/// The answer to reset (ISO/IEC 7816-3 §8, TS 102 221 §6.3): direct convention, T=0, the UICC's global interface
/// byte (clock stop, classes A, B and C), and historical bytes naming the card.
/// </summary>
public static class CardAtr
{
    /// <summary>The ATR bytes, TCK included.</summary>
    public static ReadOnlyMemory<byte> Bytes { get; } = Build();

    private static byte[] Build()
    {
        // Historical bytes (ISO/IEC 7816-4 §8.1.1): category 80, then compact-TLV: card service data (31 E0),
        // card capabilities (73 FE 21 00: 7816-4 table 87), card issuer's data (5x) "Concord".
        byte[] historical = [0x80, 0x31, 0xE0, 0x73, 0xFE, 0x21, 0x00, 0x57, .."Concord"u8];
        var atr = new List<byte>
        {
            0x3B,                                   // TS: direct convention
            (byte)(0x80 | historical.Length),       // T0: TD1 follows, K historical bytes
            0x80,                                   // TD1: TD2 follows, T=0
            0x1F,                                   // TD2: TA3 follows, T=15 (global bytes)
            0xC7,                                   // TA3: clock stop either level; classes A, B and C
        };
        atr.AddRange(historical);

        // ISO/IEC 7816-3 §8.2.5: TCK makes the XOR of T0 to TCK zero; present because T=15 is indicated.
        byte tck = 0;
        for (var i = 1; i < atr.Count; i++) tck ^= atr[i];
        atr.Add(tck);
        return [.. atr];
    }
}
