namespace Concord.Card.Storage;

/// <summary>
/// An EEPROM in memory, for tests and for a card image loaded whole. It counts write steps and can cut power at any
/// one of them, leaving that step torn: a prefix of its bytes written and the rest of it garbage.
/// </summary>
public sealed class MemoryEeprom : IEeprom
{
    private readonly byte[] _memory;
    private int? _cutAt;
    private int _tornBytes;

    /// <summary>Creates an erased (all FF) memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size or page size that is not positive.</exception>
    public MemoryEeprom(int size, int pageSize = 64)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        _memory = new byte[size];
        _memory.AsSpan().Fill(0xFF);
        PageSize = pageSize;
    }

    /// <summary>Creates a memory holding a copy of <paramref name="image"/>.</summary>
    public MemoryEeprom(ReadOnlySpan<byte> image, int pageSize = 64)
        : this(image.Length, pageSize)
    {
        image.CopyTo(_memory);
    }

    /// <inheritdoc/>
    public int Size => _memory.Length;

    /// <inheritdoc/>
    public int PageSize { get; }

    /// <summary>Write steps since power on.</summary>
    public int WriteSteps { get; private set; }

    /// <summary>True once a scheduled cut has happened; every access throws until <see cref="PowerOn"/>.</summary>
    public bool IsPoweredOff { get; private set; }

    /// <summary>Called before every write step; may throw to stop the card there.</summary>
    public Action<EepromWriteStep>? WriteHook { get; set; }

    /// <summary>A copy of the whole memory.</summary>
    public byte[] ToArray() => (byte[])_memory.Clone();

    /// <summary>
    /// Cuts power during write step <paramref name="step"/> (counted from now): its first
    /// <paramref name="tornBytes"/> bytes are written, the rest of the step's range is left as garbage.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative step or byte count.</exception>
    public void CutPowerAt(int step, int tornBytes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfNegative(tornBytes);
        _cutAt = WriteSteps + step;
        _tornBytes = tornBytes;
    }

    /// <summary>Restores power: clears the cut and the step count.</summary>
    public void PowerOn()
    {
        IsPoweredOff = false;
        _cutAt = null;
        WriteSteps = 0;
    }

    /// <inheritdoc/>
    public void Read(int offset, Span<byte> destination)
    {
        ThrowIfOff();
        CheckRange(offset, destination.Length);
        _memory.AsSpan(offset, destination.Length).CopyTo(destination);
    }

    /// <inheritdoc/>
    public void Write(int offset, ReadOnlySpan<byte> source)
    {
        ThrowIfOff();
        CheckRange(offset, source.Length);
        if (source.Length > 0 && offset / PageSize != (offset + source.Length - 1) / PageSize)
            throw new ArgumentOutOfRangeException(nameof(offset), Errors.CrossesPage(offset, source.Length, PageSize));

        var step = WriteSteps;
        WriteHook?.Invoke(new EepromWriteStep(step, offset, source.Length));
        if (step == _cutAt)
        {
            // A torn step: some bytes programmed, the cells after them in an undefined state.
            var written = Math.Min(_tornBytes, source.Length);
            source[..written].CopyTo(_memory.AsSpan(offset));
            for (var i = written; i < source.Length; i++) _memory[offset + i] ^= (byte)((0xA5 ^ i) & 0xFF);
            IsPoweredOff = true;
            throw new PowerLossException(step);
        }

        source.CopyTo(_memory.AsSpan(offset));
        WriteSteps = step + 1;
    }

    /// <inheritdoc/>
    public void Flush() => ThrowIfOff();

    private void ThrowIfOff()
    {
        if (IsPoweredOff) throw new PowerLossException(WriteSteps);
    }

    private void CheckRange(int offset, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (offset > _memory.Length - length)
            throw new ArgumentOutOfRangeException(nameof(offset), Errors.OutsideMemory(offset, length, _memory.Length));
    }
}
