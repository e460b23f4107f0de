using System.Buffers;
using System.Text;

namespace Concord.Pim.ContentLines;

/// <summary>
/// A forward-only reader of the content lines of a vCard 2.1/3.0/4.0, vCalendar 1.0 or iCalendar 2.0 item, shaped
/// like <see cref="System.Text.Json.Utf8JsonReader"/>. It unfolds folded lines (RFC 6350 §3.2, RFC 5545 §3.1), joins
/// vCard 2.1 QUOTED-PRINTABLE soft line breaks (RFC 2045 §6.7) and vCard 2.1 BASE64 continuation lines, and splits
/// each line into group, name, parameters and value without decoding them. A line that is not folded is served from
/// the input; a folded one is joined in a pooled buffer, returned by <see cref="Dispose"/>. When <see cref="Read()"/>
/// throws, the reader has not moved.
/// </summary>
public ref partial struct ContentLineReader
{
    private const byte Space = (byte)' ';
    private const byte Tab = (byte)'\t';

    private readonly ReadOnlySpan<byte> _input;
    private readonly ContentLineReaderOptions _options;

    // Committed position: the first byte after the current line and its line break.
    private int _offset;

    // vCard 2.1 / vCalendar 1.0 unfolding keeps the continuation's white space; set from VERSION in Auto mode.
    private bool _keepWhiteSpace;
    private byte[]? _scratch;

    // The current unfolded line, and where its parts are: [group.]name[;params]:value.
    private ReadOnlySpan<byte> _line;
    private int _lineOffset;
    private int _groupLength;
    private int _nameStart;
    private int _nameEnd;
    private int _colon;
    private ContentEncoding _encoding;
    private bool _folded;

    /// <summary>Creates a reader over one item's bytes (UTF-8 or the item's declared charsets).</summary>
    public ContentLineReader(ReadOnlySpan<byte> input, ContentLineReaderOptions? options = null)
    {
        _input = input;
        _options = options ?? ContentLineReaderOptions.Default;
        _keepWhiteSpace = _options.Folding == FoldingMode.KeepWhiteSpace;
        _groupLength = -1;
    }

    /// <summary>Bytes consumed so far: the current line, its folds and its line break included.</summary>
    public readonly int BytesConsumed => _offset;

    /// <summary>Offset of the current line's first byte in the input.</summary>
    public readonly int LineOffset => _lineOffset;

    /// <summary>The current line, unfolded.</summary>
    public readonly ReadOnlySpan<byte> Line => _line;

    /// <summary>Whether the current line spanned more than one physical line.</summary>
    public readonly bool IsFolded => _folded;

    /// <summary>The group before the name's '.', or empty.</summary>
    public readonly ReadOnlySpan<byte> Group => _groupLength < 0 ? default : _line[.._groupLength];

    /// <summary>The property name as written.</summary>
    public readonly ReadOnlySpan<byte> Name => _line[_nameStart.._nameEnd];

    /// <summary>The raw parameter text between the name's ';' and the value's ':', or empty.</summary>
    public readonly ReadOnlySpan<byte> Parameters => _nameEnd < _colon ? _line[(_nameEnd + 1).._colon] : default;

    /// <summary>The raw value after ':', still escaped and transfer-encoded (QP soft breaks already joined).</summary>
    public readonly ReadOnlySpan<byte> Value => _line[(_colon + 1)..];

    /// <summary>The transfer encoding the parameters declare.</summary>
    public readonly ContentEncoding Encoding => _encoding;

    /// <summary>Whether continuation lines keep their leading white space (vCard 2.1, vCalendar 1.0).</summary>
    public readonly bool KeepsFoldWhiteSpace => _keepWhiteSpace;

    /// <summary>A reader over the current line's parameters.</summary>
    public readonly ParameterReader GetParameters() => new(Parameters);

    /// <summary>Whether the name equals <paramref name="upperAscii"/>, ignoring ASCII case.</summary>
    public readonly bool NameIs(ReadOnlySpan<byte> upperAscii) => Ascii.EqualsIgnoreCase(Name, upperAscii);

    /// <summary>Moves to the next content line; false at the end of the input.</summary>
    /// <exception cref="PimFormatException">The input is too large, a line is malformed or too long.</exception>
    public bool Read()
    {
        if (_input.Length > _options.MaxItemBytes)
        {
            throw new PimFormatException(PimError.ItemTooLarge, 0, Errors.ItemTooLarge(_input.Length, _options.MaxItemBytes));
        }
        var pos = _offset;
        while (pos < _input.Length)
        {
            var blankEnd = LineEnd(pos);
            if (!IsBlank(_input[pos..blankEnd])) break;
            pos = AfterBreak(blankEnd);
        }
        if (pos >= _input.Length)
        {
            _offset = _input.Length;
            _line = default;
            return false;
        }
        if (_input[pos] is Space or Tab)
        {
            throw new PimFormatException(PimError.BrokenFolding, pos, Errors.ContinuationFirst(pos));
        }
        var start = pos;
        var end = LineEnd(pos);
        var next = AfterBreak(end);
        var line = _input[start..end];
        var used = 0;
        var folded = false;
        var colon = FindColon(line);
        var encoding = colon >= 0 ? EncodingOf(line[..colon]) : ContentEncoding.None;
        while (next < _input.Length)
        {
            var nextEnd = LineEnd(next);
            var physical = _input[next..nextEnd];
            int from;
            var softBreak = false;
            if (encoding == ContentEncoding.QuotedPrintable && colon >= 0 && line.Length > colon + 1 && line[^1] == '='
                && physical.Length > 0 && !IsBlank(physical) && !LooksLikeEnd(physical))
            {
                from = next;
                softBreak = true;
            }
            else if (physical.Length > 0 && physical[0] is Space or Tab)
            {
                from = _keepWhiteSpace ? next : next + 1;
            }
            else if (encoding == ContentEncoding.Base64 && physical.Length > 0 && IsBase64Text(physical))
            {
                from = next;
            }
            else
            {
                break;
            }
            if (!folded)
            {
                EnsureScratch(line.Length + physical.Length);
                line.CopyTo(_scratch);
                used = line.Length;
                folded = true;
            }
            if (softBreak) used--;
            var piece = _input[from..nextEnd];
            if ((long)used + piece.Length > _options.MaxLineBytes)
            {
                throw new PimFormatException(PimError.ItemTooLarge, start, Errors.LineTooLong(start, (long)used + piece.Length, _options.MaxLineBytes));
            }
            EnsureScratch(used + piece.Length);
            piece.CopyTo(_scratch.AsSpan(used));
            used += piece.Length;
            line = _scratch.AsSpan(0, used);
            if (colon < 0)
            {
                colon = FindColon(line);
                if (colon >= 0) encoding = EncodingOf(line[..colon]);
            }
            next = AfterBreak(nextEnd);
        }
        if (line.Length > _options.MaxLineBytes)
        {
            throw new PimFormatException(PimError.ItemTooLarge, start, Errors.LineTooLong(start, line.Length, _options.MaxLineBytes));
        }
        ParseHead(line, colon, start);
        _line = line;
        _lineOffset = start;
        _colon = colon;
        _encoding = encoding;
        _folded = folded;
        _offset = next;
        if (_options.Folding == FoldingMode.Auto && NameIs("VERSION"u8))
        {
            var v = Value.Trim(" \t"u8);
            _keepWhiteSpace = v.SequenceEqual("2.1"u8) || v.SequenceEqual("1.0"u8);
        }
        return true;
    }

    /// <summary>Returns the pooled buffer used for folded lines.</summary>
    public void Dispose()
    {
        if (_scratch is not null) ArrayPool<byte>.Shared.Return(_scratch);
        _scratch = null;
        _line = default;
    }

    // Splits [group.]name; a name is letters, digits, '-' (RFC 6350 §3.3), '_' and '/' tolerated from phones.
    private void ParseHead(ReadOnlySpan<byte> line, int colon, int start)
    {
        if (colon < 0)
        {
            throw new PimFormatException(PimError.BrokenFolding, start, Errors.NotAContentLine(start, Text(line)));
        }
        var group = -1;
        var nameStart = 0;
        var i = 0;
        for (; i < colon; i++)
        {
            var c = line[i];
            if (c == ';') break;
            if (c == '.' && group < 0 && i > 0)
            {
                group = i;
                nameStart = i + 1;
            }
            else if (!(char.IsAsciiLetterOrDigit((char)c) || c is (byte)'-' or (byte)'_' or (byte)'/'))
            {
                throw new PimFormatException(PimError.BadName, start + i, Errors.BadName(start, Text(line)));
            }
        }
        if (i == nameStart)
        {
            throw new PimFormatException(PimError.BadName, start, Errors.BadName(start, Text(line)));
        }
        _groupLength = group;
        _nameStart = nameStart;
        _nameEnd = i;
    }

    // The value starts after the first ':' outside a quoted parameter value (RFC 6350 §3.3); quotes count only
    // after the first ';'. A stray quote falls back to the first ':'.
    private static int FindColon(ReadOnlySpan<byte> line)
    {
        var first = line.IndexOfAny((byte)':', (byte)';');
        if (first < 0 || line[first] == ':') return first;
        var quoted = false;
        for (var i = first; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"') quoted = !quoted;
            else if (c == ':' && !quoted) return i;
        }
        return line.IndexOf((byte)':');
    }

    private static ContentEncoding EncodingOf(ReadOnlySpan<byte> head)
    {
        var semi = head.IndexOf((byte)';');
        if (semi < 0) return ContentEncoding.None;
        var result = ContentEncoding.None;
        var binary = false;
        var parameters = new ParameterReader(head[(semi + 1)..]);
        while (parameters.Read())
        {
            var name = parameters.Name;
            var value = parameters.HasValue ? parameters.UnquotedValue : name;
            if (parameters.HasValue && Ascii.EqualsIgnoreCase(name, "VALUE"u8))
            {
                binary = Ascii.EqualsIgnoreCase(value, "BINARY"u8);
                continue;
            }
            if (parameters.HasValue && !Ascii.EqualsIgnoreCase(name, "ENCODING"u8)) continue;
            if (Ascii.EqualsIgnoreCase(value, "QUOTED-PRINTABLE"u8)) result = ContentEncoding.QuotedPrintable;
            else if (Ascii.EqualsIgnoreCase(value, "BASE64"u8)) result = ContentEncoding.Base64;
            else if (parameters.HasValue && Ascii.EqualsIgnoreCase(value, "B"u8)) result = ContentEncoding.B;
        }
        return result == ContentEncoding.Base64 && binary ? ContentEncoding.B : result;
    }

    private readonly int LineEnd(int pos)
    {
        var i = _input[pos..].IndexOfAny((byte)'\r', (byte)'\n');
        return i < 0 ? _input.Length : pos + i;
    }

    private readonly int AfterBreak(int end)
    {
        if (end < _input.Length && _input[end] == '\r') end++;
        if (end < _input.Length && _input[end] == '\n') end++;
        return end;
    }

    private static bool IsBlank(ReadOnlySpan<byte> s) => s.IndexOfAnyExcept(Space, Tab) < 0;

    private static bool LooksLikeEnd(ReadOnlySpan<byte> s) =>
        s.Length <= 24 && s.Length >= 4 && Ascii.EqualsIgnoreCase(s[..4], "END:"u8);

    private static bool IsBase64Text(ReadOnlySpan<byte> s)
    {
        foreach (var c in s)
        {
            if (!(char.IsAsciiLetterOrDigit((char)c) || c is (byte)'+' or (byte)'/' or (byte)'=' or Space or Tab)) return false;
        }
        return true;
    }

    private void EnsureScratch(int size)
    {
        if (_scratch is not null && _scratch.Length >= size) return;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(size, 256));
        if (_scratch is not null)
        {
            _scratch.CopyTo(bigger, 0);
            ArrayPool<byte>.Shared.Return(_scratch);
        }
        _scratch = bigger;
    }

    private static string Text(ReadOnlySpan<byte> line) =>
        System.Text.Encoding.UTF8.GetString(line[..Math.Min(line.Length, 60)]);
}
