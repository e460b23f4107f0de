using System.Buffers.Binary;

namespace Concord.Card.Storage;

/// <summary>
/// The card state in EEPROM, changed only in whole transactions through a redo journal (docs/card.md, "Atomic
/// commands"). A command writes into a working copy; <see cref="Commit"/> writes the changed bytes to the journal,
/// seals it with a checksummed header (the commit point), copies them to their home, then clears the header.
/// Booting replays a sealed journal, so a power cut at any step leaves the state before or after the transaction.
/// </summary>
internal sealed partial class CardMemory
{
    public const byte FormatVersion = 1;
    public const int DefaultJournalLength = 1024;

    private static ReadOnlySpan<byte> ImageMagic => "CCRDUICC"u8;

    private const uint JournalMagic = 0x4A524E4C;  // "JRNL"
    private const int ImageHeaderLength = 28;
    private const int JournalHeaderLength = 20;
    private const int EntryHeaderLength = 6;

    // Runs of changed bytes closer than this are journaled as one entry: an entry header costs 6 bytes.
    private const int MergeGap = EntryHeaderLength;

    private readonly IEeprom _eeprom;

    // Invariant: _committed equals the data area in EEPROM (after recovery); _data equals _committed plus the writes
    // of the open transaction, and _touched is false when they are equal.
    private readonly byte[] _committed;
    private readonly byte[] _data;
    private bool _touched;
    private uint _sequence;

    private CardMemory(IEeprom eeprom, CardGeometry geometry, int journalLength, byte[] data)
    {
        _eeprom = eeprom;
        Geometry = geometry;
        Layout = new CardLayout(geometry);
        JournalStart = RoundUp(ImageHeaderLength, eeprom.PageSize);
        JournalBody = JournalStart + RoundUp(JournalHeaderLength, eeprom.PageSize);
        JournalLength = journalLength;
        DataStart = RoundUp(JournalStart + journalLength, eeprom.PageSize);
        _committed = data;
        _data = (byte[])data.Clone();
    }

    public CardGeometry Geometry { get; }

    public CardLayout Layout { get; }

    /// <summary>The data area as the open transaction sees it.</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>The data area as last committed.</summary>
    public ReadOnlySpan<byte> Committed => _committed;

    private int JournalStart { get; }

    private int JournalBody { get; }

    private int JournalLength { get; }

    private int DataStart { get; }

    private int JournalCapacity => JournalStart + JournalLength - JournalBody;

    /// <summary>EEPROM bytes a card of <paramref name="geometry"/> needs.</summary>
    public static int RequiredSize(CardGeometry geometry, int pageSize, int journalLength = DefaultJournalLength) =>
        RoundUp(RoundUp(ImageHeaderLength, pageSize) + journalLength, pageSize) + new CardLayout(geometry).DataLength;

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    /// <summary>Writes a new card: the data area <paramref name="initialize"/> fills, then the image header.</summary>
    /// <exception cref="ArgumentException">The EEPROM is too small for the geometry.</exception>
    public static CardMemory Format(IEeprom eeprom, CardGeometry geometry, Action<Span<byte>, CardLayout> initialize)
    {
        ArgumentNullException.ThrowIfNull(eeprom);
        ArgumentNullException.ThrowIfNull(initialize);
        geometry.Validate();
        var needed = RequiredSize(geometry, eeprom.PageSize);
        if (eeprom.Size < needed)
            throw new ArgumentException(Errors.EepromTooSmall(eeprom.Size, needed), nameof(eeprom));

        var data = new byte[new CardLayout(geometry).DataLength];
        var memory = new CardMemory(eeprom, geometry, DefaultJournalLength, data);
        initialize(data, memory.Layout);
        data.CopyTo(memory._data, 0);

        // The header goes last: an image cut while formatting has none and is refused, never half-read.
        memory.WritePaged(memory.DataStart, data);
        memory.WritePaged(memory.JournalStart, new byte[JournalHeaderLength]);
        eeprom.Flush();
        var header = new byte[ImageHeaderLength];
        ImageMagic.CopyTo(header);
        header[8] = FormatVersion;
        header[9] = (byte)geometry.AdnRecords;
        header[10] = (byte)geometry.AdnRecordLength;
        header[11] = (byte)geometry.Ext1Records;
        header[12] = (byte)geometry.PeerCapacity;
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(16), DefaultJournalLength);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(20), data.Length);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(24), Crc32.Compute(header.AsSpan(0, 24)));
        memory.WritePaged(0, header);
        eeprom.Flush();
        return memory;
    }

    /// <summary>Boots from an image: checks the header, replays a sealed journal, loads the data area.</summary>
    /// <exception cref="CardImageException">The image has no valid header or does not match its geometry.</exception>
    /// <exception cref="PowerLossException">Power was cut during the replay (booting again finishes it).</exception>
    public static CardMemory Open(IEeprom eeprom)
    {
        ArgumentNullException.ThrowIfNull(eeprom);
        if (eeprom.Size < ImageHeaderLength) throw new CardImageException(Errors.NotACardImage);
        Span<byte> header = stackalloc byte[ImageHeaderLength];
        eeprom.Read(0, header);
        if (!header[..8].SequenceEqual(ImageMagic)
            || BinaryPrimitives.ReadUInt32BigEndian(header[24..]) != Crc32.Compute(header[..24]))
            throw new CardImageException(Errors.NotACardImage);
        if (header[8] != FormatVersion) throw new CardImageException(Errors.ImageVersion(header[8], FormatVersion));

        var geometry = new CardGeometry(header[9], header[10], header[11], header[12]);
        var journalLength = BinaryPrimitives.ReadInt32BigEndian(header[16..]);
        var dataLength = BinaryPrimitives.ReadInt32BigEndian(header[20..]);
        try
        {
            geometry.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new CardImageException(Errors.ImageGeometry(e.Message), e);
        }

        if (dataLength != new CardLayout(geometry).DataLength || journalLength is < 64 or > 65536
            || eeprom.Size < RequiredSize(geometry, eeprom.PageSize, journalLength))
            throw new CardImageException(Errors.ImageGeometry($"{dataLength} data bytes in {eeprom.Size}"));

        var probe = new CardMemory(eeprom, geometry, journalLength, new byte[dataLength]);
        probe.Recover();
        eeprom.Read(probe.DataStart, probe._committed);
        probe._committed.CopyTo(probe._data, 0);
        return probe;
    }
}
