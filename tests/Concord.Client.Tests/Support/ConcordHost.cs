using Concord.Server;
using Concord.Server.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Concord.Client.Tests.Support;

/// <summary><c>concord serve</c>'s host in process, on a free loopback port, over a throwaway data folder with user bob.</summary>
internal sealed class ConcordHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ConcordHost(WebApplication app, ConcordDataFolder data, Uri url)
    {
        _app = app;
        Data = data;
        Url = url;
    }

    public ConcordDataFolder Data { get; }

    public Uri Url { get; }

    public static async Task<ConcordHost> StartAsync(params string[] settings)
    {
        var data = ConcordDataFolder.Open(Path.Combine(Path.GetTempPath(), "concord-client-host-" + Guid.NewGuid().ToString("N")));
        data.Accounts.Add("bob", "secret");
        var app = ConcordServer.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. settings], data);
        await app.StartAsync();
        var url = new Uri(app.Urls.First().TrimEnd('/') + "/sync");
        return new ConcordHost(app, data, url);
    }

    /// <summary>The live items of bob's store.</summary>
    public List<string> Items(string store)
    {
        using var unit = Data.Repository.Begin();
        var id = unit.FindUser("bob")!.Id;
        return unit.AllItems(id, store).Select(i => i.Content!).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Data.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempFolder.Delete(Data.Path);
    }
}
