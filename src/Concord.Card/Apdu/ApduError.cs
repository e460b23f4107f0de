namespace Concord.Card.Apdu;

/// <summary>
/// Why bytes were not a well-formed APDU. The card answers every one of them with 6700 (wrong length), the only
/// status ISO/IEC 7816-4 gives for a body whose lengths do not add up.
/// </summary>
public enum ApduError
{
    /// <summary>Fewer than four header bytes (a command) or two status bytes (a response).</summary>
    TooShort,

    /// <summary>Lc says more or fewer data bytes than the APDU carries.</summary>
    LengthMismatch,

    /// <summary>An extended-length APDU (byte 5 is 00 and more follows); this card takes short APDUs only.</summary>
    ExtendedLength,

    /// <summary>More than 255 data bytes or more than 256 expected bytes for a short APDU.</summary>
    TooLong,
}
