using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Concord.Card.Apdu;
using Concord.Card.Handset;
using Concord.Card.Pcsc;
using Concord.Card.Storage;
using Concord.Card.Tests.Pcsc;
using Concord.Card.Uicc;
using Concord.Server;
using Concord.Server.Hosting;
using Concord.Storage.Client;
using Concord.Sync;
using Concord.Sync.Stores;
using Concord.SyncML.Client;

// An incremental sync of a 250-record phonebook with k records changed, through the real PC/SC stack (a private
// pcscd, vpcd, libpcsclite) against `concord serve`'s host over HTTP on loopback: the card data store with sync
// objects (NewSync, GetChanges, k reads, StoreSync) against a handset that must read the whole phonebook to find
// what changed (the same store without its change log: 250 READ RECORDs, versions compared with the last sync).
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
int[] ks = [0, 1, 10, 50];
const int Records = 250;

using var pcscd = new PcscdFixture();
var data = ConcordDataFolder.Open(Directory.CreateTempSubdirectory("concord-cardbench-server-").FullName);
data.Accounts.Add("bob", "secret");
data.Accounts.Add("alice", "secret");
var app = ConcordServer.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning"], data);
await app.StartAsync();
var url = new Uri(app.Urls.First().TrimEnd('/') + "/sync");
var folder = Directory.CreateTempSubdirectory("concord-cardbench-handsets-").FullName;

using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(30));
var eeprom = new MemoryEeprom(UiccCard.RequiredEepromSize(CardGeometry.Default));
var card = UiccCard.Format(eeprom, new UiccCardOptions(), RandomNumberGenerator.Create());
var (vpcd, served) = await pcscd.PlugAsync(card, cts.Token);
using var context = PcscContext.Establish();
using var connection = context.Connect(pcscd.Reader);
using var http = new HttpSyncMLTransport(TimeSpan.FromSeconds(60));

var phonebook = CardDataStore.Open(new CardTerminal(connection), "0000");
for (var n = 1; n <= Records; n++) phonebook.Write(Id(n), VCard($"Person {n}", $"+4420700{n:D5}"), "text/vcard");

var objects = new Side("sync objects", Path.Combine(folder, "objects"), "bob", changeLog: true);
var fullRead = new Side("full read", Path.Combine(folder, "full"), "alice", changeLog: false);
foreach (var side in new[] { objects, fullRead })
{
    var first = await side.SyncAsync(connection, http, url);
    Console.WriteLine($"{side.Name}: first sync {first.Performed}, {first.Apdus} APDUs, {first.Reads} READ RECORD, {first.SyncMs:F0} ms");
}

Console.WriteLine();
Console.WriteLine($"Incremental two-way sync of a {Records}-record phonebook through pcscd, median of {rounds} rounds");
Console.WriteLine("     | sync objects                       | full read                          | ratio full/objects");
Console.WriteLine("   k | APDUs  reads  card ms  sync ms     | APDUs  reads  card ms  sync ms     | APDUs  card time  sync time");
var random = new Random(20261123);
var wrong = 0;
foreach (var k in ks)
{
    var results = new List<(Measure Objects, Measure Full)>();
    for (var r = 0; r < rounds; r++)
    {
        var edit = CardDataStore.Open(new CardTerminal(connection), "0000");
        var changed = Enumerable.Range(1, Records).OrderBy(_ => random.Next()).Take(k).ToList();
        foreach (var n in changed) edit.Write(Id(n), VCard($"P{n} k{k} r{r}", $"+4420700{n:D5}"), "text/vcard");
        var o = await objects.SyncAsync(connection, http, url);
        var f = await fullRead.SyncAsync(connection, http, url);
        if (o.Sent != k || f.Sent != k) wrong++;
        results.Add((o, f));
    }
    var mo = Measure.Median(results.Select(x => x.Objects).ToList());
    var mf = Measure.Median(results.Select(x => x.Full).ToList());
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{k,4} | {mo.Apdus,5}  {mo.Reads,5}  {mo.CardMs,7:F1}  {mo.SyncMs,7:F1}     | {mf.Apdus,5}  {mf.Reads,5}  {mf.CardMs,7:F1}  {mf.SyncMs,7:F1}     | "
        + $"{(double)mf.Apdus / mo.Apdus,5:F1}  {mf.CardMs / mo.CardMs,9:F1}  {mf.SyncMs / mo.SyncMs,9:F1}"));
}
Console.WriteLine();
Console.WriteLine(wrong == 0 ? "Every sync sent exactly the k changed records." : $"ERROR: {wrong} syncs did not send exactly k changes.");

await app.StopAsync();
vpcd.Dispose();
await served;
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);
Directory.Delete(data.Path, recursive: true);
return wrong == 0 ? 0 : 1;

static string Id(int n) => n.ToString(CultureInfo.InvariantCulture);

static string VCard(string name, string number) =>
    $"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{name};;;;\r\nFN:{name}\r\nTEL:{number}\r\nEND:VCARD\r\n";

/// <summary>One handset: its state and copy of the card memory, syncing with its own account.</summary>
internal sealed class Side(string name, string folder, string user, bool changeLog)
{
    private readonly SqliteClientState _state = SqliteClientState.Open(Path.Combine(folder, "sync.db"));

    public string Name { get; } = name;

    public async Task<Measure> SyncAsync(ICardConnection connection, ISyncMLTransport transport, Uri url)
    {
        var timed = new TimedConnection(connection);
        var terminal = new CardTerminal(timed);
        var clock = Stopwatch.StartNew();
        var card = CardDataStore.Open(terminal, "0000", CardMemoryCopy.Load(Path.Combine(folder, "card.json")));
        IDataStore store = changeLog ? card : new WholeReads(card);
        var options = new SyncMLClientOptions { ServerUrl = url, User = user, Password = "secret", Retries = 0 };
        var report = await new SyncMLClient(transport, options).SyncAsync([new ClientStoreBinding(store, _state, "./contacts", SyncType.TwoWay)]);
        clock.Stop();
        if (!report.Succeeded) throw new InvalidOperationException($"{Name}: {report.Error ?? report.Stores[0].Error}");
        var s = report.Stores[0];
        return new Measure(s.Performed, terminal.ApduCount, timed.Reads, timed.Elapsed.TotalMilliseconds, clock.Elapsed.TotalMilliseconds,
            s.Remote.Added + s.Remote.Updated + s.Remote.Deleted);
    }
}

/// <summary>The card's phonebook without its change log: the client must list (read) every record to find changes.</summary>
internal sealed class WholeReads(CardDataStore card) : IDataStore
{
    public StoreKind Kind => card.Kind;
    public string Name => card.Name;
    public IReadOnlyList<ContentTypeInfo> ContentTypes => card.ContentTypes;
    public IReadOnlyList<StoreProperty>? Properties => card.Properties;
    public IEnumerable<ItemVersion> List() => card.List();
    public StoreItem? Read(string id) => card.Read(id);
    public string NewId(string content, string contentType, IReadOnlySet<string> reserved) => card.NewId(content, contentType, reserved);
    public ItemVersion Write(string id, string content, string contentType) => card.Write(id, content, contentType);
    public void Delete(string id) => card.Delete(id);
}

/// <summary>Counts READ RECORDs and the time spent waiting for the card (through pcscd).</summary>
internal sealed class TimedConnection(ICardConnection inner) : ICardConnection
{
    private readonly Stopwatch _clock = new();

    public ReadOnlyMemory<byte> Atr => inner.Atr;

    public int Reads { get; private set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        if (command.Length > 1 && command[1] == 0xB2) Reads++;
        _clock.Start();
        try
        {
            return inner.Transmit(command);
        }
        finally
        {
            _clock.Stop();
        }
    }
}

internal sealed record Measure(SyncType? Performed, int Apdus, int Reads, double CardMs, double SyncMs, int Sent)
{
    public static Measure Median(List<Measure> all)
    {
        T Mid<T>(Func<Measure, T> f) => all.Select(f).Order().ElementAt(all.Count / 2);
        return new Measure(all[0].Performed, Mid(m => m.Apdus), Mid(m => m.Reads), Mid(m => m.CardMs), Mid(m => m.SyncMs), Mid(m => m.Sent));
    }
}
