namespace Concord.Card.Apdu;

/// <summary>
/// A status word SW1-SW2 (ISO/IEC 7816-4 §5.6, TS 102 221 §10.2): how a command ended.
/// </summary>
public readonly record struct StatusWord(ushort Value)
{
    /// <summary>9000: normal ending.</summary>
    public static readonly StatusWord Success = new(0x9000);

    /// <summary>6282: end of file reached before reading Ne bytes.</summary>
    public static readonly StatusWord EndOfFileReached = new(0x6282);

    /// <summary>6310: more data available (GetChanges pages, docs/card.md).</summary>
    public static readonly StatusWord MoreDataAvailable = new(0x6310);

    /// <summary>6700: wrong length (Lc or Le, or an APDU that is not a short APDU).</summary>
    public static readonly StatusWord WrongLength = new(0x6700);

    /// <summary>6881: logical channel not supported.</summary>
    public static readonly StatusWord LogicalChannelNotSupported = new(0x6881);

    /// <summary>6882: secure messaging not supported.</summary>
    public static readonly StatusWord SecureMessagingNotSupported = new(0x6882);

    /// <summary>6884: command chaining not supported.</summary>
    public static readonly StatusWord ChainingNotSupported = new(0x6884);

    /// <summary>6981: command incompatible with file structure.</summary>
    public static readonly StatusWord IncompatibleFileStructure = new(0x6981);

    /// <summary>6982: security status not satisfied (PIN not verified, or access NEVER).</summary>
    public static readonly StatusWord SecurityStatusNotSatisfied = new(0x6982);

    /// <summary>6983: authentication method blocked (PIN or PUK blocked).</summary>
    public static readonly StatusWord AuthenticationMethodBlocked = new(0x6983);

    /// <summary>6984: referenced data invalidated (the PIN is disabled).</summary>
    public static readonly StatusWord ReferenceDataInvalidated = new(0x6984);

    /// <summary>6985: conditions of use not satisfied.</summary>
    public static readonly StatusWord ConditionsNotSatisfied = new(0x6985);

    /// <summary>6986: command not allowed, no current EF.</summary>
    public static readonly StatusWord NoCurrentEf = new(0x6986);

    /// <summary>6A80: incorrect parameters in the data field.</summary>
    public static readonly StatusWord IncorrectData = new(0x6A80);

    /// <summary>6A82: file or application not found.</summary>
    public static readonly StatusWord FileNotFound = new(0x6A82);

    /// <summary>6A83: record not found.</summary>
    public static readonly StatusWord RecordNotFound = new(0x6A83);

    /// <summary>6A84: not enough memory space in the file.</summary>
    public static readonly StatusWord NotEnoughMemory = new(0x6A84);

    /// <summary>6A88: referenced data or reference data not found.</summary>
    public static readonly StatusWord ReferencedDataNotFound = new(0x6A88);

    /// <summary>6B00: wrong parameters P1-P2.</summary>
    public static readonly StatusWord WrongParameters = new(0x6B00);

    /// <summary>6D00: instruction code not supported or invalid.</summary>
    public static readonly StatusWord InstructionNotSupported = new(0x6D00);

    /// <summary>6E00: class not supported.</summary>
    public static readonly StatusWord ClassNotSupported = new(0x6E00);

    /// <summary>6F00: technical problem, no precise diagnosis.</summary>
    public static readonly StatusWord TechnicalProblem = new(0x6F00);

    /// <summary>Creates a status word from its two bytes.</summary>
    public StatusWord(byte sw1, byte sw2)
        : this((ushort)((sw1 << 8) | sw2))
    {
    }

    /// <summary>SW1, the first byte.</summary>
    public byte Sw1 => (byte)(Value >> 8);

    /// <summary>SW2, the second byte.</summary>
    public byte Sw2 => (byte)(Value & 0xFF);

    /// <summary>True for 9000 and 91xx (normal processing).</summary>
    public bool IsSuccess => Sw1 is 0x90 or 0x91;

    /// <summary>
    /// True when ISO/IEC 7816-4 §5.6 says non-volatile memory may have changed: normal endings, 61xx and the 63xx
    /// warnings. Every other answer leaves the card as it was (docs/card.md, "Atomic commands").
    /// </summary>
    public bool MayChangeMemory => Sw1 is 0x90 or 0x91 or 0x61 or 0x63;

    /// <summary>61xx: xx response bytes still available (00 means 256 or more).</summary>
    public static StatusWord BytesAvailable(int count) => new(0x61, (byte)(Math.Min(count, 256) & 0xFF));

    /// <summary>6Cxx: wrong Le; xx is the exact length (00 means 256).</summary>
    public static StatusWord ExactLength(int count) => new(0x6C, (byte)(Math.Min(count, 256) & 0xFF));

    /// <summary>63Cx: verification failed, x tries left.</summary>
    public static StatusWord TriesLeft(int count) => new(0x63, (byte)(0xC0 | Math.Min(count, 15)));

    /// <inheritdoc/>
    public override string ToString() => Value.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}
