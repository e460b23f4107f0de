using Concord.Pim.Models;
using Concord.Server;
using Concord.Server.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Concord.CardSync.Tests.Support;

/// <summary>
/// <c>concord serve</c>'s host in process on a free loopback port, over a data folder that outlives it, so a test can
/// stop it, put an old backup of the folder back and start it again. Accounts bob and alice.
/// </summary>
internal sealed class ServerHost : IAsyncDisposable
{
    private WebApplication? _app;

    private ServerHost(string path)
    {
        Path = path;
        // One port for the host's whole life: the client's peer key (and so the card's peer) includes the URL.
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        Port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    public int Port { get; }

    public string Path { get; }

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    public ConcordDataFolder? Data { get; private set; }

    public static async Task<ServerHost> StartAsync()
    {
        var host = new ServerHost(Directory.CreateTempSubdirectory("concord-cardsync-server-").FullName);
        var data = ConcordDataFolder.Open(host.Path);
        data.Accounts.Add("bob", "secret");
        data.Accounts.Add("alice", "secret");
        await host.RunAsync(data);
        return host;
    }

    private async Task RunAsync(ConcordDataFolder data)
    {
        Data = data;
        _app = ConcordServer.Build(["--urls", $"http://127.0.0.1:{Port}", "--Logging:LogLevel:Default=Warning"], data);
        await _app.StartAsync();
        Url = new Uri(_app.Urls.First().TrimEnd('/') + "/sync");
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
        Data?.Dispose();
        Data = null;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>Starts the stopped server again on its data folder.</summary>
    public Task StartAgainAsync() => RunAsync(ConcordDataFolder.Open(Path));

    /// <summary>Copies the stopped server's data folder (a backup).</summary>
    public string Backup()
    {
        var backup = Directory.CreateTempSubdirectory("concord-cardsync-backup-").FullName;
        foreach (var file in Directory.GetFiles(Path, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(backup, System.IO.Path.GetRelativePath(Path, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return backup;
    }

    /// <summary>Puts a backup back in place of the data folder and starts the server on it.</summary>
    public async Task RestoreAsync(string backup)
    {
        await StopAsync();
        Directory.Delete(Path, recursive: true);
        Directory.Move(backup, Path);
        await RunAsync(ConcordDataFolder.Open(Path));
    }

    /// <summary>The DevInf a device of a user last sent, as the server stored it.</summary>
    public string? DeviceInfo(string deviceId, string user = "bob")
    {
        using var unit = Data!.Repository.Begin();
        return unit.GetDeviceInfo(unit.FindUser(user)!.Id, deviceId);
    }

    /// <summary>A user's live contacts on the server.</summary>
    public List<Contact> Contacts(string user = "bob")
    {
        using var unit = Data!.Repository.Begin();
        var id = unit.FindUser(user)!.Id;
        return unit.AllItems(id, "contacts").Select(i => Contact.Parse(i.Content!)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
