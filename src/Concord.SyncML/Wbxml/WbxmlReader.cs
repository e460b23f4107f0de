using System.Text;
using System.Text.Unicode;
using static Concord.SyncML.Wbxml.WbxmlGlobalTokens;

namespace Concord.SyncML.Wbxml;

/// <summary>
/// A forward-only reader of WBXML 1.1 to 1.3 tokens over one whole document, shaped like
/// <see cref="System.Text.Json.Utf8JsonReader"/>. It allocates only the header's public identifier string and what
/// <see cref="GetString"/> returns, never reads past its input, and stops after the root element and any processing
/// instructions that follow it.
/// </summary>
/// <remarks>
/// The reader knows WBXML, not SyncML: it reports tags by code page and token. It tracks the tag code page as the
/// stream state WBXML 1.3 §5.8.1 defines (a SWITCH_PAGE holds until the next one, regardless of nesting) and skips
/// attribute lists and processing instructions whole, since SyncML uses neither. When <see cref="Read"/> throws,
/// the reader has not moved.
/// </remarks>
public ref partial struct WbxmlReader
{
    private readonly ReadOnlySpan<byte> _input;
    private readonly WbxmlOptions _options;

    // Depth of the element that holds this document when it is nested in another's OPAQUE, so MaxDepth counts both.
    private readonly int _depthBase;

    private ReadOnlySpan<byte> _stringTable;
    private int _stringTableOffset;
    private WbxmlHeader _header;
    private State _state;

    // Committed position: the first byte not yet read, and the tag code page in force there.
    private int _offset;
    private byte _tagPage;

    // Open elements with content; END tokens are only legal while this is above zero.
    private int _depth;

    private WbxmlTokenType _tokenType;
    private int _tokenOffset;
    private int _tokenDepth;
    private byte _page;
    private byte _tag;
    private bool _isLiteral;
    private bool _hasContent;
    private bool _hasAttributes;
    private ReadOnlySpan<byte> _value;
    private int _valueOffset;
    private uint _number;
    private int _extension;

    /// <summary>Creates a reader over one WBXML document.</summary>
    public WbxmlReader(ReadOnlySpan<byte> wbxml, WbxmlOptions? options = null)
        : this(wbxml, options ?? WbxmlOptions.Default, 0)
    {
    }

    /// <summary>Creates a reader for a document nested at <paramref name="depthBase"/> levels inside another.</summary>
    internal WbxmlReader(ReadOnlySpan<byte> wbxml, WbxmlOptions options, int depthBase)
    {
        _input = wbxml;
        _options = options;
        _depthBase = depthBase;
    }

    private enum State
    {
        BeforeHeader,
        BeforeRoot,
        InRoot,
        AfterRoot,
        Done,
    }

    /// <summary>The header, once <see cref="ReadHeader"/> (or the first <see cref="Read"/>) has run.</summary>
    public readonly WbxmlHeader Header => _header;

    /// <summary>The string table, once the header has been read.</summary>
    public readonly ReadOnlySpan<byte> StringTable => _stringTable;

    /// <summary>Bytes read so far: after the last token, the length of the document.</summary>
    public readonly int BytesConsumed => _offset;

    /// <summary>The kind of the current token.</summary>
    public readonly WbxmlTokenType TokenType => _tokenType;

    /// <summary>Offset of the current token's first byte (a SWITCH_PAGE before a tag is not part of it).</summary>
    public readonly int TokenOffset => _tokenOffset;

    /// <summary>
    /// Nesting of the current token: 0 for the root's start and end, 1 for the root's content, and so on.
    /// </summary>
    public readonly int CurrentDepth => _tokenDepth;

    /// <summary>For <see cref="WbxmlTokenType.StartElement"/>: the tag code page in force.</summary>
    public readonly byte Page => _page;

    /// <summary>
    /// For <see cref="WbxmlTokenType.StartElement"/>: the tag token without flag bits, or 0 for LITERAL.
    /// </summary>
    public readonly byte Tag => _tag;

    /// <summary>
    /// For <see cref="WbxmlTokenType.StartElement"/>: the tag is LITERAL, named by <see cref="ValueSpan"/>.
    /// </summary>
    public readonly bool IsLiteral => _isLiteral;

    /// <summary>
    /// For <see cref="WbxmlTokenType.StartElement"/>: content and an END follow; if not, the element is empty.
    /// </summary>
    public readonly bool HasContent => _hasContent;

    /// <summary>
    /// For <see cref="WbxmlTokenType.StartElement"/>: the tag had an attribute list, which was skipped.
    /// </summary>
    public readonly bool HasAttributes => _hasAttributes;

    /// <summary>
    /// The bytes of the current string (without its NUL), table string, OPAQUE, EXT_I/EXT_T value or LITERAL tag name.
    /// </summary>
    public readonly ReadOnlySpan<byte> ValueSpan => _value;

    /// <summary>
    /// Offset of <see cref="ValueSpan"/> in the input (inside the string table for table references).
    /// </summary>
    public readonly int ValueOffset => _valueOffset;

    /// <summary>The string table index of a STR_T, EXT_T or LITERAL tag.</summary>
    public readonly uint StringTableIndex => _number;

    /// <summary>For <see cref="WbxmlTokenType.Entity"/>: the code point, not yet checked to be a character.</summary>
    public readonly uint EntityCodePoint => _number;

    /// <summary>For <see cref="WbxmlTokenType.Extension"/>: which of the three extensions (0, 1 or 2).</summary>
    public readonly int ExtensionIndex => _extension;

    /// <summary>The current <see cref="ValueSpan"/> as a string.</summary>
    /// <exception cref="WbxmlException">
    /// The bytes are not valid UTF-8 (<see cref="WbxmlError.InvalidText"/>).
    /// </exception>
    public readonly string GetString()
    {
        if (!Utf8.IsValid(_value))
            throw new WbxmlException(WbxmlError.InvalidText, _tokenOffset, WbxmlErrors.InvalidUtf8(_tokenOffset));
        return Encoding.UTF8.GetString(_value);
    }

    /// <summary>Moves to the next token; false once the root element and the PIs after it have been read.</summary>
    /// <exception cref="WbxmlException">
    /// The input is not well-formed WBXML or breaks a <see cref="WbxmlOptions"/> bound.
    /// </exception>
    public bool Read()
    {
        if (_state == State.BeforeHeader)
        {
            var unread = this;
            ReadHeader();
            try
            {
                return Read();
            }
            catch (WbxmlException)
            {
                this = unread;
                throw;
            }
        }

        var pos = _offset;
        var page = _tagPage;
        while (true)
        {
            // WBXML 1.3 §5.8.1: body = *pi element *pi; anything else after the root is not ours to read.
            if (_state == State.Done) return false;
            if (_state == State.AfterRoot && (pos >= _input.Length || _input[pos] != Pi))
            {
                _offset = pos;
                _tagPage = page;
                _state = State.Done;
                _tokenType = WbxmlTokenType.None;
                _value = default;
                return false;
            }
            if (pos >= _input.Length)
            {
                throw _state == State.BeforeRoot
                    ? new WbxmlException(WbxmlError.Truncated, pos, WbxmlErrors.NoRootElement(pos))
                    : new WbxmlException(WbxmlError.Truncated, pos, WbxmlErrors.TruncatedContent(pos, _depth));
            }

            var b = _input[pos];
            switch (b)
            {
                case SwitchPage:
                    if (pos + 1 >= _input.Length) throw TruncatedAt(pos, "SWITCH_PAGE");
                    page = _input[pos + 1];
                    pos += 2;
                    continue;
                case End:
                    if (_state != State.InRoot)
                        throw new WbxmlException(WbxmlError.Malformed, pos, WbxmlErrors.EndWithoutElement(pos));
                    Begin(WbxmlTokenType.EndElement, pos, _depth - 1);
                    _depth--;
                    if (_depth == 0) _state = State.AfterRoot;
                    Commit(pos + 1, page);
                    return true;
                case Pi:
                    var afterPi = SkipAttributeList(pos + 1, pos, "PI");
                    Begin(WbxmlTokenType.ProcessingInstruction, pos, _depth);
                    Commit(afterPi, page);
                    return true;
                case Literal or LiteralC or LiteralA or LiteralAc:
                    ReadTag(pos, b, page);
                    return true;
                default:
                    if ((b & TokenMask) >= FirstTagToken)
                    {
                        ReadTag(pos, b, page);
                        return true;
                    }
                    ReadContent(pos, b, page);
                    return true;
            }
        }
    }

    private void ReadTag(int start, byte b, byte page)
    {
        var depth = _depthBase + _depth + 1;
        if (depth > _options.MaxDepth)
        {
            throw new WbxmlException(
                WbxmlError.DepthExceeded, start, WbxmlErrors.DepthExceeded(start, _options.MaxDepth));
        }

        var literal = (b & TokenMask) == Literal;
        var pos = start + 1;
        uint index = 0;
        ReadOnlySpan<byte> name = default;
        var nameOffset = 0;
        if (literal)
        {
            pos = ReadMultiByte(pos, start, "LITERAL tag", out index);
            name = TableString(index, start, out nameOffset);
        }
        var hasAttributes = (b & AttributesFlag) != 0;
        if (hasAttributes) pos = SkipAttributeList(pos, start, "attribute list");

        Begin(WbxmlTokenType.StartElement, start, _depth);
        _page = page;
        _tag = literal ? (byte)0 : (byte)(b & TokenMask);
        _isLiteral = literal;
        _hasContent = (b & ContentFlag) != 0;
        _hasAttributes = hasAttributes;
        _value = name;
        _valueOffset = nameOffset;
        _number = index;
        if (_hasContent)
        {
            _depth++;
            _state = State.InRoot;
        }
        else if (_state == State.BeforeRoot)
        {
            _state = State.AfterRoot;
        }
        Commit(pos, page);
    }

    private void ReadContent(int start, byte b, byte page)
    {
        if (_state != State.InRoot)
        {
            throw new WbxmlException(
                WbxmlError.Malformed, start, WbxmlErrors.ContentOutsideRoot(start, $"Token 0x{b:X2}"));
        }

        ReadOnlySpan<byte> value = default;
        var valueOffset = 0;
        uint number = 0;
        var extension = 0;
        int pos;
        WbxmlTokenType type;
        switch (b)
        {
            case StrI:
                pos = ReadTerminated(start + 1, start, "STR_I", out value);
                valueOffset = start + 1;
                type = WbxmlTokenType.InlineString;
                break;
            case StrT:
                pos = ReadMultiByte(start + 1, start, "STR_T", out number);
                value = TableString(number, start, out valueOffset);
                type = WbxmlTokenType.TableString;
                break;
            case Entity:
                pos = ReadMultiByte(start + 1, start, "ENTITY", out number);
                type = WbxmlTokenType.Entity;
                break;
            case Opaque:
                pos = ReadOpaque(start, out value);
                valueOffset = pos - value.Length;
                type = WbxmlTokenType.Opaque;
                break;
            case >= ExtI0 and <= ExtI2:
                pos = ReadTerminated(start + 1, start, "EXT_I", out value);
                valueOffset = start + 1;
                extension = b - ExtI0;
                type = WbxmlTokenType.Extension;
                break;
            case >= ExtT0 and <= ExtT2:
                pos = ReadMultiByte(start + 1, start, "EXT_T", out number);
                value = TableString(number, start, out valueOffset);
                extension = b - ExtT0;
                type = WbxmlTokenType.Extension;
                break;
            case >= Ext0 and <= Ext2:
                pos = start + 1;
                extension = b - Ext0;
                type = WbxmlTokenType.Extension;
                break;
            default:
                // Unreachable: every byte whose low six bits are below 5 is one of the global tokens above.
                throw new WbxmlException(
                    WbxmlError.UnknownToken, start, WbxmlErrors.TokenNotAllowed(start, b, "in element content"));
        }

        Begin(type, start, _depth);
        _value = value;
        _valueOffset = valueOffset;
        _number = number;
        _extension = extension;
        Commit(pos, page);
    }

    private void Begin(WbxmlTokenType type, int offset, int depth)
    {
        _tokenType = type;
        _tokenOffset = offset;
        _tokenDepth = depth;
        _page = 0;
        _tag = 0;
        _isLiteral = false;
        _hasContent = false;
        _hasAttributes = false;
        _value = default;
        _valueOffset = 0;
        _number = 0;
        _extension = 0;
    }

    private void Commit(int offset, byte page)
    {
        _offset = offset;
        _tagPage = page;
    }
}
