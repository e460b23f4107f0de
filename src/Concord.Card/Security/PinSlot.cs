namespace Concord.Card.Security;

/// <summary>
/// One secret as the data area keeps it (docs/card.md, "EEPROM image"): the 8-byte value (ASCII digits padded with
/// FF, TS 102 221 §9.5.2), tries left, tries allowed, and whether it is enabled.
/// </summary>
internal readonly record struct PinSlot(byte[] Value, int TriesLeft, int MaxTries, bool Enabled)
{
    public const int ValueLength = 8;
    public const int TriesOffset = 8;
    public const int MaxOffset = 9;
    public const int FlagsOffset = 10;

    public bool Blocked => TriesLeft == 0;

    public static PinSlot Read(ReadOnlySpan<byte> slot) =>
        new(slot[..ValueLength].ToArray(), slot[TriesOffset], slot[MaxOffset], (slot[FlagsOffset] & 1) != 0);

    public void WriteTo(Span<byte> slot)
    {
        Value.CopyTo(slot);
        slot[TriesOffset] = (byte)TriesLeft;
        slot[MaxOffset] = (byte)MaxTries;
        slot[FlagsOffset] = (byte)(Enabled ? 1 : 0);
    }

    /// <summary>The 8-byte form of a PIN string: ASCII digits padded with FF.</summary>
    /// <exception cref="ArgumentException">Not 4 to 8 digits.</exception>
    public static byte[] Encode(string pin, int minDigits = 4)
    {
        ArgumentNullException.ThrowIfNull(pin);
        if (pin.Length < minDigits || pin.Length > ValueLength || !pin.All(char.IsAsciiDigit))
            throw new ArgumentException(Errors.BadPin(pin.Length, minDigits), nameof(pin));
        var value = new byte[ValueLength];
        value.AsSpan().Fill(0xFF);
        for (var i = 0; i < pin.Length; i++) value[i] = (byte)pin[i];
        return value;
    }

    /// <summary>TS 102 221 §9.5.2: 4 to 8 ASCII digits, then FF to the end.</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> value)
    {
        if (value.Length != ValueLength) return false;
        var digits = value.IndexOf((byte)0xFF);
        if (digits < 0) digits = ValueLength;
        if (digits < 4) return false;
        foreach (var b in value[..digits])
            if (b is < (byte)'0' or > (byte)'9') return false;
        return !value[digits..].ContainsAnyExcept((byte)0xFF);
    }
}
