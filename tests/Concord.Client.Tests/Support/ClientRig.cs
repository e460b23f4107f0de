using Concord.Sync;
using Concord.SyncML;
using Concord.SyncML.Client;
using Concord.SyncML.Documents;
using Concord.SyncML.Server;

namespace Concord.Client.Tests.Support;

/// <summary>The real server engine, an in-process transport to it, and local folders that sync with it.</summary>
internal sealed class ClientRig : IDisposable
{
    private readonly List<LocalFolder> _folders = [];

    public ClientRig(SyncMLServerOptions? options = null)
    {
        Engine = new ServerEngine(options);
        Transport = new InProcessTransport(Engine.Server);
    }

    public ServerEngine Engine { get; }

    public InProcessTransport Transport { get; }

    public SyncMLEncoding Encoding { get; set; } = SyncMLEncoding.Xml;

    public SyncMLVersion Version { get; set; } = SyncMLVersion.V12;

    public LocalFolder Folder(StoreKind kind = StoreKind.Contacts)
    {
        var folder = new LocalFolder(kind);
        _folders.Add(folder);
        return folder;
    }

    public SyncMLClientOptions Options(string user = "bob", string password = "secret") => new()
    {
        ServerUrl = new Uri(InProcessTransport.Endpoint),
        User = user,
        Password = password,
        Encoding = Encoding,
        Version = Version,
        RetryDelay = TimeSpan.Zero,
        Retries = 0,
    };

    public Task<SyncReport> SyncAsync(LocalFolder folder, SyncType mode, SyncMLClientOptions? options = null) =>
        SyncAsync(options ?? Options(), folder.Bind(mode));

    public Task<SyncReport> SyncAsync(SyncMLClientOptions options, params ClientStoreBinding[] stores) =>
        new SyncMLClient(Transport, options).SyncAsync(stores);

    /// <summary>Syncs and insists that it worked.</summary>
    public async Task<SyncReport> SyncOkAsync(LocalFolder folder, SyncType mode, SyncMLClientOptions? options = null)
    {
        var report = await SyncAsync(folder, mode, options);
        Assert.True(report.Succeeded, Describe(report));
        return report;
    }

    public static string Describe(SyncReport report) =>
        (report.Error ?? "no session error") + "\n" + string.Join("\n", report.Stores.Select(s =>
            $"{s.Name}: {s.Performed} completed={s.Completed} error={s.Error} local +{s.Local.Added} ~{s.Local.Updated} -{s.Local.Deleted} "
            + $"remote +{s.Remote.Added} ~{s.Remote.Updated} -{s.Remote.Deleted} failures: "
            + string.Join("; ", s.Local.Failures.Concat(s.Remote.Failures).Select(f => $"{f.Item} {f.Status} {f.Reason}"))));

    /// <summary>The server's items and each folder's are the same, item by item, and none is there twice.</summary>
    public void AssertEqual(string store, params LocalFolder[] folders)
    {
        var server = Same.Items(Engine.Items(store));
        Assert.Equal(server.Count, server.Distinct().Count());
        foreach (var folder in folders) Assert.Equal(server, Same.Items(folder.Items().Values));
    }

    public void Dispose()
    {
        foreach (var f in _folders) f.Dispose();
        Engine.Dispose();
    }
}
