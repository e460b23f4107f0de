using System.Security.Cryptography;
using Concord.Card.Apdu;
using Concord.Card.Storage;
using Concord.Card.Uicc;

namespace Concord.CardSync.Tests.Support;

/// <summary>
/// A card of the default size (250 records of 32 bytes, 10 EXT1 records, 8 peers) in an EEPROM that outlives every
/// power-on: each <see cref="Insert"/> boots it again, as putting it in a handset does.
/// </summary>
internal sealed class SimCard
{
    private readonly MemoryEeprom _eeprom;

    public SimCard(CardGeometry? geometry = null)
    {
        var g = geometry ?? CardGeometry.Default;
        _eeprom = new MemoryEeprom(UiccCard.RequiredEepromSize(g));
        UiccCard.Format(_eeprom, new UiccCardOptions { Geometry = g, Iccid = "8944110000000000042" }, RandomNumberGenerator.Create());
    }

    /// <summary>Powers the card on and gives a terminal that counts the APDUs it sends.</summary>
    public (CardTerminal Terminal, CountingConnection Connection) Insert()
    {
        var card = UiccCard.Boot(_eeprom, RandomNumberGenerator.Create());
        var connection = new CountingConnection(new InProcessConnection(card));
        return (new CardTerminal(connection), connection);
    }
}

/// <summary>A connection that counts what goes through it by instruction byte.</summary>
internal sealed class CountingConnection(ICardConnection inner) : ICardConnection
{
    private readonly Dictionary<byte, int> _byIns = [];

    public ReadOnlyMemory<byte> Atr => inner.Atr;

    /// <summary>READ RECORD commands sent (INS B2).</summary>
    public int RecordReads => _byIns.GetValueOrDefault((byte)0xB2);

    /// <summary>UPDATE RECORD commands sent (INS DC).</summary>
    public int RecordWrites => _byIns.GetValueOrDefault((byte)0xDC);

    /// <summary>StoreSync commands sent (INS 54).</summary>
    public int StoreSyncs => _byIns.GetValueOrDefault((byte)0x54);

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        if (command.Length > 1) _byIns[command[1]] = _byIns.GetValueOrDefault(command[1]) + 1;
        return inner.Transmit(command);
    }
}
