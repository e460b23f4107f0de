using System.Security.Cryptography;
using Concord.Card.Apdu;
using Concord.Card.FileSystem;
using Concord.Card.Storage;

namespace Concord.Card.Uicc;

/// <summary>
/// A virtual UICC: answers ISO/IEC 7816-4 / TS 102 221 APDUs over a file system with EF_ADN, keeps a change register
/// and per-peer sync objects for the phonebook (docs/card.md), and keeps all of it in an <see cref="IEeprom"/> where
/// every command happens whole or not at all. One instance is one power-on of the card; after a power cut, boot a
/// new one from the same EEPROM.
/// </summary>
public sealed partial class UiccCard
{
    private readonly Lock _gate = new();
    private readonly CardMemory _memory;
    private readonly RandomNumberGenerator _random;

    // RAM state (TS 102 221 §8.4.1, §9.5): lost at every reset and power cut.
    private CardFile _currentDf;
    private CardFile? _currentEf;
    private int _recordPointer;  // 0 when not set within the current EF
    private readonly bool[] _verified = new bool[2];  // PIN1, PIN2
    private byte[]? _pending;  // response bytes waiting for GET RESPONSE
    private SyncSession? _session;
    private bool _dead;

    private UiccCard(CardMemory memory, RandomNumberGenerator? random)
    {
        _memory = memory;
        _random = random ?? RandomNumberGenerator.Create();
        Files = new CardFileSystem(memory.Layout);
        _currentDf = Files.Mf;
    }

    /// <summary>The answer to reset.</summary>
    public ReadOnlyMemory<byte> Atr => CardAtr.Bytes;

    /// <summary>The sizes the card was formatted with.</summary>
    public CardGeometry Geometry => _memory.Geometry;

    /// <summary>The file tree.</summary>
    public CardFileSystem Files { get; }

    /// <summary>The EEPROM-backed state, for tests that compare it byte for byte.</summary>
    internal CardMemory Memory => _memory;

    /// <summary>EEPROM bytes a card of <paramref name="geometry"/> needs with pages of <paramref name="pageSize"/>.</summary>
    public static int RequiredEepromSize(CardGeometry geometry, int pageSize = 64) =>
        CardMemory.RequiredSize(geometry, pageSize);

    /// <summary>Formats a new card into <paramref name="eeprom"/> and powers it on.</summary>
    /// <param name="eeprom">The memory; at least <see cref="RequiredEepromSize"/> bytes.</param>
    /// <param name="options">Geometry, PINs, ICCID; the defaults when null.</param>
    /// <param name="random">The source of sync objects; a cryptographic generator when null.</param>
    /// <exception cref="ArgumentException">The memory is too small, or a PIN or the ICCID is malformed.</exception>
    public static UiccCard Format(IEeprom eeprom, UiccCardOptions? options = null, RandomNumberGenerator? random = null)
    {
        options ??= new UiccCardOptions();
        var memory = CardMemory.Format(eeprom, options.Geometry, (data, layout) => Initialize(data, layout, options));
        return new UiccCard(memory, random);
    }

    /// <summary>Powers on a card from its EEPROM, finishing a command a power cut interrupted.</summary>
    /// <exception cref="CardImageException">The memory holds no card.</exception>
    /// <exception cref="PowerLossException">Power was cut again while booting.</exception>
    public static UiccCard Boot(IEeprom eeprom, RandomNumberGenerator? random = null) =>
        new(CardMemory.Open(eeprom), random);

    /// <summary>A warm reset: RAM state (selection, verified PINs, pending response, sync session) is lost.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _currentDf = Files.Mf;
            _currentEf = null;
            _recordPointer = 0;
            Array.Clear(_verified);
            _pending = null;
            _session = null;
        }
    }

    /// <summary>Answers one command APDU with the response bytes (data, SW1, SW2); bad input gets a status word.</summary>
    /// <exception cref="PowerLossException">The EEPROM lost power; this instance is dead, boot a new one.</exception>
    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_dead, this);
            if (!CommandApdu.TryParse(command, out var apdu, out _, out _))
            {
                _pending = null;
                return new ResponseApdu(StatusWord.WrongLength).ToArray();
            }
            return Process(apdu).ToArray();
        }
    }

    /// <summary>Answers one parsed command APDU.</summary>
    /// <exception cref="PowerLossException">The EEPROM lost power; this instance is dead, boot a new one.</exception>
    public ResponseApdu Transmit(CommandApdu command)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_dead, this);
            return Process(command);
        }
    }

    private ResponseApdu Process(in CommandApdu c)
    {
        var (kind, classError) = Classify(c.Cla);
        if (classError is { } error)
        {
            _pending = null;
            return new ResponseApdu(error);
        }

        if (kind == ClassKind.Iso && c.Ins == Ins.GetResponse) return GetResponse(c);
        _pending = null;

        Reply reply;
        try
        {
            reply = Dispatch(c, kind);
            if (reply.Sw.MayChangeMemory) _memory.Commit();
            else _memory.Rollback();
        }
        catch (PowerLossException)
        {
            _dead = true;
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not bad input: answer "technical problem" and keep the card as it was.
            _memory.Rollback();
            reply = new Reply(StatusWord.TechnicalProblem);
        }
        return Shape(c, reply);
    }

    private ResponseApdu Shape(in CommandApdu c, Reply reply)
    {
        var data = reply.Data;
        if (data.Length == 0 || reply.Sized) return new ResponseApdu(data, reply.Sw);

        // ISO/IEC 7816-3 §12.2 (T=0): without Le, or for case 4 with an Le that does not match, the data waits for
        // GET RESPONSE behind 61xx; a case 2 command with the wrong Le gets 6Cxx and is sent again.
        if (c.Ne is not { } ne || (ne != data.Length && ne != CommandApdu.MaxNe && c.Case == ApduCase.CommandAndResponseData))
        {
            _pending = data;
            return new ResponseApdu(StatusWord.BytesAvailable(data.Length));
        }

        if (ne == data.Length || (ne == CommandApdu.MaxNe && data.Length <= ne)) return new ResponseApdu(data, reply.Sw);
        return new ResponseApdu(StatusWord.ExactLength(data.Length));
    }

    private ResponseApdu GetResponse(in CommandApdu c)
    {
        if (c.P1 != 0 || c.P2 != 0) return new ResponseApdu(StatusWord.WrongParameters);
        if (c.Nc != 0) return new ResponseApdu(StatusWord.WrongLength);
        if (_pending is null) return new ResponseApdu(StatusWord.ConditionsNotSatisfied);

        var ne = c.Ne ?? CommandApdu.MaxNe;
        if (ne != CommandApdu.MaxNe && ne > _pending.Length)
            return new ResponseApdu(StatusWord.ExactLength(_pending.Length));

        var take = Math.Min(ne, _pending.Length);
        var data = _pending[..take];
        _pending = take < _pending.Length ? _pending[take..] : null;
        return new ResponseApdu(data, _pending is null ? StatusWord.Success : StatusWord.BytesAvailable(_pending.Length));
    }

    private enum ClassKind
    {
        Iso,
        Proprietary,
    }

    private static (ClassKind Kind, StatusWord? Error) Classify(byte cla)
    {
        // ISO/IEC 7816-4 §5.4.1 and TS 102 221 §10.1.1: 0X and 8X share one layout: b5 chaining, b4-b3 secure
        // messaging, b2-b1 logical channel; 4X-7X and CX are further logical channels.
        var kind = cla < 0x80 ? ClassKind.Iso : ClassKind.Proprietary;
        return (cla & 0x60, cla & 0x1F) switch
        {
            (0x00, var low) when cla is < 0x20 or (>= 0x80 and < 0xA0) => low switch
            {
                >= 0x10 => (kind, StatusWord.ChainingNotSupported),
                _ when (low & 0x0C) != 0 => (kind, StatusWord.SecureMessagingNotSupported),
                _ when (low & 0x03) != 0 => (kind, StatusWord.LogicalChannelNotSupported),
                _ => (kind, null),
            },
            (0x40 or 0x60, _) when cla < 0x80 || cla is >= 0xC0 and < 0xD0 =>
                (kind, StatusWord.LogicalChannelNotSupported),
            _ => (kind, StatusWord.ClassNotSupported),
        };
    }

    private Reply Dispatch(in CommandApdu c, ClassKind kind) => (kind, c.Ins) switch
    {
        (ClassKind.Iso, Ins.Select) => Select(c),
        (ClassKind.Iso, Ins.ReadBinary) => ReadBinary(c),
        (ClassKind.Iso, Ins.UpdateBinary) => UpdateBinary(c),
        (ClassKind.Iso, Ins.ReadRecord) => ReadRecord(c),
        (ClassKind.Iso, Ins.UpdateRecord) => UpdateRecord(c),
        (ClassKind.Iso, Ins.Verify) => Verify(c),
        (ClassKind.Iso, Ins.ChangePin) => ChangePin(c),
        (ClassKind.Iso, Ins.DisablePin) => DisablePin(c),
        (ClassKind.Iso, Ins.EnablePin) => EnablePin(c),
        (ClassKind.Iso, Ins.UnblockPin) => UnblockPin(c),
        (ClassKind.Proprietary, Ins.Status) => Status(c),
        (ClassKind.Proprietary, Ins.NewSync) => NewSync(c),
        (ClassKind.Proprietary, Ins.GetChanges) => GetChanges(c),
        (ClassKind.Proprietary, Ins.StoreSync) => StoreSync(c),
        (ClassKind.Proprietary, Ins.ForgetSync) => ForgetSync(c),
        // TS 102 221 §10.2.1: an instruction this card knows, sent in the other class, is a class error.
        (ClassKind.Iso, _) when Ins.IsProprietary(c.Ins) => new Reply(StatusWord.ClassNotSupported),
        (ClassKind.Proprietary, _) when Ins.IsIso(c.Ins) => new Reply(StatusWord.ClassNotSupported),
        _ => new Reply(StatusWord.InstructionNotSupported),
    };

    /// <summary>What a handler answers: data and status; <paramref name="Sized"/> when it already honoured Le.</summary>
    private readonly record struct Reply(byte[] Data, StatusWord Sw, bool Sized = false)
    {
        public Reply(StatusWord sw)
            : this([], sw)
        {
        }

        public static implicit operator Reply(StatusWord sw) => new(sw);
    }
}
