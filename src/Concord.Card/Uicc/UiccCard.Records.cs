using Concord.Card.Apdu;
using Concord.Card.FileSystem;

namespace Concord.Card.Uicc;

public sealed partial class UiccCard
{
    private const byte ModeNext = 0x02;
    private const byte ModePrevious = 0x03;
    private const byte ModeAbsolute = 0x04;

    private Reply ReadRecord(in CommandApdu c)
    {
        if (c.Nc != 0 || c.Ne is null) return StatusWord.WrongLength;
        var (file, error) = RecordFile(c.P2, read: true);
        if (error is { } e) return e;
        var (number, pointer) = ResolveRecord(file!, c.P1, (byte)(c.P2 & 0x07));
        if (number <= 0) return number == 0 ? StatusWord.RecordNotFound : StatusWord.WrongParameters;

        (_currentEf, _recordPointer) = (file, pointer);
        return new Reply(RecordBytes(file!, number).ToArray(), StatusWord.Success);
    }

    private Reply UpdateRecord(in CommandApdu c)
    {
        var (file, error) = RecordFile(c.P2, read: false);
        if (error is { } e) return e;
        if (c.Nc != file!.RecordLength) return StatusWord.WrongLength;
        var (number, pointer) = ResolveRecord(file, c.P1, (byte)(c.P2 & 0x07));
        if (number <= 0) return number == 0 ? StatusWord.RecordNotFound : StatusWord.WrongParameters;

        (_currentEf, _recordPointer) = (file, pointer);
        WriteRecord(file, number, c.Data.Span);
        return StatusWord.Success;
    }

    /// <summary>The record file P2 names (its SFI, or the current EF), checked for structure and access.</summary>
    private (CardFile? File, StatusWord? Error) RecordFile(byte p2, bool read)
    {
        var sfi = p2 >> 3;
        if (sfi == 0x1F) return (null, StatusWord.WrongParameters);
        var file = _currentEf;
        if (sfi != 0)
        {
            file = _currentDf.Children.FirstOrDefault(f => f.Sfi == sfi && !f.IsDirectory);
            // ISO/IEC 7816-4 §7.3.1: a command with an SFI makes that EF current (once it succeeds).
            if (file is null) return (null, StatusWord.FileNotFound);
        }

        if (file is null) return (null, StatusWord.NoCurrentEf);
        if (file.Kind != FileKind.LinearFixed) return (null, StatusWord.IncompatibleFileStructure);
        if ((p2 & 0x07) is not (ModeNext or ModePrevious or ModeAbsolute)) return (null, StatusWord.WrongParameters);
        if (!Allowed(read ? file.Read : file.Update)) return (null, StatusWord.SecurityStatusNotSatisfied);
        return (file, null);
    }

    /// <summary>
    /// TS 102 221 §11.1.5: the record a mode addresses and the record pointer after it; record 0 means not found,
    /// -1 bad parameters. Absolute and current modes leave the pointer; next and previous move it, never wrapping
    /// round a linear fixed EF.
    /// </summary>
    private (int Number, int Pointer) ResolveRecord(CardFile file, byte p1, byte mode)
    {
        var current = file == _currentEf ? _recordPointer : 0;
        return mode switch
        {
            ModeAbsolute when p1 == 0 => (current, current),
            ModeAbsolute when p1 == 0xFF => (-1, current),
            ModeAbsolute => (p1 <= file.RecordCount ? p1 : 0, current),
            ModeNext => current < file.RecordCount ? (current + 1, current + 1) : (0, current),
            _ => current == 0 ? (file.RecordCount, file.RecordCount)
                : current > 1 ? (current - 1, current - 1) : (0, current),
        };
    }

    private ReadOnlySpan<byte> RecordBytes(CardFile file, int number) =>
        _memory.Data.Slice(file.DataOffset + ((number - 1) * file.RecordLength), file.RecordLength);

    private Reply ReadBinary(in CommandApdu c)
    {
        if (c.Nc != 0 || c.Ne is not { } ne) return StatusWord.WrongLength;
        var (file, offset, error) = BinaryFile(c.P1, c.P2, read: true);
        if (error is { } e) return e;

        var available = file!.Size - offset;
        var take = Math.Min(ne, available);
        var data = _memory.Data.Slice(file.DataOffset + offset, take).ToArray();
        SelectImplicitly(file);
        // Le 00 asks for "up to 256"; an explicit Le past the end is answered with what there is and 6282.
        var sw = ne > available && ne != CommandApdu.MaxNe ? StatusWord.EndOfFileReached : StatusWord.Success;
        return new Reply(data, sw, Sized: true);
    }

    private Reply UpdateBinary(in CommandApdu c)
    {
        if (c.Nc == 0) return StatusWord.WrongLength;
        var (file, offset, error) = BinaryFile(c.P1, c.P2, read: false);
        if (error is { } e) return e;
        if (c.Nc > file!.Size - offset) return StatusWord.WrongLength;

        _memory.Write(file.DataOffset + offset, c.Data.Span);
        SelectImplicitly(file);
        return StatusWord.Success;
    }

    /// <summary>TS 102 221 §11.1.3: P1 b8 set means an SFI in b5-b1 and the offset in P2, else a 15-bit offset.</summary>
    private (CardFile? File, int Offset, StatusWord? Error) BinaryFile(byte p1, byte p2, bool read)
    {
        var file = _currentEf;
        int offset;
        if ((p1 & 0x80) != 0)
        {
            if ((p1 & 0x60) != 0) return (null, 0, StatusWord.WrongParameters);
            var sfi = p1 & 0x1F;
            file = _currentDf.Children.FirstOrDefault(f => f.Sfi == sfi && !f.IsDirectory);
            if (file is null) return (null, 0, StatusWord.FileNotFound);
            offset = p2;
        }
        else
        {
            offset = (p1 << 8) | p2;
        }

        if (file is null) return (null, 0, StatusWord.NoCurrentEf);
        if (file.Kind != FileKind.Transparent) return (null, 0, StatusWord.IncompatibleFileStructure);
        if (!Allowed(read ? file.Read : file.Update)) return (null, 0, StatusWord.SecurityStatusNotSatisfied);
        if (offset >= file.Size) return (null, 0, StatusWord.WrongParameters);
        return (file, offset, null);
    }

    private void SelectImplicitly(CardFile file)
    {
        if (file == _currentEf) return;
        _currentEf = file;
        _recordPointer = 0;
    }

    private bool Allowed(AccessCondition condition) => condition switch
    {
        AccessCondition.Always => true,
        AccessCondition.Pin1 => _verified[0] || !ReadPin(0).Enabled,
        _ => false,
    };
}
