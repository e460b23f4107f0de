using System.Buffers.Binary;
using System.Text;
using Concord.Card.FileSystem;
using Concord.Card.SyncObjects;
using Concord.Card.Uicc;

namespace Concord.Card.Apdu;

/// <summary>
/// The handset's side of the card interface: sends commands the way a T=0 terminal does (61xx answered with GET
/// RESPONSE, 6Cxx answered by sending again with the exact Le) and wraps the commands a phonebook sync needs.
/// </summary>
public sealed class CardTerminal(ICardConnection connection)
{
    private readonly ICardConnection _connection = connection ?? throw new ArgumentNullException(nameof(connection));

    /// <summary>APDUs sent so far, GET RESPONSEs and resends included (what a benchmark counts).</summary>
    public int ApduCount { get; private set; }

    /// <summary>Sends a command and follows 61xx and 6Cxx until the card gives a final answer.</summary>
    public ResponseApdu Send(CommandApdu command)
    {
        var response = Exchange(command);
        if (response.StatusWord.Sw1 == 0x6C)
            response = Exchange(command with { Ne = response.StatusWord.Sw2 == 0 ? 256 : response.StatusWord.Sw2 });

        var data = new List<byte>(response.Data.ToArray());
        while (response.StatusWord.Sw1 == 0x61)
        {
            var ne = response.StatusWord.Sw2 == 0 ? 256 : response.StatusWord.Sw2;
            response = Exchange(new CommandApdu((byte)(command.Cla & 0x03), Ins.GetResponse, 0, 0, default, ne));
            data.AddRange(response.Data.ToArray());
        }
        return new ResponseApdu(data.ToArray(), response.StatusWord);
    }

    private ResponseApdu Exchange(CommandApdu command)
    {
        ApduCount++;
        return ResponseApdu.Parse(_connection.Transmit(command.ToArray()));
    }

    /// <summary>Sends a command and returns its data, or throws unless the card answered 9000.</summary>
    /// <exception cref="CardStatusException">Any other status word.</exception>
    public byte[] Expect(CommandApdu command, string what)
    {
        var response = Send(command);
        if (response.StatusWord != StatusWord.Success)
            throw new CardStatusException(response.StatusWord, Errors.CardAnswered(what, response.StatusWord));
        return response.Data.ToArray();
    }

    /// <summary>VERIFY PIN1; returns the status word (9000, 63Cx, 6983...).</summary>
    public StatusWord VerifyPin(string pin, byte keyReference = UiccCard.PinRef1) =>
        Send(new CommandApdu(0x00, Ins.Verify, 0, keyReference, Security.PinSlot.Encode(pin))).StatusWord;

    /// <summary>SELECT by path from the MF (P1 08), asking for the FCP.</summary>
    /// <exception cref="CardStatusException">The file is not there.</exception>
    public byte[] SelectPath(params ushort[] path)
    {
        var bytes = new byte[path.Length * 2];
        for (var i = 0; i < path.Length; i++) BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2 * i), path[i]);
        return Expect(new CommandApdu(0x00, Ins.Select, 0x08, 0x04, bytes, 256), "SELECT");
    }

    /// <summary>SELECT EF_ADN (7F10/6F3A).</summary>
    /// <exception cref="CardStatusException">The card refused.</exception>
    public byte[] SelectAdn() => SelectPath(CardFileSystem.TelecomId, CardFileSystem.AdnId);

    /// <summary>READ RECORD (absolute) of the current EF.</summary>
    /// <exception cref="CardStatusException">The card refused.</exception>
    public byte[] ReadRecord(int number, int length) =>
        Expect(new CommandApdu(0x00, Ins.ReadRecord, (byte)number, 0x04, default, length), "READ RECORD");

    /// <summary>UPDATE RECORD (absolute) of the current EF.</summary>
    /// <exception cref="CardStatusException">The card refused.</exception>
    public void UpdateRecord(int number, byte[] record) =>
        Expect(new CommandApdu(0x00, Ins.UpdateRecord, (byte)number, 0x04, record), "UPDATE RECORD");

    /// <summary>NewSync for a peer of EF_ADN.</summary>
    /// <exception cref="CardStatusException">The card refused (6982 PIN, 6A84 table full with refusal asked).</exception>
    public NewSyncResult NewSync(string peerId, bool refuseWhenFull = false)
    {
        var data = Expect(new CommandApdu(0x80, Ins.NewSync,
            refuseWhenFull ? UiccCard.NewSyncRefuseWhenFull : UiccCard.NewSyncMayEvict, 0, PeerData(peerId), 256),
            "NewSync");
        if (data.Length != 19) throw new CardStatusException(StatusWord.TechnicalProblem, Errors.ApduRejected);
        SyncObject? last = (data[0] & 0x01) != 0 ? SyncObject.Read(data.AsSpan(1, 8)) : null;
        return new NewSyncResult(last, SyncObject.Read(data.AsSpan(9, 8)),
            BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(17)), (data[0] & 0x02) != 0);
    }

    /// <summary>GetChanges, every page of it.</summary>
    /// <exception cref="CardStatusException">No session (6985) or no last object (6A88, a full sync is due).</exception>
    public IReadOnlyList<RecordChange> GetChanges()
    {
        var changes = new List<RecordChange>();
        while (true)
        {
            var response = Send(new CommandApdu(0x80, Ins.GetChanges, (byte)(changes.Count >> 8), (byte)(changes.Count & 0xFF),
                default, 256));
            var sw = response.StatusWord;
            if (sw != StatusWord.Success && sw != StatusWord.MoreDataAvailable)
                throw new CardStatusException(sw, Errors.CardAnswered("GetChanges", sw));
            var span = response.Data.Span;
            for (var i = 0; i + 1 < span.Length; i += 2) changes.Add(new RecordChange(span[i + 1], (ChangeKind)span[i]));
            if (sw == StatusWord.Success || span.Length == 0) return changes;
        }
    }

    /// <summary>StoreSync: the proposed object becomes the peer's last one.</summary>
    /// <exception cref="CardStatusException">The card refused.</exception>
    public void StoreSync(SyncObject proposed) =>
        Expect(new CommandApdu(0x80, Ins.StoreSync, 0, 0, proposed.ToArray()), "StoreSync");

    /// <summary>ForgetSync: the card drops the peer's sync object.</summary>
    /// <exception cref="CardStatusException">The card refused (6A88: no such peer).</exception>
    public void ForgetSync(string peerId) =>
        Expect(new CommandApdu(0x80, Ins.ForgetSync, 0, 0, PeerData(peerId)), "ForgetSync");

    private static byte[] PeerData(string peerId)
    {
        var id = Encoding.UTF8.GetBytes(peerId);
        ArgumentOutOfRangeException.ThrowIfZero(id.Length, nameof(peerId));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(id.Length, 32, nameof(peerId));
        return [(byte)(CardFileSystem.AdnId >> 8), CardFileSystem.AdnId & 0xFF, .. id];
    }
}
