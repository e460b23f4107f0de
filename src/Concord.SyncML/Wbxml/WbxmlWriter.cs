using System.Buffers;
using System.Text;
using System.Text.Unicode;
using static Concord.SyncML.Wbxml.WbxmlGlobalTokens;

namespace Concord.SyncML.Wbxml;

/// <summary>
/// Writes WBXML tokens to an <see cref="IBufferWriter{T}"/>: strict UTF-8, switching the tag code page only when a
/// tag needs another page (as libwbxml and the SyncML Reference Toolkit do).
/// </summary>
public sealed class WbxmlWriter
{
    /// <summary>The version byte written by default: WBXML 1.2, what the SyncML Reference Toolkit writes.</summary>
    public const byte DefaultVersion = 0x02;

    private static readonly UTF8Encoding StrictUtf8 =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly IBufferWriter<byte> _output;
    private bool _headerWritten;
    private bool _rootWritten;
    private byte _page;

    /// <summary>Creates a writer that appends to <paramref name="output"/>.</summary>
    public WbxmlWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>Bytes written so far.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Elements started with content and not yet ended.</summary>
    public int CurrentDepth { get; private set; }

    /// <summary>Writes the header with a numeric public identifier, UTF-8 charset and the given string table.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The version is not 1 to 3, or the public identifier is 0.
    /// </exception>
    /// <exception cref="InvalidOperationException">The header was already written.</exception>
    public void WriteHeader(uint publicId, ReadOnlySpan<byte> stringTable = default, byte version = DefaultVersion)
    {
        ArgumentOutOfRangeException.ThrowIfZero(publicId);
        WriteHeaderCore(version, publicId, 0, stringTable);
    }

    /// <summary>
    /// Writes the header with the public identifier given as a string at <paramref name="publicIdIndex"/> of
    /// <paramref name="stringTable"/> (public identifier 0, WBXML 1.3 §5.5).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The version is not 1 to 3, or the index is outside the table.
    /// </exception>
    /// <exception cref="InvalidOperationException">The header was already written.</exception>
    public void WriteHeaderWithPublicIdString(
        uint publicIdIndex, ReadOnlySpan<byte> stringTable, byte version = DefaultVersion)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(publicIdIndex, (uint)stringTable.Length);
        WriteHeaderCore(version, 0, publicIdIndex, stringTable);
    }

    /// <summary>Writes a tag with content; disposing the returned scope writes its END.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The token is outside 0x05-0x3F.</exception>
    /// <exception cref="InvalidOperationException">No header yet, or the root element is already complete.</exception>
    public WbxmlElementScope WriteStartElement(byte page, byte token)
    {
        WriteTag(page, token, ContentFlag);
        return new WbxmlElementScope(this);
    }

    /// <summary>Writes a tag without content, such as <c>Final</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The token is outside 0x05-0x3F.</exception>
    /// <exception cref="InvalidOperationException">No header yet, or the root element is already complete.</exception>
    public void WriteEmptyElement(byte page, byte token) => WriteTag(page, token, 0);

    /// <summary>
    /// Writes a LITERAL tag with content, named by a string table index; dispose the scope to END it. The page is
    /// switched to <paramref name="page"/> first, so a reader that takes the namespace from the page gets it right.
    /// </summary>
    /// <exception cref="InvalidOperationException">No header yet, or the root element is already complete.</exception>
    public WbxmlElementScope WriteLiteralStartElement(byte page, uint nameIndex)
    {
        WriteLiteral(page, LiteralC, nameIndex);
        return new WbxmlElementScope(this);
    }

    /// <summary>
    /// Writes a LITERAL tag without content, named by a string table index, on <paramref name="page"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No header yet, or the root element is already complete.</exception>
    public void WriteLiteralEmptyElement(byte page, uint nameIndex) => WriteLiteral(page, Literal, nameIndex);

    /// <summary>Writes END for the innermost element with content.</summary>
    /// <exception cref="InvalidOperationException">No element is open.</exception>
    public void WriteEndElement()
    {
        if (CurrentDepth == 0) throw new InvalidOperationException("END written with no element open.");
        WriteByte(End);
        CurrentDepth--;
    }

    /// <summary>Writes text as STR_I in UTF-8.</summary>
    /// <exception cref="ArgumentException">
    /// The text holds U+0000 (STR_I ends there) or an unpaired surrogate.
    /// </exception>
    /// <exception cref="InvalidOperationException">No element is open.</exception>
    public void WriteString(ReadOnlySpan<char> text)
    {
        if (text.Contains('\0'))
            throw new ArgumentException("STR_I cannot carry U+0000; write it as OPAQUE.", nameof(text));
        RequireContent();
        var length = StrictUtf8.GetByteCount(text);
        var span = _output.GetSpan(length + 2);
        span[0] = StrI;
        StrictUtf8.GetBytes(text, span[1..]);
        span[length + 1] = 0;
        Advance(length + 2);
    }

    /// <summary>Writes UTF-8 bytes as STR_I.</summary>
    /// <exception cref="ArgumentException">The bytes hold 0x00 or are not valid UTF-8.</exception>
    /// <exception cref="InvalidOperationException">No element is open.</exception>
    public void WriteString(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Contains((byte)0))
            throw new ArgumentException("STR_I cannot carry 0x00; write it as OPAQUE.", nameof(utf8));
        if (!Utf8.IsValid(utf8)) throw new ArgumentException("The bytes are not valid UTF-8.", nameof(utf8));
        RequireContent();
        WriteByte(StrI);
        WriteBytes(utf8);
        WriteByte(0);
    }

    /// <summary>Writes STR_T, a reference to a string in the string table.</summary>
    /// <exception cref="InvalidOperationException">No element is open.</exception>
    public void WriteTableString(uint index)
    {
        RequireContent();
        WriteByte(StrT);
        WriteMultiByte(index);
    }

    /// <summary>Writes ENTITY for one character.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The code point is not a Unicode scalar value, or is U+0000.
    /// </exception>
    /// <exception cref="InvalidOperationException">No element is open.</exception>
    public void WriteEntity(uint codePoint)
    {
        if (codePoint == 0 || !Rune.IsValid(codePoint)) throw new ArgumentOutOfRangeException(nameof(codePoint));
        RequireContent();
        WriteByte(Entity);
        WriteMultiByte(codePoint);
    }

    /// <summary>Writes OPAQUE: the length, then the bytes as they are.</summary>
    /// <exception cref="InvalidOperationException">No element is open.</exception>
    public void WriteOpaque(ReadOnlySpan<byte> data)
    {
        RequireContent();
        WriteByte(Opaque);
        WriteMultiByte((uint)data.Length);
        WriteBytes(data);
    }

    private void WriteHeaderCore(byte version, uint publicId, uint publicIdIndex, ReadOnlySpan<byte> stringTable)
    {
        ArgumentOutOfRangeException.ThrowIfZero(version);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, (byte)3);
        if (_headerWritten) throw new InvalidOperationException("The WBXML header was already written.");
        WriteByte(version);
        WriteMultiByte(publicId);
        if (publicId == 0) WriteMultiByte(publicIdIndex);
        WriteMultiByte(CharsetUtf8);
        WriteMultiByte((uint)stringTable.Length);
        WriteBytes(stringTable);
        _headerWritten = true;
    }

    private void WriteTag(byte page, byte token, byte flags)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(token, FirstTagToken);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(token, TokenMask);
        RequireTagPosition();
        SwitchTo(page);
        WriteByte((byte)(token | flags));
        OnTagWritten(flags == ContentFlag);
    }

    private void WriteLiteral(byte page, byte literal, uint nameIndex)
    {
        RequireTagPosition();
        SwitchTo(page);
        WriteByte(literal);
        WriteMultiByte(nameIndex);
        OnTagWritten(literal == LiteralC);
    }

    private void SwitchTo(byte page)
    {
        if (page == _page) return;
        WriteByte(SwitchPage);
        WriteByte(page);
        _page = page;
    }

    private void OnTagWritten(bool hasContent)
    {
        _rootWritten = true;
        if (hasContent) CurrentDepth++;
    }

    private void RequireTagPosition()
    {
        if (!_headerWritten) throw new InvalidOperationException("Write the WBXML header before the first tag.");
        if (_rootWritten && CurrentDepth == 0)
            throw new InvalidOperationException("The root element is already complete.");
    }

    private void RequireContent()
    {
        if (CurrentDepth == 0) throw new InvalidOperationException("Content can only be written inside an element.");
    }

    private void WriteMultiByte(uint value)
    {
        // WBXML 1.3 §5.1: 7 bits a byte, most significant group first, bit 7 set on all but the last.
        var length = 1;
        for (var rest = value >> 7; rest != 0; rest >>= 7) length++;
        var span = _output.GetSpan(length);
        for (var i = length - 1; i >= 0; i--)
        {
            span[i] = (byte)((value & 0x7Fu) | (i == length - 1 ? 0u : 0x80u));
            value >>= 7;
        }
        Advance(length);
    }

    private void WriteByte(byte value)
    {
        _output.GetSpan(1)[0] = value;
        Advance(1);
    }

    private void WriteBytes(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return;
        data.CopyTo(_output.GetSpan(data.Length));
        Advance(data.Length);
    }

    private void Advance(int count)
    {
        _output.Advance(count);
        BytesWritten += count;
    }
}
