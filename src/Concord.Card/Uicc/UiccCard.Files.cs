using Concord.Card.Apdu;
using Concord.Card.FileSystem;

namespace Concord.Card.Uicc;

public sealed partial class UiccCard
{
    private Reply Select(in CommandApdu c)
    {
        // TS 102 221 §11.1.1.2: P2 04 returns the FCP template, 0C returns nothing.
        if (c.P2 is not (0x04 or 0x0C)) return StatusWord.WrongParameters;
        var data = c.Data.Span;
        CardFile? file;
        switch (c.P1)
        {
            case 0x00:
                if (c.Nc != 2) return StatusWord.WrongLength;
                file = SelectById(Fid(data));
                break;
            case 0x08 or 0x09:
                if (c.Nc == 0 || c.Nc % 2 != 0) return StatusWord.WrongLength;
                file = SelectByPath(data, c.P1 == 0x08 ? Files.Mf : _currentDf);
                break;
            case 0x04:
                // Selection by DF name: this card has no applications.
                file = null;
                break;
            default:
                return StatusWord.WrongParameters;
        }

        if (file is null) return StatusWord.FileNotFound;
        if (file.IsDirectory)
        {
            _currentDf = file;
            _currentEf = null;
        }
        else
        {
            _currentDf = file.Parent!;
            _currentEf = file;
        }
        _recordPointer = 0;
        return c.P2 == 0x04 ? new Reply(Fcp(file), StatusWord.Success) : StatusWord.Success;
    }

    private static ushort Fid(ReadOnlySpan<byte> data) => (ushort)((data[0] << 8) | data[1]);

    /// <summary>TS 102 221 §8.4.1: the files a file identifier may select from the current directory.</summary>
    private CardFile? SelectById(ushort fid)
    {
        if (fid == Files.Mf.Fid) return Files.Mf;
        if (fid == _currentDf.Fid) return _currentDf;
        if (_currentDf.Parent is { } parent)
        {
            if (fid == parent.Fid) return parent;
            var sibling = parent.Child(fid);
            if (sibling is { IsDirectory: true }) return sibling;
        }
        return _currentDf.Child(fid);
    }

    private static CardFile? SelectByPath(ReadOnlySpan<byte> path, CardFile start)
    {
        var file = start;
        for (var i = 0; i < path.Length; i += 2)
        {
            var fid = Fid(path[i..]);
            // A path from the MF does not name the MF (TS 102 221 §8.4.2); tolerate it first.
            if (i == 0 && fid == CardFileSystem.MfId && file == start && start.Kind == FileKind.Master) continue;
            if (!file.IsDirectory) return null;
            file = file.Child(fid);
            if (file is null) return null;
        }
        return file;
    }

    private Reply Status(in CommandApdu c)
    {
        if (c.P1 > 0x02) return StatusWord.WrongParameters;
        if (c.Nc != 0) return StatusWord.WrongLength;
        return c.P2 switch
        {
            0x00 => new Reply(Fcp(_currentDf), StatusWord.Success),
            0x01 => StatusWord.ReferencedDataNotFound,  // no application is active, so there is no DF name
            0x0C => StatusWord.Success,
            _ => StatusWord.WrongParameters,
        };
    }

    /// <summary>The FCP template of a file (TS 102 221 §11.1.1.3).</summary>
    private byte[] Fcp(CardFile file)
    {
        var fcp = new List<byte>();
        void Add(byte tag, params byte[] value)
        {
            fcp.Add(tag);
            fcp.Add((byte)value.Length);
            fcp.AddRange(value);
        }

        static byte[] Be16(int value) => [(byte)(value >> 8), (byte)(value & 0xFF)];

        if (file.IsDirectory)
        {
            Add(0x82, 0x78, 0x21);  // DF, data coding byte 21
            Add(0x83, Be16(file.Fid));
            Add(0xA5, 0x80, 0x01, 0x71);  // UICC characteristics: clock stop allowed, classes
            Add(0x8A, 0x05);  // life cycle: operational, activated
            Add(0x8C, 0x00);  // compact security attributes: no access mode bits set (nothing to protect)
            Add(0xC6, PinStatusTemplate());
            Add(0x81, Be16(TotalSize(file)));
        }
        else
        {
            if (file.Kind == FileKind.LinearFixed)
                Add(0x82, 0x42, 0x21, 0x00, (byte)file.RecordLength, (byte)file.RecordCount);
            else
                Add(0x82, 0x41, 0x21);
            Add(0x83, Be16(file.Fid));
            Add(0x8A, 0x05);
            // Compact format (ISO/IEC 7816-4 §5.4.3.1): AM 03 = update (b2), read (b1), one SC byte each, highest
            // bit first. SC coding is docs/card.md's: 00 always, 01 PIN1, FF never.
            Add(0x8C, 0x03, ScByte(file.Update), ScByte(file.Read));
            Add(0x80, Be16(file.Size));
            if (file.Sfi != 0) Add(0x88, (byte)(file.Sfi << 3));
            else Add(0x88);
        }

        return [0x62, (byte)fcp.Count, .. fcp];
    }

    private static byte ScByte(AccessCondition condition) => condition switch
    {
        AccessCondition.Always => 0x00,
        AccessCondition.Pin1 => 0x01,
        _ => 0xFF,
    };

    private byte[] PinStatusTemplate()
    {
        // TS 102 221 §9.5.2: PS_DO bit 8 for the first key reference listed, bit 7 for the second: 1 = enabled.
        var ps = (byte)((ReadPin(0).Enabled ? 0x80 : 0) | (ReadPin(1).Enabled ? 0x40 : 0));
        return [0x90, 0x01, ps, 0x83, 0x01, PinRef1, 0x83, 0x01, PinRef2];
    }

    private static int TotalSize(CardFile directory) =>
        directory.Children.Sum(f => f.IsDirectory ? TotalSize(f) : f.Size);
}
