using Concord.Card.Uicc;

namespace Concord.Card.Apdu;

/// <summary>The plain channel to a card in the same process, for fast tests: no reader, no sockets.</summary>
public sealed class InProcessConnection(UiccCard card) : ICardConnection
{
    /// <summary>The card behind this channel.</summary>
    public UiccCard Card { get; } = card ?? throw new ArgumentNullException(nameof(card));

    /// <inheritdoc/>
    public ReadOnlyMemory<byte> Atr => Card.Atr;

    /// <inheritdoc/>
    public byte[] Transmit(ReadOnlySpan<byte> command) => Card.Transmit(command);
}
