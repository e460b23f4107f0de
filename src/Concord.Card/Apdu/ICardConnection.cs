namespace Concord.Card.Apdu;

/// <summary>A way to a card: in process, or through a PC/SC reader. Sends one APDU, returns the card's answer.</summary>
public interface ICardConnection
{
    /// <summary>The card's answer to reset.</summary>
    ReadOnlyMemory<byte> Atr { get; }

    /// <summary>Sends a command APDU and returns the response bytes (data, SW1, SW2) exactly as the card sent them.</summary>
    byte[] Transmit(ReadOnlySpan<byte> command);
}
