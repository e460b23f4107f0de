using System.Buffers.Binary;
using System.Globalization;

namespace Concord.Card.SyncObjects;

/// <summary>
/// A synchronization object: 8 random bytes the card draws to name the state of a database after a sync with one
/// peer (the seed's "synchronization object", a SyncML anchor). Written as 16 hex digits.
/// </summary>
public readonly record struct SyncObject(ulong Value)
{
    /// <summary>Bytes of a sync object.</summary>
    public const int Length = 8;

    /// <summary>Reads 8 big-endian bytes.</summary>
    /// <exception cref="ArgumentException">Not 8 bytes.</exception>
    public static SyncObject Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length) throw new ArgumentException(Errors.SyncObjectLength(bytes.Length), nameof(bytes));
        return new SyncObject(BinaryPrimitives.ReadUInt64BigEndian(bytes));
    }

    /// <summary>Parses the 16-hex-digit form (as a SyncML anchor carries it).</summary>
    public static bool TryParse(string? text, out SyncObject value)
    {
        value = default;
        if (text is null || text.Length != 16) return false;
        if (!ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)) return false;
        value = new SyncObject(v);
        return true;
    }

    /// <summary>The 8 bytes, big-endian.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, Value);
        return bytes;
    }

    /// <inheritdoc/>
    public override string ToString() => Value.ToString("X16", CultureInfo.InvariantCulture);
}
