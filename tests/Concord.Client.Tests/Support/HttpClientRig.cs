using Concord.Sync;
using Concord.SyncML;
using Concord.SyncML.Client;
using Concord.SyncML.Documents;

namespace Concord.Client.Tests.Support;

/// <summary>Local folders syncing over HTTP with a server at a URL (a host, a proxy, a process).</summary>
internal sealed class HttpClientRig(Uri url, string user = "bob", string password = "secret") : IDisposable
{
    private readonly List<LocalFolder> _folders = [];
    private readonly HttpSyncMLTransport _transport = new(TimeSpan.FromSeconds(60));

    public Uri Url { get; set; } = url;

    public SyncMLEncoding Encoding { get; set; } = SyncMLEncoding.Xml;

    public SyncMLVersion Version { get; set; } = SyncMLVersion.V12;

    public long MaxMsgSize { get; set; } = 1024 * 1024;

    public int Retries { get; set; }

    public LocalFolder Folder(StoreKind kind = StoreKind.Contacts)
    {
        var folder = new LocalFolder(kind);
        _folders.Add(folder);
        return folder;
    }

    public SyncMLClientOptions Options(string? deviceId = null) => new()
    {
        ServerUrl = Url, User = user, Password = password, Encoding = Encoding, Version = Version, DeviceId = deviceId,
        MaxMsgSize = MaxMsgSize, Retries = Retries, RetryDelay = TimeSpan.FromMilliseconds(500),
    };

    public Task<SyncReport> SyncAsync(LocalFolder folder, SyncType mode, string remote = "./contacts", string? deviceId = null) =>
        new SyncMLClient(_transport, Options(deviceId)).SyncAsync([folder.Bind(mode, remote)]);

    public async Task<SyncReport> SyncOkAsync(LocalFolder folder, SyncType mode, string remote = "./contacts", string? deviceId = null)
    {
        var report = await SyncAsync(folder, mode, remote, deviceId);
        Assert.True(report.Succeeded, ClientRig.Describe(report));
        return report;
    }

    public void Dispose()
    {
        foreach (var f in _folders) f.Dispose();
        _transport.Dispose();
    }
}
