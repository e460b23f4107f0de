namespace Concord.Card.Pcsc;

/// <summary>The one-byte control messages vpcd sends to a virtual card (vsmartcard's vpcd.h).</summary>
public enum VpcdControl : byte
{
    /// <summary>Power the card off.</summary>
    PowerOff = 0x00,

    /// <summary>Power the card on.</summary>
    PowerOn = 0x01,

    /// <summary>Warm reset.</summary>
    Reset = 0x02,

    /// <summary>Send the ATR (the only control message with an answer).</summary>
    GetAtr = 0x04,
}
