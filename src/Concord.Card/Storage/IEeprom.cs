namespace Concord.Card.Storage;

/// <summary>
/// The card's non-volatile memory. A <see cref="Write"/> is one write step: it programs bytes of one page and may
/// be torn by a power cut (some bytes new, some undefined); reads see every completed step.
/// </summary>
public interface IEeprom
{
    /// <summary>Bytes of memory.</summary>
    int Size { get; }

    /// <summary>Bytes of one page; a write step never crosses a page boundary.</summary>
    int PageSize { get; }

    /// <summary>Copies memory at <paramref name="offset"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the memory.</exception>
    /// <exception cref="PowerLossException">Power was cut.</exception>
    void Read(int offset, Span<byte> destination);

    /// <summary>Programs <paramref name="source"/> at <paramref name="offset"/>: one write step, within one page.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the memory or crosses a page.</exception>
    /// <exception cref="PowerLossException">Power was cut before or during this step.</exception>
    void Write(int offset, ReadOnlySpan<byte> source);

    /// <summary>Waits until every completed step is durable; the journal orders its steps with this.</summary>
    /// <exception cref="PowerLossException">Power was cut.</exception>
    void Flush();
}
