using Concord.Card.Handset;
using Concord.Storage.Client;
using Concord.Sync;
using Concord.SyncML.Client;

namespace Concord.CardSync.Tests.Support;

/// <summary>What one sync did: the client's report and what went to the card.</summary>
internal sealed record CardSyncRun(SyncReport Report, int Apdus, int RecordReads, int RecordWrites, int StoreSyncs)
{
    public SyncType? Performed => Report.Stores[0].Performed;

    public override string ToString() =>
        $"{Performed} apdus={Apdus} reads={RecordReads} writes={RecordWrites} storeSync={StoreSyncs} error={Report.Error ?? Report.Stores[0].Error} "
        + $"local +{Report.Stores[0].Local.Added} ~{Report.Stores[0].Local.Updated} -{Report.Stores[0].Local.Deleted} "
        + $"remote +{Report.Stores[0].Remote.Added} ~{Report.Stores[0].Remote.Updated} -{Report.Stores[0].Remote.Deleted} failures: "
        + string.Join("; ", Report.Stores[0].Local.Failures.Concat(Report.Stores[0].Remote.Failures).Select(f => $"{f.Item} {f.Status} {f.Reason}"));
}

/// <summary>
/// A sync-aware handset: its own client state and copy of the card memory in a folder of its own. A second
/// <see cref="Handset"/> is another phone the card moves to.
/// </summary>
internal sealed class Handset : IDisposable
{
    private readonly HttpSyncMLTransport _http = new(TimeSpan.FromSeconds(30));

    public Handset()
    {
        Folder = Directory.CreateTempSubdirectory("concord-handset-").FullName;
        State = SqliteClientState.Open(Path.Combine(Folder, "state.db"));
    }

    public string Folder { get; }

    public SqliteClientState State { get; }

    public string CopyPath => Path.Combine(Folder, "card.json");

    public Concord.SyncML.SyncMLEncoding Encoding { get; init; } = Concord.SyncML.SyncMLEncoding.Xml;

    /// <summary>Inserts the card, opens its phonebook and syncs it with the server.</summary>
    public async Task<CardSyncRun> SyncAsync(SimCard card, Uri url, string user = "bob", SyncType mode = SyncType.TwoWay,
        ISyncMLTransport? transport = null)
    {
        var (terminal, counter) = card.Insert();
        var store = CardDataStore.Open(terminal, "0000", CardMemoryCopy.Load(CopyPath));
        var options = new SyncMLClientOptions
        {
            ServerUrl = url, User = user, Password = "secret", Retries = 0, RetryDelay = TimeSpan.Zero, Encoding = Encoding,
        };
        var report = await new SyncMLClient(transport ?? _http, options).SyncAsync([new ClientStoreBinding(store, State, "./contacts", mode)]);
        return new CardSyncRun(report, terminal.ApduCount, counter.RecordReads, counter.RecordWrites, counter.StoreSyncs);
    }

    public async Task<CardSyncRun> SyncOkAsync(SimCard card, Uri url, string user = "bob", SyncType mode = SyncType.TwoWay)
    {
        var run = await SyncAsync(card, url, user, mode);
        Assert.True(run.Report.Succeeded, run.ToString());
        return run;
    }

    public void Dispose()
    {
        _http.Dispose();
        Scratch.Delete(Folder);
    }
}

/// <summary>A phone that knows nothing of sync: it edits the phonebook with plain UPDATE RECORDs.</summary>
internal static class PlainPhone
{
    public static void Edit(this SimCard card, Action<CardDataStore> edit)
    {
        var (terminal, _) = card.Insert();
        edit(CardDataStore.Open(terminal, "0000"));
    }

    public static void Put(this CardDataStore phonebook, int record, string name, string number) =>
        phonebook.Write(record.ToString(System.Globalization.CultureInfo.InvariantCulture), VCard(name, number), "text/vcard");

    public static string VCard(string name, string number) =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{name};;;;\r\nFN:{name}\r\nTEL:{number}\r\nEND:VCARD\r\n";
}

/// <summary>A PDA: a folder of vCards that syncs with the server as a device of its own.</summary>
internal sealed class Pda : IDisposable
{
    private readonly HttpSyncMLTransport _http = new(TimeSpan.FromSeconds(30));

    public Pda()
    {
        Folder = Directory.CreateTempSubdirectory("concord-pda-").FullName;
        Store = new FolderDataStore(Folder, StoreKind.Contacts);
        State = SqliteClientState.ForFolder(Folder);
    }

    public string Folder { get; }

    public FolderDataStore Store { get; }

    public SqliteClientState State { get; }

    public void Write(string name, string vcard) => File.WriteAllText(Path.Combine(Folder, name), vcard);

    public async Task SyncOkAsync(Uri url, string user = "bob")
    {
        var options = new SyncMLClientOptions { ServerUrl = url, User = user, Password = "secret", Retries = 0, RetryDelay = TimeSpan.Zero };
        var report = await new SyncMLClient(_http, options).SyncAsync([new ClientStoreBinding(Store, State, "./contacts", SyncType.TwoWay)]);
        Assert.True(report.Succeeded, report.Error ?? report.Stores[0].Error);
    }

    public void Dispose()
    {
        _http.Dispose();
        Scratch.Delete(Folder);
    }
}

/// <summary>Throwaway folders.</summary>
internal static class Scratch
{
    public static void Delete(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a file still open on a slow machine
        }
    }
}
