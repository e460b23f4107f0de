using Microsoft.Win32.SafeHandles;

namespace Concord.Card.Storage;

/// <summary>
/// An EEPROM kept in a file (the card image): every write step goes to the file in order, reads come from a copy in
/// memory, and <see cref="Flush"/> makes completed steps durable on disk.
/// </summary>
public sealed class FileEeprom : IEeprom, IDisposable
{
    private readonly SafeFileHandle _file;
    private readonly byte[] _memory;

    private FileEeprom(SafeFileHandle file, byte[] memory, int pageSize)
    {
        _file = file;
        _memory = memory;
        PageSize = pageSize;
    }

    /// <inheritdoc/>
    public int Size => _memory.Length;

    /// <inheritdoc/>
    public int PageSize { get; }

    /// <summary>Creates (or replaces) an erased image file of <paramref name="size"/> bytes.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static FileEeprom Create(string path, int size, int pageSize = 64)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var memory = new byte[size];
        memory.AsSpan().Fill(0xFF);
        var file = File.OpenHandle(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        RandomAccess.Write(file, memory, 0);
        RandomAccess.FlushToDisk(file);
        return new FileEeprom(file, memory, pageSize);
    }

    /// <summary>Opens an existing image file.</summary>
    /// <exception cref="IOException">The file cannot be read or is empty.</exception>
    public static FileEeprom Open(string path, int pageSize = 64)
    {
        var file = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        var length = RandomAccess.GetLength(file);
        if (length is <= 0 or > 16 * 1024 * 1024)
        {
            file.Dispose();
            throw new IOException(Errors.BadImageFile(path, length));
        }

        var memory = new byte[length];
        var read = RandomAccess.Read(file, memory, 0);
        if (read != length)
        {
            file.Dispose();
            throw new IOException(Errors.BadImageFile(path, read));
        }
        return new FileEeprom(file, memory, pageSize);
    }

    /// <inheritdoc/>
    public void Read(int offset, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, _memory.Length - destination.Length);
        _memory.AsSpan(offset, destination.Length).CopyTo(destination);
    }

    /// <inheritdoc/>
    public void Write(int offset, ReadOnlySpan<byte> source)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, _memory.Length - source.Length);
        RandomAccess.Write(_file, source, offset);
        source.CopyTo(_memory.AsSpan(offset));
    }

    /// <inheritdoc/>
    public void Flush() => RandomAccess.FlushToDisk(_file);

    /// <summary>Closes the file.</summary>
    public void Dispose() => _file.Dispose();
}
