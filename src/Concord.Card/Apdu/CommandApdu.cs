using System.Buffers;

namespace Concord.Card.Apdu;

/// <summary>
/// A command APDU (ISO/IEC 7816-4 §5.1) in short form; <see cref="Ne"/> null means no response data expected, and
/// 256 is what Le 00 asks for.
/// </summary>
public readonly record struct CommandApdu(byte Cla, byte Ins, byte P1, byte P2, ReadOnlyMemory<byte> Data, int? Ne = null)
{
    /// <summary>The most command data a short APDU carries.</summary>
    public const int MaxData = 255;

    /// <summary>The most response data a short APDU asks for (Le 00).</summary>
    public const int MaxNe = 256;

    /// <summary>Which of the four cases this command is.</summary>
    public ApduCase Case => (Data.IsEmpty, Ne is null) switch
    {
        (true, true) => ApduCase.NoData,
        (true, false) => ApduCase.ResponseData,
        (false, true) => ApduCase.CommandData,
        (false, false) => ApduCase.CommandAndResponseData,
    };

    /// <summary>Nc, the number of command data bytes.</summary>
    public int Nc => Data.Length;

    /// <summary>P1 and P2 as one big-endian number (an offset, a cursor).</summary>
    public int P1P2 => (P1 << 8) | P2;

    /// <summary>The encoded length of this APDU.</summary>
    public int EncodedLength => 4 + (Data.IsEmpty ? 0 : 1 + Data.Length) + (Ne is null ? 0 : 1);

    /// <summary>Parses one whole short command APDU.</summary>
    /// <exception cref="ApduException">The bytes are not a short APDU; the reason and offset say why.</exception>
    public static CommandApdu Parse(ReadOnlySpan<byte> apdu)
    {
        if (TryParse(apdu, out var command, out var error, out var offset)) return command;
        throw new ApduException(error, offset, Errors.BadCommandApdu(error, offset, apdu.Length));
    }

    /// <summary>Parses one whole short command APDU; false, with the reason and offset, when it is not one.</summary>
    public static bool TryParse(ReadOnlySpan<byte> apdu, out CommandApdu command, out ApduError error, out int offset)
    {
        command = default;
        error = default;
        offset = 0;
        if (apdu.Length < 4)
        {
            (error, offset) = (ApduError.TooShort, apdu.Length);
            return false;
        }

        var (cla, ins, p1, p2) = (apdu[0], apdu[1], apdu[2], apdu[3]);
        var body = apdu[4..];

        // ISO/IEC 7816-3 §12.1.3: the body length alone tells the case of a short APDU.
        switch (body.Length)
        {
            case 0:
                command = new CommandApdu(cla, ins, p1, p2, ReadOnlyMemory<byte>.Empty);
                return true;
            case 1:
                command = new CommandApdu(cla, ins, p1, p2, ReadOnlyMemory<byte>.Empty, Le(body[0]));
                return true;
        }

        if (body[0] == 0)
        {
            (error, offset) = (ApduError.ExtendedLength, 4);
            return false;
        }

        var lc = body[0];
        if (body.Length == 1 + lc)
        {
            command = new CommandApdu(cla, ins, p1, p2, body.Slice(1, lc).ToArray());
            return true;
        }

        if (body.Length == 2 + lc)
        {
            command = new CommandApdu(cla, ins, p1, p2, body.Slice(1, lc).ToArray(), Le(body[^1]));
            return true;
        }

        (error, offset) = (ApduError.LengthMismatch, 4);
        return false;
    }

    private static int Le(byte le) => le == 0 ? MaxNe : le;

    /// <summary>Writes the APDU in short form.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Data over 255 bytes, or Ne outside 1 to 256.</exception>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Data.Length, MaxData, nameof(Data));
        if (Ne is { } ne)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(ne, 1, nameof(Ne));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(ne, MaxNe, nameof(Ne));
        }

        var span = writer.GetSpan(EncodedLength);
        span[0] = Cla;
        span[1] = Ins;
        span[2] = P1;
        span[3] = P2;
        var at = 4;
        if (!Data.IsEmpty)
        {
            span[at++] = (byte)Data.Length;
            Data.Span.CopyTo(span[at..]);
            at += Data.Length;
        }

        if (Ne is { } n) span[at++] = (byte)(n == MaxNe ? 0 : n);
        writer.Advance(at);
    }

    /// <summary>The APDU in short form, as a new array.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Data over 255 bytes, or Ne outside 1 to 256.</exception>
    public byte[] ToArray()
    {
        var writer = new ArrayBufferWriter<byte>(EncodedLength);
        WriteTo(writer);
        return writer.WrittenSpan.ToArray();
    }

    /// <inheritdoc/>
    public override string ToString() => Convert.ToHexString(ToArray());
}
