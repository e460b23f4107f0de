using System.Buffers.Binary;

namespace Concord.Card.Pcsc;

/// <summary>
/// Reads vpcd frames from received bytes: a 2-byte big-endian length, then that many bytes (a control byte or an
/// APDU). Forward-only over a span; when a frame is incomplete it reports nothing and stays put.
/// </summary>
public ref struct VpcdFrameReader(ReadOnlySpan<byte> input)
{
    /// <summary>Largest payload accepted: a short APDU with 255 data bytes and Le (261), rounded up.</summary>
    public const int MaxPayload = 261;

    private readonly ReadOnlySpan<byte> _input = input;
    private int _offset;

    /// <summary>Bytes of whole frames read so far.</summary>
    public readonly int BytesConsumed => _offset;

    /// <summary>Reads the next whole frame; false if the input ends inside it (or before it).</summary>
    /// <exception cref="InvalidDataException">A length of 0 or over <see cref="MaxPayload"/>: not vpcd.</exception>
    public bool TryReadFrame(out ReadOnlySpan<byte> payload)
    {
        payload = default;
        var rest = _input[_offset..];
        if (rest.Length < 2) return false;
        int length = BinaryPrimitives.ReadUInt16BigEndian(rest);
        if (length is 0 or > MaxPayload) throw new InvalidDataException(Errors.VpcdFrame(length));
        if (rest.Length < 2 + length) return false;
        payload = rest.Slice(2, length);
        _offset += 2 + length;
        return true;
    }

    /// <summary>Writes one frame: the length, then the payload.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> payload)
    {
        var frame = new byte[2 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, checked((ushort)payload.Length));
        payload.CopyTo(frame.AsSpan(2));
        return frame;
    }
}
