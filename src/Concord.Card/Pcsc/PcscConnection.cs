using Concord.Card.Apdu;
using static Concord.Card.Pcsc.PcscNative;

namespace Concord.Card.Pcsc;

/// <summary>A card reached through pcscd: APDUs go through SCardTransmit, untouched (no automatic GET RESPONSE).</summary>
public sealed unsafe class PcscConnection : ICardConnection, IDisposable
{
    private nint _card;
    private nint _protocol;

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
        var result = Send(command, response, ref length);
        var reset = false;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            // PC/SC tells every handle once that the card was reset (by pcscd as it powered the card up, or by another
            // application): acknowledged with SCardReconnect, the command goes again; while pcscd is still resetting
            // the card it refuses to transmit (not transacted), and the command goes again a moment later. The card's
            // RAM state (PIN verified, an open sync session) is gone, and the card's own answers say so (6982, 6985).
            if (result == ResetCardWarning)
            {
                PcscContext.Check(SCardReconnect(_card, ShareShared, ProtocolT0 | ProtocolT1, LeaveCard, out _protocol), "SCardReconnect");
                Resets++;
                reset = true;
            }
            else if (reset && result == NotTransacted)
            {
                Thread.Sleep(50);
            }
            else
            {
                break;
            }
            length = response.Length;
            result = Send(command, response, ref length);
        }
        PcscContext.Check(result, "SCardTransmit");
        return response[..(int)length];
    }

    /// <summary>Resets the card (a warm reset, as a handset does after an error) and keeps the connection.</summary>
    /// <exception cref="PcscException">The reset failed (card removed, reader gone).</exception>
    public void Reset() =>
        PcscContext.Check(SCardReconnect(_card, ShareShared, ProtocolT0 | ProtocolT1, ResetCard, out _protocol), "SCardReconnect");

    /// <summary>How often the card was found reset and the connection taken up again.</summary>
    public int Resets { get; private set; }

    private long Send(ReadOnlySpan<byte> command, byte[] response, ref nint length)
    {
        var pci = new IoRequest { Protocol = _protocol, PciLength = sizeof(IoRequest) };
        fixed (byte* s = command)
        fixed (byte* r = response)
            return SCardTransmit(_card, &pci, s, command.Length, null, r, ref length) & 0xFFFFFFFF;
    }

    /// <summary>Disconnects, leaving the card powered.</summary>
    public void Dispose()
    {
        if (_card == 0) return;
        SCardDisconnect(_card, LeaveCard);
        _card = 0;
    }
}
