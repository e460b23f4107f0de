using System.Globalization;

namespace Concord.SyncML.Wbxml;

/// <summary>Every message text of the WBXML codec, so tests assert against the same source.</summary>
internal static class WbxmlErrors
{
    private const string ReadWhole = " (was the whole HTTP body read?)";

    public const string Rejected = "The WBXML document was rejected.";

    public static string TruncatedToken(int offset, string what, int length) =>
        I($"WBXML input ends at offset {length} inside the {what} that starts at offset {offset}; ") +
        "the document is truncated" + ReadWhole + ".";

    public static string TruncatedContent(int length, int openElements) =>
        I($"WBXML input ends at offset {length} with {openElements} element(s) still open; ") +
        "expected more content or END tokens" + ReadWhole + ".";

    public static string NoRootElement(int length) =>
        I($"WBXML input ends at offset {length} before the root element; expected a tag") + ReadWhole + ".";

    public static string DocumentTooLarge(int length, int max) =>
        I($"WBXML document of {length} bytes is larger than MaxDocumentBytes {max}; ") +
        "expected the peer to honour our MaxMsgSize.";

    public static string BadVersion(byte version) =>
        I($"WBXML version byte at offset 0 is 0x{version:X2}; expected 0x01, 0x02 or 0x03 (WBXML 1.1 to 1.3). ") +
        "This is not WBXML, or is WBXML 1.0, which SyncML does not use.";

    public static string UnsupportedCharset(int offset, uint mib) =>
        I($"WBXML charset at offset {offset} is MIBenum {mib}{CharsetName(mib)}; ") +
        "expected 106 (UTF-8) or 3 (US-ASCII), the charsets SyncML requires.";

    public static string StringTableTooLarge(int offset, uint declared, int max) =>
        I($"WBXML string table at offset {offset} declares {declared} bytes; MaxStringTableBytes is {max}.");

    public static string OpaqueTooLarge(int offset, uint declared, int max) =>
        I($"OPAQUE at offset {offset} declares {declared} bytes; MaxOpaqueBytes is {max}.");

    public static string IntegerTooLong(int offset, string what) =>
        I($"The mb_u_int32 {what} at offset {offset} does not fit 32 bits (more than 5 bytes, or an overflow).");

    public static string NoStringTable(int offset, uint index) =>
        I($"Token at offset {offset} refers to string table index {index}, but the document has no string table.");

    public static string BadStringTableIndex(int offset, uint index, int tableLength) =>
        I($"Token at offset {offset} refers to string table index {index}; the table has {tableLength} bytes ") +
        I($"(valid indexes 0 to {tableLength - 1}).");

    public static string TokenNotAllowed(int offset, byte token, string where) =>
        I($"Token 0x{token:X2} at offset {offset} is not allowed {where}.");

    public static string UnknownPage(int offset, byte page, string document) =>
        I($"Tag at offset {offset} is on code page {page}, which {document} does not define; ") +
        "expected page 0 (SyncML or DevInf) or page 1 (MetInf).";

    public static string UnknownTag(int offset, byte token, string page) =>
        I($"Tag token 0x{token:X2} at offset {offset} is not assigned on {page}.");

    public static string DepthExceeded(int offset, int max) =>
        I($"Element at offset {offset} nests deeper than MaxDepth {max}.");

    public static string EndWithoutElement(int offset) =>
        I($"END at offset {offset} closes no element; every element with content is already closed.");

    public static string ContentOutsideRoot(int offset, string token) =>
        I($"{token} at offset {offset} is outside the root element; WBXML allows only processing instructions there.");

    public static string ExtensionNotDefined(int offset) =>
        I($"Extension token at offset {offset}: SyncML, MetInf and DevInf define no extension tokens.");

    public static string InvalidUtf8(int offset) =>
        I($"String at offset {offset} is not valid UTF-8, which the document's charset requires.");

    public static string InvalidEntity(int offset, uint codePoint) =>
        I($"ENTITY at offset {offset} is U+{codePoint:X4}, which is not a character XML can carry.");

    public static string EmptyLiteralName(int offset) =>
        I($"LITERAL tag at offset {offset} names an empty string.");

    public static string TrailingData(int offset, int count) =>
        I($"{count} bytes follow the end of the WBXML document at offset {offset}; expected the input to end there.");

    public static string WrongRoot(int offset, string found, string expected) =>
        I($"Root element at offset {offset} is {found}; expected {expected}.");

    public static string NotSyncML(string publicId) =>
        I($"WBXML public identifier {publicId} names a DevInf or MetInf document; ") +
        "expected a SyncML message (SyncML 1.0, 1.1 or 1.2).";

    public static string UnknownPublicId(string publicId, string? verDtd) =>
        I($"WBXML public identifier {publicId} names no SyncML version, and the SyncHdr VerDTD is ") +
        (verDtd is null ? "missing" : I($"'{verDtd}'")) + "; expected 1.0, 1.1 or 1.2.";

    public static string MixedContent(int offset, string element) =>
        I($"Element {element} at offset {offset} holds both child elements and text or opaque data; ") +
        "SyncML has no mixed content.";

    public static string TooManyElements(int offset, int max) =>
        I($"Element at offset {offset} is one more than MaxElements {max}.");

    public static string ContentTooLarge(int offset, int max) =>
        I($"Content at offset {offset} takes the message past MaxContentBytes {max} of text and opaque data.");

    public static string NestedDevInf(int offset, string inner) =>
        I($"In the DevInf document nested in the OPAQUE at offset {offset}: {inner}");

    private static string CharsetName(uint mib) => mib switch
    {
        4 => " (ISO-8859-1)",
        17 => " (Shift_JIS)",
        1000 => " (ISO-10646-UCS-2)",
        1013 => " (UTF-16BE)",
        1014 => " (UTF-16LE)",
        1015 => " (UTF-16)",
        _ => "",
    };

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
