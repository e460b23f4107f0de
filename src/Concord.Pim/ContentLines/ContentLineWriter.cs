using System.Buffers;
using System.Text;

namespace Concord.Pim.ContentLines;

/// <summary>
/// Writes content lines to an <see cref="IBufferWriter{T}"/>, strictly: CRLF line breaks; RFC folding at 75 octets
/// (never inside a UTF-8 sequence) for vCard 3.0/4.0 and iCalendar; for vCard 2.1 and vCalendar 1.0, values that
/// are QUOTED-PRINTABLE with soft line breaks at 76 characters, BASE64 blocks on indented lines closed by a blank
/// line, and plain values unfolded (RFC 822 folding would change them for readers that drop the white space).
/// </summary>
public sealed class ContentLineWriter
{
    private const int MaxOctets = 75;
    private readonly IBufferWriter<byte> _output;
    private readonly bool _old;
    private int _column;

    /// <summary>Creates a writer; <paramref name="oldStyle"/> for vCard 2.1 and vCalendar 1.0.</summary>
    public ContentLineWriter(IBufferWriter<byte> output, bool oldStyle)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _old = oldStyle;
    }

    /// <summary>Starts a line with its group, name and parameters (raw, as they will appear).</summary>
    public void WriteHead(string? group, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _column = 0;
        if (group is not null)
        {
            WriteText(group);
            Put("."u8);
        }
        WriteText(name);
    }

    /// <summary>Writes one parameter after the head: <c>;NAME=VALUE</c>, or <c>;NAME</c> when the value is null.</summary>
    public void WriteParameter(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        Put(";"u8);
        WriteText(name);
        if (value is null) return;
        Put("="u8);
        WriteText(value);
    }

    /// <summary>Writes ':' and a plain value (already escaped), folded as the style asks, and ends the line.</summary>
    public void WriteValue(ReadOnlySpan<byte> value)
    {
        Put(":"u8);
        Put(value);
        EndLine();
    }

    /// <summary>Writes ':' and a value as QUOTED-PRINTABLE with soft line breaks, and ends the line.</summary>
    public void WriteQuotedPrintable(ReadOnlySpan<byte> value)
    {
        Put(":"u8);
        QuotedPrintable.Encode(value, _output, _column);
        EndLine();
    }

    /// <summary>
    /// Writes ':' and base64 text. Old style: on indented lines after the head, closed by a blank line (vCard 2.1
    /// §2.1.3); otherwise folded like any value.
    /// </summary>
    public void WriteBase64(ReadOnlySpan<byte> base64)
    {
        if (!_old)
        {
            WriteValue(base64);
            return;
        }
        Put(":"u8);
        EndLine();
        for (var i = 0; i < base64.Length; i += 72)
        {
            Write(" "u8);
            Write(base64[i..Math.Min(base64.Length, i + 72)]);
            EndLine();
        }
        EndLine();
    }

    /// <summary>Writes a whole line <c>NAME:VALUE</c> with no parameters (BEGIN, END, VERSION).</summary>
    public void WriteLine(string name, string value)
    {
        WriteHead(null, name);
        Span<byte> buffer = stackalloc byte[256];
        var n = Encoding.UTF8.GetByteCount(value);
        var bytes = n <= buffer.Length ? buffer[..n] : new byte[n];
        Encoding.UTF8.GetBytes(value, bytes);
        WriteValue(bytes);
    }

    private void WriteText(string text)
    {
        Span<byte> buffer = stackalloc byte[256];
        var n = Encoding.UTF8.GetByteCount(text);
        var bytes = n <= buffer.Length ? buffer[..n] : new byte[n];
        Encoding.UTF8.GetBytes(text, bytes);
        Put(bytes);
    }

    // Old style never folds plain text: RFC 822 folding would add white space for readers that keep it.
    private void Put(ReadOnlySpan<byte> bytes)
    {
        if (_old) Write(bytes);
        else WriteFolded(bytes);
    }

    private void EndLine()
    {
        Write("\r\n"u8);
        _column = 0;
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _output.Write(bytes);
        _column += bytes.Length;
    }

    // RFC 6350 §3.2 / RFC 5545 §3.1: lines longer than 75 octets are split with CRLF SPACE, not inside a character.
    private void WriteFolded(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var room = MaxOctets - _column;
            if (bytes.Length <= room)
            {
                Write(bytes);
                return;
            }
            var cut = Math.Max(room, 0);
            while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) cut--;
            if (cut == 0 && _column <= 1) cut = Math.Min(bytes.Length, MaxOctets - 1);
            Write(bytes[..cut]);
            _output.Write("\r\n "u8);
            _column = 1;
            bytes = bytes[cut..];
        }
    }
}
