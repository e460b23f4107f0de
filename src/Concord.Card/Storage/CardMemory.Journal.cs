using System.Buffers.Binary;

namespace Concord.Card.Storage;

internal sealed partial class CardMemory
{
    /// <summary>Writes <paramref name="bytes"/> into the open transaction at data-area <paramref name="offset"/>.</summary>
    public void Write(int offset, ReadOnlySpan<byte> bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, _data.Length - bytes.Length);
        bytes.CopyTo(_data.AsSpan(offset));
        _touched = true;
    }

    /// <summary>Forgets the open transaction's writes.</summary>
    public void Rollback()
    {
        if (!_touched) return;
        _committed.CopyTo(_data, 0);
        _touched = false;
    }

    /// <summary>Makes the open transaction's writes durable, all of them or (after a power cut) none.</summary>
    /// <exception cref="PowerLossException">Power was cut; boot again with <see cref="Open"/>.</exception>
    /// <exception cref="InvalidOperationException">The transaction is larger than the journal (a bug).</exception>
    public void Commit()
    {
        if (!_touched) return;
        _touched = false;
        var runs = ChangedRuns();
        if (runs.Count == 0) return;

        var bodyLength = runs.Sum(r => EntryHeaderLength + r.Length);
        if (bodyLength > JournalCapacity)
            throw new InvalidOperationException(Errors.TransactionTooLarge(bodyLength, JournalCapacity));

        var body = new byte[bodyLength];
        var at = 0;
        foreach (var (offset, length) in runs)
        {
            BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(at), offset);
            BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(at + 4), (ushort)length);
            _data.AsSpan(offset, length).CopyTo(body.AsSpan(at + EntryHeaderLength));
            at += EntryHeaderLength + length;
        }

        // 1. The body, then the header that seals it: the header's write step is the commit point.
        WritePaged(JournalBody, body);
        _eeprom.Flush();
        _sequence++;
        WritePaged(JournalStart, JournalHeader(_sequence, body));
        _eeprom.Flush();

        // 2. The bytes to their home; a cut here is finished by the replay at boot.
        Apply(body);
        _eeprom.Flush();

        // 3. Unseal, so the next body can be written over this one.
        WritePaged(JournalStart, new byte[4]);
        foreach (var (offset, length) in runs) _data.AsSpan(offset, length).CopyTo(_committed.AsSpan(offset));
    }

    private List<(int Offset, int Length)> ChangedRuns()
    {
        var runs = new List<(int Offset, int Length)>();
        var data = _data.AsSpan();
        var committed = _committed.AsSpan();
        var i = 0;
        while (i < data.Length)
        {
            var rest = data[i..].CommonPrefixLength(committed[i..]);
            i += rest;
            if (i >= data.Length) break;
            var start = i;
            var end = i + 1;
            // Extend while the next difference is near enough to share the entry header.
            while (end < data.Length)
            {
                var same = data[end..].CommonPrefixLength(committed[end..]);
                if (end + same >= data.Length || same >= MergeGap) break;
                end += same + 1;
            }
            runs.Add((start, end - start));
            i = end;
        }
        return runs;
    }

    private static byte[] JournalHeader(uint sequence, ReadOnlySpan<byte> body)
    {
        var header = new byte[JournalHeaderLength];
        BinaryPrimitives.WriteUInt32BigEndian(header, JournalMagic);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), sequence);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), body.Length);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(12), Crc32.Compute(body));
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(16), Crc32.Compute(header.AsSpan(0, 16)));
        return header;
    }

    /// <summary>Replays a sealed journal left by a cut between the commit point and the unsealing.</summary>
    private void Recover()
    {
        Span<byte> header = stackalloc byte[JournalHeaderLength];
        _eeprom.Read(JournalStart, header);
        if (BinaryPrimitives.ReadUInt32BigEndian(header) != JournalMagic
            || BinaryPrimitives.ReadUInt32BigEndian(header[16..]) != Crc32.Compute(header[..16]))
            return;

        var bodyLength = BinaryPrimitives.ReadInt32BigEndian(header[8..]);
        if (bodyLength <= 0 || bodyLength > JournalCapacity) return;
        var body = new byte[bodyLength];
        _eeprom.Read(JournalBody, body);
        if (BinaryPrimitives.ReadUInt32BigEndian(header[12..]) != Crc32.Compute(body) || !IsWellFormed(body)) return;

        _sequence = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        Apply(body);
        _eeprom.Flush();
        WritePaged(JournalStart, new byte[4]);
        _eeprom.Flush();
    }

    private bool IsWellFormed(ReadOnlySpan<byte> body)
    {
        var at = 0;
        while (at < body.Length)
        {
            if (body.Length - at < EntryHeaderLength) return false;
            var offset = BinaryPrimitives.ReadInt32BigEndian(body[at..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(body[(at + 4)..]);
            if (offset < 0 || offset > _data.Length - length || length > body.Length - at - EntryHeaderLength)
                return false;
            at += EntryHeaderLength + length;
        }
        return true;
    }

    private void Apply(ReadOnlySpan<byte> body)
    {
        var at = 0;
        while (at < body.Length)
        {
            var offset = BinaryPrimitives.ReadInt32BigEndian(body[at..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(body[(at + 4)..]);
            WritePaged(DataStart + offset, body.Slice(at + EntryHeaderLength, length));
            at += EntryHeaderLength + length;
        }
    }

    /// <summary>Writes page by page: one write step per page touched.</summary>
    private void WritePaged(int offset, ReadOnlySpan<byte> bytes)
    {
        var page = _eeprom.PageSize;
        while (!bytes.IsEmpty)
        {
            var room = page - (offset % page);
            var chunk = Math.Min(room, bytes.Length);
            _eeprom.Write(offset, bytes[..chunk]);
            offset += chunk;
            bytes = bytes[chunk..];
        }
    }
}
