using System.Globalization;
using Concord.Card.Apdu;

namespace Concord.Card;

/// <summary>Every message text of the card assembly, so tests assert against the same source.</summary>
internal static class Errors
{
    public const string ApduRejected = "The APDU was rejected; answering 6700 (wrong length).";

    public const string NotACardImage =
        "The EEPROM image has no valid card header (magic CCRDUICC and its CRC-32 at offset 0); " +
        "it is not a card image, or it was cut while being formatted. Format a new card.";

    public static string BadCommandApdu(ApduError error, int offset, int length) => error switch
    {
        ApduError.TooShort => I($"Command APDU of {length} bytes is shorter than its 4-byte header; answering 6700."),
        ApduError.ExtendedLength => I($"Command APDU of {length} bytes has 00 at offset {offset}, an extended length; ") +
            "this card takes short APDUs only (ISO/IEC 7816-4 §5.1); answering 6700.",
        _ => I($"Command APDU of {length} bytes: Lc at offset {offset} says a body that does not match ") +
            I($"the {length - 4} bytes after the header (expected Lc + 1 or Lc + 2); answering 6700."),
    };

    public static string ShortResponse(int length) =>
        I($"Response APDU of {length} bytes has no status word; expected at least SW1 SW2.");

    public static string AlphaTooLong(string name, int needed, int capacity) =>
        I($"Name '{name}' needs {needed} bytes in its most compact alpha identifier format but the record has ") +
        I($"{capacity}; shorten it or apply the overflow rule of docs/card.md.");

    public static string WrongRecordLength(int actual, int expected) =>
        I($"EF_ADN record of {actual} bytes given to a codec for {expected}-byte records.");

    public static string PowerLost(int step) => I($"Power was cut at EEPROM write step {step}; boot the card again.");

    public static string CrossesPage(int offset, int length, int page) =>
        I($"EEPROM write of {length} bytes at {offset} crosses a {page}-byte page; a write step is one page at most.");

    public static string OutsideMemory(int offset, int length, int size) =>
        I($"EEPROM access of {length} bytes at {offset} is outside the {size}-byte memory.");

    public static string BadImageFile(string path, long length) =>
        I($"Card image '{path}' has {length} bytes; expected a card image between 1 byte and 16 MiB.");

    public static string ImageVersion(byte found, byte expected) =>
        I($"Card image format version {found} at offset 8; this code reads version {expected}.");

    public static string ImageGeometry(string detail) =>
        "Card image header describes a geometry that does not fit the image (" + detail + ").";

    public static string EepromTooSmall(int size, int needed) =>
        I($"EEPROM of {size} bytes is too small for the card geometry, which needs {needed}.");

    public static string TransactionTooLarge(int body, int capacity) =>
        I($"A command changed {body} journal bytes, more than the journal's {capacity}; nothing was written.");

    public static string BadPin(int length, int min) =>
        I($"A PIN of {length} characters; expected {min} to 8 ASCII digits.");

    public static string BadIccid(string iccid) =>
        I($"ICCID '{iccid}' is not 1 to 20 decimal digits.");

    public static string SyncObjectLength(int length) =>
        I($"A sync object of {length} bytes; expected 8.");

    public static string CardAnswered(string what, StatusWord sw) => I($"The card answered {sw} to {what}.");

    public static string NoCardInReader(string reader) => I($"No card in reader '{reader}'.");

    public static string Pcsc(string function, long code) =>
        I($"{function} failed with PC/SC error 0x{code:X8} ({PcscName(code)}).");

    private static string PcscName(long code) => code switch
    {
        0x8010000C => "SCARD_E_NO_SMARTCARD",
        0x8010001D => "SCARD_E_NO_SERVICE",
        0x8010002E => "SCARD_E_NO_READERS_AVAILABLE",
        0x8010000A => "SCARD_E_TIMEOUT",
        0x80100069 => "SCARD_W_REMOVED_CARD",
        0x80100068 => "SCARD_W_RESET_CARD",
        0x80100016 => "SCARD_E_NOT_TRANSACTED",
        0x80100066 => "SCARD_W_UNRESPONSIVE_CARD",
        0x80100009 => "SCARD_E_UNKNOWN_READER",
        0x80100008 => "SCARD_E_INSUFFICIENT_BUFFER",
        _ => "see pcsclite.h",
    };

    public static string VpcdFrame(int length) =>
        I($"vpcd sent a frame of {length} bytes; expected a 1-byte control message or an APDU of 4 to 261 bytes.");

    public static string NotAVCard(string reason) => "The item for the card is not a vCard: " + reason;

    public static string NotARecordId(string id, int records) =>
        I($"'{id}' is not an EF_ADN record number; the card's phonebook has records 1 to {records}.");

    public static string PhonebookFull(int records) =>
        I($"The card's phonebook is full: all {records} EF_ADN records hold an entry; delete one on the handset first.");

    public static string Ext1Full(int needed, int free) =>
        I($"The number needs {needed} EF_EXT1 records and the card has {free} free; the entry is not written.");

    public static string CardFailed(string what, string reason) => I($"The card refused {what}: {reason}");

    public static string PinRefused(int? triesLeft) => triesLeft is { } n
        ? I($"The card refused the PIN; {n} tries left before it blocks. Check CONCORD_CARD_PIN or --card-pin.")
        : "The card's PIN is blocked; unblock it with the PUK on a handset first.";

    public const string PinNeeded = "The card asks for its PIN (6982); give it with --card-pin or CONCORD_CARD_PIN.";

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
