using Concord.Card.Apdu;
using static Concord.Card.Pcsc.PcscNative;

namespace Concord.Card.Pcsc;

/// <summary>A card reached through pcscd: APDUs go through SCardTransmit, untouched (no automatic GET RESPONSE).</summary>
public sealed unsafe class PcscConnection : ICardConnection, IDisposable
{
    private nint _card;
    private readonly nint _protocol;

    internal PcscConnection(nint card, nint protocol)
    {
        _card = card;
        _protocol = protocol;
        Atr = ReadAtr();
    }

    /// <summary>T=0 (1) or T=1 (2), as negotiated.</summary>
    public int Protocol => (int)_protocol;

    /// <inheritdoc/>
    public ReadOnlyMemory<byte> Atr { get; }

    private byte[] ReadAtr()
    {
        var atr = new byte[MaxAtrSize];
        nint atrLength = atr.Length;
        nint nameLength = 0;
        fixed (byte* a = atr)
            PcscContext.Check(SCardStatus(_card, null, ref nameLength, out _, out _, a, ref atrLength), "SCardStatus");
        return atr[..(int)atrLength];
    }

    /// <inheritdoc/>
    /// <exception cref="PcscException">The transmission failed (card removed, reader gone).</exception>
    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        var response = new byte[258];
        nint length = response.Length;
        var pci = new IoRequest { Protocol = _protocol, PciLength = sizeof(IoRequest) };
        fixed (byte* s = command)
        fixed (byte* r = response)
            PcscContext.Check(SCardTransmit(_card, &pci, s, command.Length, null, r, ref length), "SCardTransmit");
        return response[..(int)length];
    }

    /// <summary>Disconnects, leaving the card powered.</summary>
    public void Dispose()
    {
        if (_card == 0) return;
        SCardDisconnect(_card, LeaveCard);
        _card = 0;
    }
}
