using System.Text;
using System.Text.Unicode;
using static Concord.SyncML.Wbxml.WbxmlGlobalTokens;

namespace Concord.SyncML.Wbxml;

/// <summary>The document header: version, public identifier, charset, string table (WBXML 1.3 §5.3-5.7).</summary>
public ref partial struct WbxmlReader
{
    /// <summary>Reads the header; <see cref="Read"/> does this itself when it has not been done.</summary>
    /// <exception cref="WbxmlException">
    /// The header is truncated, of another WBXML version or charset, or too large.
    /// </exception>
    /// <exception cref="InvalidOperationException">The header has already been read.</exception>
    public void ReadHeader()
    {
        if (_state != State.BeforeHeader)
            throw new InvalidOperationException("The WBXML header has already been read.");
        TryParseHeader(_input, _options, throwOnError: true, out var header, out var tableOffset);
        _header = header;
        _stringTableOffset = tableOffset;
        _stringTable = _input.Slice(tableOffset, header.StringTableLength);
        _offset = header.BodyOffset;
        _state = State.BeforeRoot;
    }

    /// <summary>Reads just the header of a document; false when it is not a WBXML header this reader accepts.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> wbxml, out WbxmlHeader header, WbxmlOptions? options = null) =>
        TryParseHeader(wbxml, options ?? WbxmlOptions.Default, throwOnError: false, out header, out _);

    /// <summary>
    /// Reads the version byte and public identifier only; false unless both are there and well-formed.
    /// </summary>
    internal static bool TryPeekPublicId(ReadOnlySpan<byte> wbxml, out uint publicId)
    {
        publicId = 0;
        if (wbxml.Length < 2 || wbxml[0] is 0 or > 3) return false;
        var pos = 1;
        return TryReadMultiByte(wbxml, ref pos, out publicId) == MultiByte.Ok;
    }

    private static bool TryParseHeader(
        ReadOnlySpan<byte> input, WbxmlOptions options, bool throwOnError, out WbxmlHeader header, out int tableOffset)
    {
        header = default;
        tableOffset = 0;
        if (input.Length > options.MaxDocumentBytes)
        {
            return throwOnError
                ? throw new WbxmlException(WbxmlError.TooLarge, 0,
                    WbxmlErrors.DocumentTooLarge(input.Length, options.MaxDocumentBytes))
                : false;
        }
        if (input.IsEmpty) return throwOnError ? throw HeaderTruncated(input, "version byte") : false;

        // 0x00 is WBXML 1.0, which has no charset field; SyncML uses 1.1 or later.
        var version = input[0];
        if (version is 0 or > 3)
        {
            return throwOnError
                ? throw new WbxmlException(WbxmlError.BadVersion, 0, WbxmlErrors.BadVersion(version))
                : false;
        }

        var pos = 1;
        if (!TryHeaderInteger(input, ref pos, "public identifier", throwOnError, out var publicId)) return false;
        uint publicIdIndex = 0;
        var publicIdAt = pos;
        if (publicId == 0
            && !TryHeaderInteger(input, ref pos, "public identifier index", throwOnError, out publicIdIndex))
        {
            return false;
        }

        var charsetAt = pos;
        if (!TryHeaderInteger(input, ref pos, "charset", throwOnError, out var charset)) return false;
        // MIBenum 0 means "unknown", left to the transport; SyncML over HTTP and OBEX is UTF-8.
        if (charset is not (CharsetUtf8 or CharsetUsAscii or 0))
        {
            return throwOnError
                ? throw new WbxmlException(WbxmlError.UnsupportedCharset, charsetAt,
                    WbxmlErrors.UnsupportedCharset(charsetAt, charset))
                : false;
        }

        var lengthAt = pos;
        if (!TryHeaderInteger(input, ref pos, "string table length", throwOnError, out var tableLength)) return false;
        if (tableLength > (uint)options.MaxStringTableBytes)
        {
            return throwOnError
                ? throw new WbxmlException(WbxmlError.TooLarge, lengthAt,
                    WbxmlErrors.StringTableTooLarge(lengthAt, tableLength, options.MaxStringTableBytes))
                : false;
        }
        if (tableLength > (uint)(input.Length - pos))
        {
            return throwOnError
                ? throw new WbxmlException(WbxmlError.Truncated, lengthAt,
                    WbxmlErrors.TruncatedToken(lengthAt, "string table", input.Length))
                : false;
        }

        var table = input.Slice(pos, (int)tableLength);
        string? publicIdText = null;
        if (publicId == 0)
        {
            if (publicIdIndex >= (uint)table.Length)
            {
                return throwOnError
                    ? throw new WbxmlException(WbxmlError.BadStringTableReference, publicIdAt, table.IsEmpty
                        ? WbxmlErrors.NoStringTable(publicIdAt, publicIdIndex)
                        : WbxmlErrors.BadStringTableIndex(publicIdAt, publicIdIndex, table.Length))
                    : false;
            }
            var rest = table[(int)publicIdIndex..];
            var end = rest.IndexOf((byte)0);
            var text = end < 0 ? rest : rest[..end];
            if (!Utf8.IsValid(text))
            {
                return throwOnError
                    ? throw new WbxmlException(WbxmlError.InvalidText, publicIdAt, WbxmlErrors.InvalidUtf8(publicIdAt))
                    : false;
            }
            publicIdText = Encoding.UTF8.GetString(text);
        }

        tableOffset = pos;
        header = new WbxmlHeader(version, publicId, publicIdText, charset, table.Length, pos + table.Length);
        return true;
    }

    private static bool TryHeaderInteger(
        ReadOnlySpan<byte> input, ref int pos, string what, bool throwOnError, out uint value)
    {
        var at = pos;
        return TryReadMultiByte(input, ref pos, out value) switch
        {
            MultiByte.Ok => true,
            _ when !throwOnError => false,
            MultiByte.Truncated => throw HeaderTruncated(input, what, at),
            _ => throw new WbxmlException(WbxmlError.Malformed, at, WbxmlErrors.IntegerTooLong(at, what)),
        };
    }

    private static WbxmlException HeaderTruncated(ReadOnlySpan<byte> input, string what, int at = 0) =>
        new(WbxmlError.Truncated, at, WbxmlErrors.TruncatedToken(at, "header " + what, input.Length));
}
