using System.Globalization;
using Concord.Client.Tests.Support;
using Concord.Storage.Client;
using Concord.Sync;
using Concord.Sync.Stores;
using Concord.SyncML.Client;

namespace Concord.Client.Tests.Stores;

/// <summary>
/// The data-store seam with a store that keeps its own change log per peer, as the SIM card of seeds 001/004 does
/// (records with numeric ids, NewSync/GetChanges/StoreSync): the same client syncs it.
/// </summary>
public sealed class ChangeLogStoreTests
{
    [Fact]
    public async Task A_store_with_its_own_change_log_syncs_and_sends_only_what_its_log_says()
    {
        using var rig = new ClientRig();
        var folder = rig.Folder();
        var card = new RecordStore();
        card.Put(Cards.VCard("Ada"));
        card.Put(Cards.VCard("Grace"));
        var state = SqliteClientState.ForFolder(Path.Combine(folder.Path, "card-state"));
        ClientStoreBinding Bind(SyncType mode) => new(card, state, "./contacts", mode);

        var first = await rig.SyncAsync(rig.Options(), Bind(SyncType.TwoWay));
        Assert.True(first.Succeeded, ClientRig.Describe(first));
        Assert.Equal(SyncType.Slow, first.Stores[0].Performed);   // no record for this peer yet: the store asks for slow

        folder.Write("edsger.vcf", Cards.VCard("Edsger"));
        await rig.SyncOkAsync(folder, SyncType.Slow);
        card.Put(Cards.VCard("Barbara"));
        card.Change("1", Cards.VCard("Ada", "+1 555 0199"));
        var second = await rig.SyncAsync(rig.Options(), Bind(SyncType.TwoWay));

        Assert.True(second.Succeeded, ClientRig.Describe(second));
        Assert.Equal(SyncType.TwoWay, second.Stores[0].Performed);
        Assert.Equal((1, 1), (second.Stores[0].Remote.Added, second.Stores[0].Remote.Updated));
        Assert.Equal(1, second.Stores[0].Local.Added);   // Edsger, as record 4
        Assert.Equal(["1", "2", "3", "4"], card.List().Select(v => v.Id).Order(StringComparer.Ordinal));
        Assert.Equal(Same.Items(rig.Engine.Items("contacts")), Same.Items(card.List().Select(v => card.Read(v.Id)!.Content)));
    }

    /// <summary>Numbered records and a change register per peer, in memory.</summary>
    private sealed class RecordStore : IChangeLogDataStore
    {
        private readonly SortedDictionary<int, string> _records = [];
        private readonly Dictionary<string, Dictionary<string, ChangeKind>> _logs = [];
        private int _next = 1;

        public StoreKind Kind => StoreKind.Contacts;
        public string Name => "card:EF_ADN";
        public IReadOnlyList<ContentTypeInfo> ContentTypes => [new("text/vcard", "3.0")];

        public void Put(string content) => Write(_next.ToString(CultureInfo.InvariantCulture), content, "text/vcard");

        public void Change(string id, string content) => Write(id, content, "text/vcard");

        public IEnumerable<ItemVersion> List() =>
            _records.Select(r => new ItemVersion(r.Key.ToString(CultureInfo.InvariantCulture), r.Value.GetHashCode(StringComparison.Ordinal).ToString(CultureInfo.InvariantCulture)));

        public StoreItem? Read(string id) =>
            int.TryParse(id, out var n) && _records.TryGetValue(n, out var c) ? new StoreItem(id, c, "text/vcard") : null;

        public string NewId(string content, string contentType, IReadOnlySet<string> reserved)
        {
            var n = _next;
            while (reserved.Contains(n.ToString(CultureInfo.InvariantCulture))) n++;
            return n.ToString(CultureInfo.InvariantCulture);
        }

        public ItemVersion Write(string id, string content, string contentType)
        {
            var n = int.Parse(id, CultureInfo.InvariantCulture);
            Log(id, _records.ContainsKey(n) ? ChangeKind.Replace : ChangeKind.Add);
            _records[n] = content;
            _next = Math.Max(_next, n + 1);
            return List().Single(v => v.Id == id);
        }

        public void Delete(string id)
        {
            if (_records.Remove(int.Parse(id, CultureInfo.InvariantCulture))) Log(id, ChangeKind.Delete);
        }

        public IReadOnlyList<ItemChange>? ChangesSince(string peer) =>
            _logs.TryGetValue(peer, out var log) ? log.Select(e => new ItemChange(e.Key, e.Value)).ToList() : null;

        // StoreSync: the state as it is now, the peer's own writes of this session included, is the new base.
        public void ConfirmSync(string peer) => _logs[peer] = [];

        private void Log(string id, ChangeKind kind)
        {
            foreach (var log in _logs.Values) log[id] = log.TryGetValue(id, out var old) && old == ChangeKind.Add && kind != ChangeKind.Delete ? ChangeKind.Add : kind;
        }
    }
}
