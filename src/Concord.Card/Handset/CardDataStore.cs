using System.Globalization;
using Concord.Card.Apdu;
using Concord.Card.FileSystem;
using Concord.Card.Phonebook;
using Concord.Card.SyncObjects;
using Concord.Sync;
using Concord.Sync.Stores;
using CardChange = Concord.Card.SyncObjects.ChangeKind;
using SyncChange = Concord.Sync.ChangeKind;

namespace Concord.Card.Handset;

/// <summary>
/// The handset's data store over a card's phonebook (seeds 001/004): items are EF_ADN records (the id is the record
/// number), read as vCards. A sync asks the card for its changes (NewSync, GetChanges), reads only the records it
/// names, from the card or from the handset's copy of the card memory where that copy is known current, and confirms
/// with StoreSync; the card's sync objects are the SyncML anchors and its ICCID the device id, so any handset syncs
/// the card incrementally.
/// </summary>
public sealed partial class CardDataStore : IChangeLogDataStore
{
    private readonly CardTerminal _terminal;
    private readonly CardMemoryCopy _copy;
    private readonly AdnRecordCodec _codec;

    // The EF the card has selected (READ/UPDATE RECORD act on it); 0 when unknown.
    private ushort _selected;
    private int? _ext1Records;

    // This sync: the card's peer id, NewSync's answer, the records GetChanges listed.
    private string? _peerId;
    private NewSyncResult? _session;
    private HashSet<int> _changed = [];

    // The copy was whole and exact at this peer's last sync object: records not in _changed are what it holds.
    private bool _trusted;

    // Records read from or written to the card since the sync began: the copy holds them exactly.
    private readonly HashSet<int> _fresh = [];
    private readonly HashSet<int> _freshExt = [];

    private CardDataStore(CardTerminal terminal, CardMemoryCopy copy, string iccid, int recordLength, int records)
    {
        _terminal = terminal;
        _copy = copy;
        Iccid = iccid;
        _codec = new AdnRecordCodec(recordLength);
        Records = records;
        _selected = CardFileSystem.AdnId;
    }

    /// <summary>The card's ICCID (EF_ICCID, 19 or 20 digits).</summary>
    public string Iccid { get; }

    /// <summary>EF_ADN records on the card.</summary>
    public int Records { get; }

    /// <summary>Bytes of a name (the alpha identifier, X).</summary>
    public int AlphaLength => _codec.AlphaLength;

    /// <inheritdoc/>
    public StoreKind Kind => StoreKind.Contacts;

    /// <inheritdoc/>
    public string Name => "card " + Iccid + " EF_ADN";

    /// <inheritdoc/>
    public IReadOnlyList<ContentTypeInfo> ContentTypes { get; } = [new("text/x-vcard", "2.1"), new("text/vcard", "3.0")];

    /// <summary>A name (FN, cut to the alpha identifier) and one number (TEL): what an EF_ADN entry keeps.</summary>
    public IReadOnlyList<StoreProperty> Properties => [new("FN", MaxSize: AlphaLength), new("TEL", MaxOccur: 1)];

    /// <summary>"ICCID:" and the card's ICCID: the same device whichever handset holds the card.</summary>
    public string DeviceId => "ICCID:" + Iccid;

    /// <summary>
    /// Opens the card's phonebook: reads EF_ICCID, verifies PIN1 when a PIN is given, selects EF_ADN. A copy of
    /// another card (another ICCID or geometry) is dropped.
    /// </summary>
    /// <param name="terminal">The connection to the card, kept for the whole sync (the card's sync session lives in its RAM).</param>
    /// <param name="pin">PIN1, or null when the card's PIN is disabled or already verified.</param>
    /// <param name="copy">The handset's copy of the card memory; null keeps none.</param>
    /// <exception cref="UnauthorizedAccessException">The card refused the PIN, or it is blocked.</exception>
    /// <exception cref="IOException">The card refused a command or the reader failed.</exception>
    public static CardDataStore Open(CardTerminal terminal, string? pin, CardMemoryCopy? copy = null) =>
        Open(terminal, pin, _ => copy ?? new CardMemoryCopy());

    /// <summary>Opens the card's phonebook as <see cref="Open(CardTerminal, string?, CardMemoryCopy?)"/> does, the copy chosen by the card's ICCID.</summary>
    /// <exception cref="UnauthorizedAccessException">The card refused the PIN, or it is blocked.</exception>
    /// <exception cref="IOException">The card refused a command or the reader failed.</exception>
    public static CardDataStore Open(CardTerminal terminal, string? pin, Func<string, CardMemoryCopy> copyOf)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(copyOf);
        var iccid = Card(() => ReadIccid(terminal), "READ BINARY of EF_ICCID");
        var copy = copyOf(iccid);
        if (pin is not null) Verify(terminal, pin);
        var fcp = Card(terminal.SelectAdn, "SELECT EF_ADN");
        var (length, records) = RecordGeometry(fcp);
        if (copy.Iccid != iccid || copy.Adn.Values.Any(r => r.Length != length) || copy.Adn.Keys.Any(n => n > records))
        {
            copy.Clear();
            copy.Iccid = iccid;
        }
        return new CardDataStore(terminal, copy, iccid, length, records);
    }

    /// <inheritdoc/>
    public IReadOnlyList<ItemChange>? ChangesSince(string peer)
    {
        _peerId = CardPeer.IdOf(peer);
        _fresh.Clear();
        _freshExt.Clear();
        _changed = [];
        var session = Card(() => _terminal.NewSync(_peerId), "NewSync");
        _session = session;
        _trusted = false;
        if (session.Last is not { } last) return null;
        var changes = Card(_terminal.GetChanges, "GetChanges");
        _changed = [.. changes.Select(c => c.Record)];
        _trusted = _copy.ValidFor.TryGetValue(_peerId, out var at) && at == last.ToString() && Whole();
        var result = new List<ItemChange>(changes.Count);
        foreach (var change in changes)
        {
            if (change.Kind == CardChange.Deleted)
            {
                // GetChanges says the record is free now: no need to read it.
                _copy.Adn[change.Record] = FreeRecord();
                _fresh.Add(change.Record);
            }
            result.Add(new ItemChange(Id(change.Record), change.Kind switch
            {
                CardChange.Added => SyncChange.Add,
                CardChange.Deleted => SyncChange.Delete,
                _ => SyncChange.Replace,
            }));
        }
        return result;
    }

    /// <inheritdoc/>
    public StoreAnchors? AnchorsOf(string peer) =>
        _session is { } s && _peerId == CardPeer.IdOf(peer) ? new StoreAnchors(s.Last?.ToString(), s.Proposed.ToString()) : null;

    /// <inheritdoc/>
    /// <exception cref="IOException">The card refused StoreSync (its session was lost: a reset, another NewSync).</exception>
    public void ConfirmSync(string peer)
    {
        if (_session is not { } session || _peerId != CardPeer.IdOf(peer)) return;
        Card(() => _terminal.StoreSync(session.Proposed), "StoreSync");
        _session = null;
        KeepExactCopy(session.Proposed);
    }

    /// <inheritdoc/>
    public IEnumerable<ItemVersion> List()
    {
        var items = new List<ItemVersion>();
        for (var n = 1; n <= Records; n++)
        {
            if (!AdnRecordCodec.IsFree(Adn(n))) items.Add(new ItemVersion(Id(n), VersionOf(n)));
        }
        return items;
    }

    /// <inheritdoc/>
    public StoreItem? Read(string id)
    {
        if (!TryRecord(id, out var n) || AdnRecordCodec.IsFree(Adn(n))) return null;
        return new StoreItem(id, AdnVCard.ToVCard(Decode(n)), ContentTypes[0].MimeType);
    }

    /// <summary>The entry of a record as the card holds it (name and number), or null when the record is free.</summary>
    public AdnRecord? Entry(int record) => AdnRecordCodec.IsFree(Adn(record)) ? null : Decode(record);

    /// <summary>
    /// A free record: one GetChanges reported deleted, else, when every record is known (a trusted copy, or a slow
    /// sync that read them all), the lowest free one; otherwise the card is probed from its last record down (handsets
    /// fill the phonebook from record 1). One past the last record when the phonebook is full (writing it then fails).
    /// </summary>
    public string NewId(string content, string contentType, IReadOnlySet<string> reserved)
    {
        ArgumentNullException.ThrowIfNull(reserved);
        var order = _changed.Where(n => _fresh.Contains(n)).Order()
            .Concat(Enumerable.Range(1, Records).All(Known) ? Enumerable.Range(1, Records) : Enumerable.Range(1, Records).Reverse());
        foreach (var n in order)
        {
            if (!reserved.Contains(Id(n)) && AdnRecordCodec.IsFree(Adn(n))) return Id(n);
        }
        return Id(Records + 1);
    }

    private static string Id(int record) => record.ToString(CultureInfo.InvariantCulture);

    private bool TryRecord(string id, out int record) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out record) && record >= 1 && record <= Records;

    /// <summary>The copy holds record <paramref name="n"/> exactly as the card does now.</summary>
    private bool Known(int n) => _fresh.Contains(n) || (_trusted && !_changed.Contains(n));

    private bool Whole() => Enumerable.Range(1, Records).All(_copy.Adn.ContainsKey);

    /// <summary>
    /// After StoreSync: the copy keeps only what it knows exactly (records read or written in this sync, and, when it
    /// was trusted, those GetChanges did not list); whole, it is trusted at the new object for this peer.
    /// </summary>
    private void KeepExactCopy(SyncObject proposed)
    {
        foreach (var n in _copy.Adn.Keys.Where(n => !Known(n)).ToList()) _copy.Adn.Remove(n);
        if (!_trusted)
        {
            foreach (var m in _copy.Ext1.Keys.Where(m => !_freshExt.Contains(m)).ToList()) _copy.Ext1.Remove(m);
        }
        if (Whole()) _copy.ValidFor[_peerId!] = proposed.ToString();
        else _copy.ValidFor.Clear();
        try
        {
            _copy.Save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The copy is only a cache: an old file on disk is never trusted beyond what its objects still prove.
        }
    }
}
