using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Concord.Card.Apdu;
using Concord.Card.FileSystem;
using Concord.Card.Phonebook;
using Concord.Card.Uicc;
using Concord.Sync.Stores;

namespace Concord.Card.Handset;

public sealed partial class CardDataStore
{
    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The id is not a record number, or the content is not a vCard.</exception>
    /// <exception cref="IOException">The phonebook or EF_EXT1 is full, or the card refused the write.</exception>
    public ItemVersion Write(string id, string content, string contentType)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!TryRecord(id, out var n))
        {
            if (id == Id(Records + 1)) throw new IOException(Errors.PhonebookFull(Records));
            throw new ArgumentException(Errors.NotARecordId(id, Records), nameof(id));
        }
        var entry = AdnVCard.FromVCard(content, AlphaLength);
        var oldChain = Chain(n);
        var needed = ExtensionsNeeded(entry.Number);
        var extensions = new List<int>(oldChain);
        if (needed > extensions.Count)
        {
            var free = FreeExtensions().Where(m => !extensions.Contains(m)).ToList();
            if (extensions.Count + free.Count < needed) throw new IOException(Errors.Ext1Full(needed, extensions.Count + free.Count));
            extensions.AddRange(free);
        }
        if (!_codec.TryEncode(entry, extensions, out var encoding)) entry = entry with { Number = "" };
        if (!_codec.TryEncode(entry, extensions, out encoding)) throw new ArgumentException(Errors.NotAVCard("the name cannot be written"), nameof(content));
        foreach (var (m, bytes) in encoding.Extensions) UpdateExt(m, bytes);
        UpdateAdn(n, encoding.Record);
        foreach (var m in oldChain.Where(m => !encoding.Extensions.Any(e => e.RecordNumber == m))) UpdateExt(m, FreeExtension());
        return new ItemVersion(id, VersionOf(n));
    }

    /// <inheritdoc/>
    /// <exception cref="IOException">The card refused the write.</exception>
    public void Delete(string id)
    {
        if (!TryRecord(id, out var n) || AdnRecordCodec.IsFree(Adn(n))) return;
        var chain = Chain(n);
        UpdateAdn(n, FreeRecord());
        foreach (var m in chain) UpdateExt(m, FreeExtension());
    }

    private AdnRecord Decode(int n) => _codec.Decode(Adn(n), m => Ext(n, m));

    /// <summary>A version stamp over the record and its EF_EXT1 chain.</summary>
    private string VersionOf(int n)
    {
        var bytes = new List<byte>(Adn(n));
        foreach (var m in Chain(n)) bytes.AddRange(Ext(n, m) ?? []);
        return Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()).AsSpan(0, 8));
    }

    /// <summary>The EF_EXT1 records a record's number goes on in, in order.</summary>
    private List<int> Chain(int n)
    {
        var chain = new List<int>();
        var next = AdnRecordCodec.ExtensionOf(Adn(n));
        while (next is { } m && !chain.Contains(m) && Ext(n, m) is { } ext && (ext[0] & AdnRecordCodec.AdditionalData) != 0)
        {
            chain.Add(m);
            next = ext[^1] == 0xFF ? null : ext[^1];
        }
        return chain;
    }

    private static int ExtensionsNeeded(string number)
    {
        if (number.Length == 0 || !DiallingNumber.TryEncode(number, out _, out var bcd)) return 0;
        return (Math.Max(bcd.Length - AdnRecordCodec.BcdBytes, 0) + AdnRecordCodec.BcdBytes - 1) / AdnRecordCodec.BcdBytes;
    }

    private IEnumerable<int> FreeExtensions()
    {
        var count = Ext1Records();
        for (var m = 1; m <= count; m++)
        {
            if (ExtFresh(m) is { } ext && ext[0] == 0xFF) yield return m;
        }
    }

    private byte[] FreeRecord()
    {
        var record = new byte[_codec.RecordLength];
        record.AsSpan().Fill(0xFF);
        return record;
    }

    private static byte[] FreeExtension()
    {
        var record = new byte[AdnRecordCodec.Ext1RecordLength];
        record.AsSpan().Fill(0xFF);
        return record;
    }

    /// <summary>A record's bytes as the card holds them now: from the copy where it is known exact, else read.</summary>
    private byte[] Adn(int n)
    {
        if (Known(n) && _copy.Adn.TryGetValue(n, out var known)) return known;
        Select(CardFileSystem.AdnId);
        var bytes = Card(() => _terminal.ReadRecord(n, _codec.RecordLength), "READ RECORD of EF_ADN");
        _copy.Adn[n] = bytes;
        _fresh.Add(n);
        return bytes;
    }

    /// <summary>An EF_EXT1 record of record <paramref name="owner"/>'s chain; the card marks the owner changed when it changes.</summary>
    private byte[]? Ext(int owner, int m)
    {
        if ((_freshExt.Contains(m) || (_trusted && !_changed.Contains(owner))) && _copy.Ext1.TryGetValue(m, out var known)) return known;
        return ExtFresh(m);
    }

    private byte[]? ExtFresh(int m)
    {
        if (_freshExt.Contains(m) && _copy.Ext1.TryGetValue(m, out var known)) return known;
        if (m < 1 || m > Ext1Records()) return null;
        Select(CardFileSystem.Ext1Id);
        var bytes = Card(() => _terminal.ReadRecord(m, AdnRecordCodec.Ext1RecordLength), "READ RECORD of EF_EXT1");
        _copy.Ext1[m] = bytes;
        _freshExt.Add(m);
        return bytes;
    }

    private void UpdateAdn(int n, byte[] bytes)
    {
        Select(CardFileSystem.AdnId);
        Card(() => _terminal.UpdateRecord(n, bytes), "UPDATE RECORD of EF_ADN");
        _copy.Adn[n] = bytes;
        _fresh.Add(n);
    }

    private void UpdateExt(int m, byte[] bytes)
    {
        Select(CardFileSystem.Ext1Id);
        Card(() => _terminal.UpdateRecord(m, bytes), "UPDATE RECORD of EF_EXT1");
        _copy.Ext1[m] = bytes;
        _freshExt.Add(m);
    }

    private int Ext1Records()
    {
        if (_ext1Records is { } known) return known;
        try
        {
            var fcp = _terminal.SelectPath(CardFileSystem.TelecomId, CardFileSystem.Ext1Id);
            _selected = CardFileSystem.Ext1Id;
            _ext1Records = RecordGeometry(fcp).Records;
        }
        catch (CardStatusException e) when (e.StatusWord == StatusWord.FileNotFound)
        {
            _ext1Records = 0;
        }
        return _ext1Records.Value;
    }

    private void Select(ushort file)
    {
        if (_selected == file) return;
        Card(() => _terminal.SelectPath(CardFileSystem.TelecomId, file), "SELECT");
        _selected = file;
    }

    /// <summary>The record length and count of a linear fixed EF from its FCP (TS 102 221 §11.1.1.4.3: tag 82).</summary>
    private static (int Length, int Records) RecordGeometry(byte[] fcp)
    {
        // 62 L, then tag-length-value objects; the file descriptor 82 05 42 21 RL RL NR.
        for (var i = 2; i + 1 < fcp.Length; i += 2 + fcp[i + 1])
        {
            if (fcp[i] == 0x82 && fcp[i + 1] >= 5 && i + 6 < fcp.Length)
                return (BinaryPrimitives.ReadUInt16BigEndian(fcp.AsSpan(i + 4, 2)), fcp[i + 6]);
        }
        throw new IOException(Errors.CardFailed("SELECT", "its answer has no file descriptor for a record file"));
    }

    private static string ReadIccid(CardTerminal terminal)
    {
        terminal.SelectPath(CardFileSystem.IccidId);
        var bcd = terminal.Expect(new CommandApdu(0x00, Ins.ReadBinary, 0, 0, default, 10), "READ BINARY");
        var digits = new StringBuilder(20);
        foreach (var b in bcd)
        {
            foreach (var nibble in (ReadOnlySpan<int>)[b & 0x0F, b >> 4])
            {
                if (nibble < 10) digits.Append((char)('0' + nibble));
            }
        }
        return digits.ToString();
    }

    private static void Verify(CardTerminal terminal, string pin)
    {
        var sw = Card(() => terminal.VerifyPin(pin), "VERIFY");
        if (sw == StatusWord.Success || sw == StatusWord.ReferenceDataInvalidated) return;   // 6984: the PIN is disabled
        if (sw.Sw1 == 0x63) throw new UnauthorizedAccessException(Errors.PinRefused(sw.Sw2 & 0x0F));
        if (sw == StatusWord.AuthenticationMethodBlocked) throw new UnauthorizedAccessException(Errors.PinRefused(null));
        throw new IOException(Errors.CardFailed("VERIFY", sw.ToString()));
    }

    /// <summary>Runs a card command; the card's refusals and the reader's failures become the store's exceptions.</summary>
    private static T Card<T>(Func<T> command, string what)
    {
        try
        {
            return command();
        }
        catch (CardStatusException e) when (e.StatusWord == StatusWord.SecurityStatusNotSatisfied)
        {
            throw new UnauthorizedAccessException(Errors.PinNeeded, e);
        }
        catch (CardStatusException e)
        {
            throw new IOException(Errors.CardFailed(what, e.Message), e);
        }
        catch (Pcsc.PcscException e)
        {
            throw new IOException(Errors.CardFailed(what, e.Message), e);
        }
    }

    private static void Card(Action command, string what) => Card(() =>
    {
        command();
        return true;
    }, what);
}
