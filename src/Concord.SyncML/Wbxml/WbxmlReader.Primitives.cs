using static Concord.SyncML.Wbxml.WbxmlGlobalTokens;

namespace Concord.SyncML.Wbxml;

/// <summary>Multi-byte integers, strings, OPAQUE and the attribute lists the reader skips.</summary>
public ref partial struct WbxmlReader
{
    private enum MultiByte
    {
        Ok,
        Truncated,
        TooLong,
    }

    // WBXML 1.3 §5.1: mb_u_int32 is big-endian 7-bit groups, bit 7 set on all but the last, at most 5 bytes.
    private static MultiByte TryReadMultiByte(ReadOnlySpan<byte> input, ref int pos, out uint value)
    {
        value = 0;
        ulong v = 0;
        for (var i = 0; i < 5; i++)
        {
            if (pos + i >= input.Length) return MultiByte.Truncated;
            var b = input[pos + i];
            v = (v << 7) | (uint)(b & 0x7F);
            if ((b & 0x80) == 0)
            {
                if (v > uint.MaxValue) return MultiByte.TooLong;
                value = (uint)v;
                pos += i + 1;
                return MultiByte.Ok;
            }
        }
        return MultiByte.TooLong;
    }

    private readonly int ReadMultiByte(int pos, int tokenOffset, string what, out uint value)
    {
        var at = pos;
        return TryReadMultiByte(_input, ref at, out value) switch
        {
            MultiByte.Ok => at,
            MultiByte.Truncated => throw TruncatedAt(tokenOffset, what),
            _ => throw new WbxmlException(WbxmlError.Malformed, pos, WbxmlErrors.IntegerTooLong(pos, what)),
        };
    }

    private readonly int ReadTerminated(int pos, int tokenOffset, string what, out ReadOnlySpan<byte> value)
    {
        var length = _input[pos..].IndexOf((byte)0);
        if (length < 0) throw TruncatedAt(tokenOffset, what);
        value = _input.Slice(pos, length);
        return pos + length + 1;
    }

    private readonly int ReadOpaque(int tokenOffset, out ReadOnlySpan<byte> value)
    {
        var pos = ReadMultiByte(tokenOffset + 1, tokenOffset, "OPAQUE", out var length);
        if (length > (uint)_options.MaxOpaqueBytes)
        {
            throw new WbxmlException(WbxmlError.TooLarge, tokenOffset,
                WbxmlErrors.OpaqueTooLarge(tokenOffset, length, _options.MaxOpaqueBytes));
        }
        if (length > (uint)(_input.Length - pos)) throw TruncatedAt(tokenOffset, "OPAQUE");
        value = _input.Slice(pos, (int)length);
        return pos + (int)length;
    }

    // WBXML 1.3 §5.7: a string table reference names a byte offset; the string runs to the next NUL. The SyncML
    // Reference Toolkit writes its public identifier string without a NUL, so the table's end also ends a string.
    private readonly ReadOnlySpan<byte> TableString(uint index, int tokenOffset, out int valueOffset)
    {
        if (_stringTable.IsEmpty)
        {
            throw new WbxmlException(WbxmlError.BadStringTableReference, tokenOffset,
                WbxmlErrors.NoStringTable(tokenOffset, index));
        }
        if (index >= (uint)_stringTable.Length)
        {
            throw new WbxmlException(WbxmlError.BadStringTableReference, tokenOffset,
                WbxmlErrors.BadStringTableIndex(tokenOffset, index, _stringTable.Length));
        }
        var rest = _stringTable[(int)index..];
        var length = rest.IndexOf((byte)0);
        valueOffset = _stringTableOffset + (int)index;
        return length < 0 ? rest : rest[..length];
    }

    // WBXML 1.3 §5.8.3-4: attribute list = 1*(attrStart *attrValue) END; a PI is one attrStart *attrValue END.
    // SyncML defines no attributes, so they are checked for shape and skipped.
    private readonly int SkipAttributeList(int pos, int tokenOffset, string what)
    {
        while (true)
        {
            if (pos >= _input.Length) throw TruncatedAt(tokenOffset, what);
            var b = _input[pos];
            switch (b)
            {
                case End:
                    return pos + 1;
                case SwitchPage:
                    if (pos + 1 >= _input.Length) throw TruncatedAt(tokenOffset, what);
                    pos += 2;
                    break;
                case Literal or StrT or (>= ExtT0 and <= ExtT2):
                    var at = pos;
                    pos = ReadMultiByte(pos + 1, tokenOffset, what, out var index);
                    // libwbxml workaround: some Nokia software writes xmlns as LITERAL index 0 with no string table.
                    if (!(b == Literal && index == 0 && _stringTable.IsEmpty)) TableString(index, at, out _);
                    break;
                case StrI or (>= ExtI0 and <= ExtI2):
                    pos = ReadTerminated(pos + 1, tokenOffset, what, out _);
                    break;
                case Entity:
                    pos = ReadMultiByte(pos + 1, tokenOffset, what, out _);
                    break;
                case Opaque:
                    pos = ReadOpaque(pos, out _);
                    break;
                case Pi or LiteralC or LiteralA or LiteralAc:
                    throw new WbxmlException(WbxmlError.Malformed, pos,
                        WbxmlErrors.TokenNotAllowed(pos, b, "in an attribute list or processing instruction"));
                default:
                    // EXT_0..2, and ATTRSTART (below 0x80) or ATTRVALUE (0x80 and up) tokens of the attribute page.
                    pos++;
                    break;
            }
        }
    }

    private readonly WbxmlException TruncatedAt(int tokenOffset, string what) =>
        new(WbxmlError.Truncated, tokenOffset, WbxmlErrors.TruncatedToken(tokenOffset, what, _input.Length));
}
