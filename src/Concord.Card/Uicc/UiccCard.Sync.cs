using System.Buffers.Binary;
using Concord.Card.Apdu;
using Concord.Card.FileSystem;
using Concord.Card.Phonebook;
using Concord.Card.Storage;
using Concord.Card.SyncObjects;
using L = Concord.Card.Storage.CardLayout;

namespace Concord.Card.Uicc;

public sealed partial class UiccCard
{
    /// <summary>NewSync P1: 00 lets StoreSync evict the least recently synchronized peer; 01 refuses instead.</summary>
    public const byte NewSyncMayEvict = 0x00;

    /// <summary>NewSync P1: refuse (6A84) when the peer is new and the table is full.</summary>
    public const byte NewSyncRefuseWhenFull = 0x01;

    /// <summary>A sync session, opened by NewSync and closed by StoreSync, ForgetSync or a reset; RAM only.</summary>
    private sealed record SyncSession(ushort Fid, byte[] PeerId, byte[] Proposal);

    private Reply NewSync(in CommandApdu c)
    {
        if (c.P1 > NewSyncRefuseWhenFull || c.P2 != 0) return StatusWord.WrongParameters;
        if (!TryPeer(c, out var fid, out var peerId)) return StatusWord.WrongLength;
        if (fid != CardFileSystem.AdnId) return StatusWord.FileNotFound;
        if (!Allowed(AccessCondition.Pin1)) return StatusWord.SecurityStatusNotSatisfied;

        var slot = FindPeer(fid, peerId);
        var wouldEvict = slot < 0 && FreePeerSlot() < 0;
        if (wouldEvict && c.P1 == NewSyncRefuseWhenFull) return StatusWord.NotEnoughMemory;

        var last = slot >= 0 ? SlotObject(slot) : [];
        var proposal = new byte[SyncObject.Length];
        do
        {
            _random.GetBytes(proposal);
        }
        while (proposal.AsSpan().SequenceEqual(last));

        var changes = slot >= 0 ? Changes(slot).Count : 0;
        var answer = new byte[1 + (2 * SyncObject.Length) + 2];
        answer[0] = (byte)((slot >= 0 ? 0x01 : 0) | (wouldEvict ? 0x02 : 0));
        last.CopyTo(answer, 1);
        proposal.CopyTo(answer, 1 + SyncObject.Length);
        BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(1 + (2 * SyncObject.Length)), (ushort)changes);
        _session = new SyncSession(fid, peerId, proposal);
        return new Reply(answer, StatusWord.Success);
    }

    private Reply GetChanges(in CommandApdu c)
    {
        if (c.Nc != 0 || c.Ne is not { } ne) return StatusWord.WrongLength;
        if (_session is null) return StatusWord.ConditionsNotSatisfied;
        if (!Allowed(AccessCondition.Pin1)) return StatusWord.SecurityStatusNotSatisfied;
        var slot = FindPeer(_session.Fid, _session.PeerId);
        if (slot < 0) return StatusWord.ReferencedDataNotFound;  // no last object: the peer needs a full sync

        var changes = Changes(slot);
        var first = c.P1P2;
        if (first > changes.Count) return StatusWord.WrongParameters;
        if (first == changes.Count) return StatusWord.Success;
        if (ne < 2) return StatusWord.ExactLength(2);

        var take = Math.Min(ne / 2, changes.Count - first);
        var answer = new byte[2 * take];
        for (var i = 0; i < take; i++)
        {
            answer[2 * i] = (byte)changes[first + i].Kind;
            answer[(2 * i) + 1] = (byte)changes[first + i].Record;
        }
        var sw = first + take < changes.Count ? StatusWord.MoreDataAvailable : StatusWord.Success;
        return new Reply(answer, sw, Sized: true);
    }

    private Reply StoreSync(in CommandApdu c)
    {
        if (c.P1 != 0 || c.P2 != 0) return StatusWord.WrongParameters;
        if (c.Nc != SyncObject.Length) return StatusWord.WrongLength;
        if (_session is not { } session) return StatusWord.ConditionsNotSatisfied;
        if (!Allowed(AccessCondition.Pin1)) return StatusWord.SecurityStatusNotSatisfied;
        if (!c.Data.Span.SequenceEqual(session.Proposal)) return StatusWord.IncorrectData;

        // The documented rule (docs/card.md, "Peers"): a new peer takes a free slot, else the slot of the peer that
        // synchronized least recently, whose next sync is then a full one.
        var slot = FindPeer(session.Fid, session.PeerId);
        if (slot < 0) slot = FreePeerSlot();
        if (slot < 0) slot = OldestPeerSlot();

        var layout = _memory.Layout;
        var generation = BinaryPrimitives.ReadUInt32BigEndian(_memory.Data[layout.SyncGeneration..]) + 1;
        Span<byte> counter = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, generation);
        _memory.Write(layout.SyncGeneration, counter);

        var bytes = new byte[layout.PeerSlotSize];  // the register starts empty: nothing changed since this object
        bytes[L.SlotUsed] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(L.SlotFid), session.Fid);
        bytes[L.SlotIdLength] = (byte)session.PeerId.Length;
        session.PeerId.CopyTo(bytes, L.SlotId);
        session.Proposal.CopyTo(bytes, L.SlotObject);
        counter.CopyTo(bytes.AsSpan(L.SlotGeneration));
        _memory.Write(layout.PeerSlot(slot), bytes);
        _session = null;
        return StatusWord.Success;
    }

    private Reply ForgetSync(in CommandApdu c)
    {
        if (c.P1 != 0 || c.P2 != 0) return StatusWord.WrongParameters;
        if (!TryPeer(c, out var fid, out var peerId)) return StatusWord.WrongLength;
        if (fid != CardFileSystem.AdnId) return StatusWord.FileNotFound;
        if (!Allowed(AccessCondition.Pin1)) return StatusWord.SecurityStatusNotSatisfied;
        var slot = FindPeer(fid, peerId);
        if (slot < 0) return StatusWord.ReferencedDataNotFound;

        _memory.Write(_memory.Layout.PeerSlot(slot), new byte[_memory.Layout.PeerSlotSize]);
        if (_session is { } s && s.Fid == fid && s.PeerId.AsSpan().SequenceEqual(peerId)) _session = null;
        return StatusWord.Success;
    }

    /// <summary>Command data of NewSync and ForgetSync: file id (2 bytes), then the peer id (1 to 32 bytes).</summary>
    private static bool TryPeer(in CommandApdu c, out ushort fid, out byte[] peerId)
    {
        (fid, peerId) = (0, []);
        if (c.Nc < 3 || c.Nc > 2 + L.MaxPeerId) return false;
        fid = BinaryPrimitives.ReadUInt16BigEndian(c.Data.Span);
        peerId = c.Data.Span[2..].ToArray();
        return true;
    }

    private ReadOnlySpan<byte> Slot(int index) =>
        _memory.Data.Slice(_memory.Layout.PeerSlot(index), _memory.Layout.PeerSlotSize);

    private byte[] SlotObject(int index) => Slot(index).Slice(L.SlotObject, SyncObject.Length).ToArray();

    private int FindPeer(ushort fid, ReadOnlySpan<byte> peerId)
    {
        for (var i = 0; i < Geometry.PeerCapacity; i++)
        {
            var slot = Slot(i);
            if (slot[L.SlotUsed] == 1 && BinaryPrimitives.ReadUInt16BigEndian(slot[L.SlotFid..]) == fid
                && slot.Slice(L.SlotId, slot[L.SlotIdLength]).SequenceEqual(peerId))
                return i;
        }
        return -1;
    }

    private int FreePeerSlot()
    {
        for (var i = 0; i < Geometry.PeerCapacity; i++)
            if (Slot(i)[L.SlotUsed] != 1) return i;
        return -1;
    }

    private int OldestPeerSlot()
    {
        var (oldest, best) = (0, uint.MaxValue);
        for (var i = 0; i < Geometry.PeerCapacity; i++)
        {
            var generation = BinaryPrimitives.ReadUInt32BigEndian(Slot(i)[L.SlotGeneration..]);
            if (generation < best) (oldest, best) = (i, generation);
        }
        return oldest;
    }

    private List<(ChangeKind Kind, int Record)> Changes(int slot)
    {
        var register = Slot(slot)[L.SlotRegister..];
        var changes = new List<(ChangeKind, int)>();
        for (var record = 1; record <= Geometry.AdnRecords; record++)
        {
            var kind = ChangeRegister.Get(register, record);
            if (kind != ChangeKind.None) changes.Add((kind, record));
        }
        return changes;
    }

    /// <summary>
    /// Writes a record and, for the phonebook, moves every peer's change register: the card keeps the register for
    /// every write, whoever sends it.
    /// </summary>
    private void WriteRecord(CardFile file, int number, ReadOnlySpan<byte> bytes)
    {
        var before = RecordBytes(file, number).ToArray();
        if (before.AsSpan().SequenceEqual(bytes)) return;  // nothing changes, nothing to report

        List<int> touched = [];
        if (file == Files.Adn)
        {
            touched.Add(number);
        }
        else if (file == Files.Ext1)
        {
            // A changed EXT1 record changes the number of every entry whose extension chain goes through it.
            for (var adn = 1; adn <= Geometry.AdnRecords; adn++)
                if (ChainReaches(RecordBytes(Files.Adn, adn), number)) touched.Add(adn);
        }

        var heldBefore = touched.ConvertAll(adn => !AdnRecordCodec.IsFree(RecordBytes(Files.Adn, adn)));
        _memory.Write(file.DataOffset + ((number - 1) * file.RecordLength), bytes);
        if (touched.Count == 0) return;

        for (var slot = 0; slot < Geometry.PeerCapacity; slot++)
        {
            var bytesOfSlot = Slot(slot);
            if (bytesOfSlot[L.SlotUsed] != 1) continue;
            var register = bytesOfSlot[L.SlotRegister..].ToArray();
            for (var i = 0; i < touched.Count; i++)
            {
                var adn = touched[i];
                var holdsAfter = !AdnRecordCodec.IsFree(RecordBytes(Files.Adn, adn));
                var next = ChangeRegister.Next(ChangeRegister.Get(register, adn), heldBefore[i], holdsAfter);
                ChangeRegister.Set(register, adn, next);
            }
            _memory.Write(_memory.Layout.PeerSlot(slot) + L.SlotRegister, register);
        }
    }

    private bool ChainReaches(ReadOnlySpan<byte> adnRecord, int ext1Record)
    {
        var next = AdnRecordCodec.ExtensionOf(adnRecord);
        for (var hops = 0; next is { } n && n >= 1 && n <= Geometry.Ext1Records && hops <= Geometry.Ext1Records; hops++)
        {
            if (n == ext1Record) return true;
            var ext = RecordBytes(Files.Ext1!, n);
            next = ext[^1] == 0xFF ? null : ext[^1];
        }
        return false;
    }

    private static void Initialize(Span<byte> data, CardLayout layout, UiccCardOptions options)
    {
        data.Clear();
        var pins = new[] { (options.Pin1, 3, options.Pin1Enabled), (options.Pin2, 3, true),
            (options.Puk1, 10, true), (options.Puk2, 10, true) };
        for (var i = 0; i < pins.Length; i++)
        {
            var (value, tries, enabled) = pins[i];
            new Security.PinSlot(Security.PinSlot.Encode(value, i < 2 ? 4 : 8), tries, tries, enabled)
                .WriteTo(data[layout.PinSlot(i)..]);
        }

        // EF_ICCID (TS 102 221 §13.2): BCD with the nibbles of each byte swapped, F filled.
        var iccid = data.Slice(layout.Iccid, L.IccidLength);
        if (!DiallingNumber.TryEncode(options.Iccid, out _, out var bcd) || bcd.Length > L.IccidLength
            || !options.Iccid.All(char.IsAsciiDigit))
            throw new ArgumentException(Errors.BadIccid(options.Iccid), nameof(options));
        iccid.Fill(0xFF);
        bcd.CopyTo(iccid);

        var pl = data.Slice(layout.Pl, L.PlLength);
        pl.Fill(0xFF);
        "en"u8.CopyTo(pl);  // EF_PL: preferred language English (ISO 639 alpha-2)

        var g = layout.Geometry;
        data.Slice(layout.Adn, g.AdnRecords * g.AdnRecordLength).Fill(0xFF);
        data.Slice(layout.Ext1, g.Ext1Records * AdnRecordCodec.Ext1RecordLength).Fill(0xFF);
    }
}
