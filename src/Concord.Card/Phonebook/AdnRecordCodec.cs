using System.Text;
using Concord.Card.Text;

namespace Concord.Card.Phonebook;

/// <summary>
/// Reads and writes EF_ADN records (TS 31.102 §4.4.2.3, TS 51.011 §10.5.1) of one record length: alpha identifier
/// (X bytes), number length, TON/NPI, 10 bytes of BCD, capability/configuration id, EXT1 record id; and the EF_EXT1
/// records (§4.4.2.4) that carry digits 21 and on.
/// </summary>
public sealed class AdnRecordCodec
{
    /// <summary>Bytes after the alpha identifier: length, TON/NPI, 10 BCD bytes, CCP1 id, EXT1 id.</summary>
    public const int FixedPart = 14;

    /// <summary>The record length of EF_EXT1.</summary>
    public const int Ext1RecordLength = 13;

    /// <summary>BCD bytes one ADN record holds (20 digits).</summary>
    public const int BcdBytes = 10;

    /// <summary>EF_EXT1 record type bit 2: additional data (the rest of a number).</summary>
    public const byte AdditionalData = 0x02;

    private const byte Unused = 0xFF;

    /// <summary>A codec for records of <paramref name="recordLength"/> bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Shorter than 14 bytes or longer than 255.</exception>
    public AdnRecordCodec(int recordLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(recordLength, FixedPart);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(recordLength, 255);
        RecordLength = recordLength;
    }

    /// <summary>The record length X + 14.</summary>
    public int RecordLength { get; }

    /// <summary>X, the bytes of the alpha identifier.</summary>
    public int AlphaLength => RecordLength - FixedPart;

    /// <summary>
    /// True when a record holds no entry: no name (first alpha byte FF) and no number (length FF or 00). This is the
    /// test the card's change register uses for added and deleted.
    /// </summary>
    public static bool IsFree(ReadOnlySpan<byte> record)
    {
        if (record.Length < FixedPart) return true;
        var alphaLength = record.Length - FixedPart;
        var noName = alphaLength == 0 || record[0] == Unused;
        return noName && record[alphaLength] is Unused or 0;
    }

    /// <summary>The EF_EXT1 record an ADN record points at, or null (FF).</summary>
    public static int? ExtensionOf(ReadOnlySpan<byte> record) =>
        record.Length >= FixedPart && record[^1] != Unused ? record[^1] : null;

    /// <summary>
    /// Decodes a record; <paramref name="readExtension"/> gives EF_EXT1 records by number (null when absent) and is
    /// followed while the chain goes on. Reads leniently: a length past the 10 BCD bytes is cut to them, a chain that
    /// loops or points at a missing record ends there.
    /// </summary>
    /// <exception cref="ArgumentException">The record is not <see cref="RecordLength"/> bytes.</exception>
    public AdnRecord Decode(ReadOnlySpan<byte> record, Func<int, byte[]?>? readExtension = null)
    {
        if (record.Length != RecordLength)
            throw new ArgumentException(Errors.WrongRecordLength(record.Length, RecordLength), nameof(record));
        var name = AlphaIdentifier.Decode(record[..AlphaLength]);
        var fixedPart = record[AlphaLength..];
        var length = fixedPart[0];
        if (length is Unused or 0 or 1) return new AdnRecord(name, string.Empty);

        var tonNpi = fixedPart[1];
        var bcdLength = Math.Min(length - 1, BcdBytes);
        var number = new StringBuilder(DiallingNumber.Decode(tonNpi, fixedPart.Slice(2, bcdLength)));
        var ended = !DiallingNumber.AppendDigits(new StringBuilder(), fixedPart.Slice(2, bcdLength));

        var next = (int)fixedPart[^1];
        var seen = new HashSet<int>();
        while (!ended && next != Unused && readExtension is not null && seen.Add(next))
        {
            var ext = readExtension(next);
            if (ext is null || ext.Length != Ext1RecordLength || (ext[0] & AdditionalData) == 0) break;
            var extLength = Math.Min((int)ext[1], BcdBytes);
            ended = !DiallingNumber.AppendDigits(number, ext.AsSpan(2, extLength));
            next = ext[^1];
        }
        return new AdnRecord(name, number.ToString());
    }

    /// <summary>
    /// Encodes an entry; a number over 20 digits takes EF_EXT1 records from <paramref name="freeExtensionRecords"/>
    /// in order, 20 digits each.
    /// </summary>
    /// <returns>False when the name does not fit the alpha identifier, the number has a character BCD cannot hold,
    /// or there are too few free EF_EXT1 records.</returns>
    public bool TryEncode(AdnRecord entry, IReadOnlyList<int> freeExtensionRecords, out AdnEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(freeExtensionRecords);
        encoding = new AdnEncoding([], []);
        var record = new byte[RecordLength];
        record.AsSpan().Fill(Unused);
        if (!AlphaIdentifier.TryEncode(entry.Name ?? string.Empty, record.AsSpan(0, AlphaLength), out _)) return false;
        if (string.IsNullOrEmpty(entry.Number))
        {
            encoding = new AdnEncoding(record, []);
            return true;
        }

        if (!DiallingNumber.TryEncode(entry.Number, out var tonNpi, out var bcd)) return false;
        var extensionsNeeded = (Math.Max(bcd.Length - BcdBytes, 0) + BcdBytes - 1) / BcdBytes;
        if (extensionsNeeded > freeExtensionRecords.Count) return false;

        var fixedPart = record.AsSpan(AlphaLength);
        var first = Math.Min(bcd.Length, BcdBytes);
        fixedPart[0] = (byte)(first + 1);  // TS 31.102: with extensions the length says the maximum, 11
        fixedPart[1] = tonNpi;
        bcd.AsSpan(0, first).CopyTo(fixedPart[2..]);

        var extensions = new List<(int, byte[])>(extensionsNeeded);
        for (var i = 0; i < extensionsNeeded; i++)
        {
            var ext = new byte[Ext1RecordLength];
            ext.AsSpan().Fill(Unused);
            var chunk = bcd.AsSpan(BcdBytes * (i + 1));
            chunk = chunk[..Math.Min(chunk.Length, BcdBytes)];
            ext[0] = AdditionalData;
            ext[1] = (byte)chunk.Length;
            chunk.CopyTo(ext.AsSpan(2));
            ext[^1] = i + 1 < extensionsNeeded ? (byte)freeExtensionRecords[i + 1] : Unused;
            extensions.Add((freeExtensionRecords[i], ext));
        }

        if (extensionsNeeded > 0) fixedPart[^1] = (byte)freeExtensionRecords[0];
        encoding = new AdnEncoding(record, extensions);
        return true;
    }
}
