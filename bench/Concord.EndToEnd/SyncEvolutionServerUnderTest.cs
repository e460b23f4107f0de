using System.Globalization;
using Concord.Interop.Tests.SyncEvolution;

namespace Concord.EndToEnd;

/// <summary>
/// SyncEvolution's own server (Debian <c>syncevolution-http</c>): <c>syncevo-http-server</c> and
/// <c>syncevo-dbus-server</c> on a private D-Bus daemon, one file-backend contacts folder, started by the interop
/// harness. Its process tree is the three long-running processes plus the <c>syncevo-dbus-helper</c> each session
/// runs in (a child of <c>syncevo-dbus-server</c>).
/// </summary>
internal sealed class SyncEvolutionServerUnderTest(SyncEvolutionServer server) : IServerUnderTest
{
    public string Name => "SyncEvolution";

    public Uri SyncUrl => server.Url;

    /// <summary>Starts the server for one user; <paramref name="sessionLogLevel"/> is its per-session log level.</summary>
    public static async Task<SyncEvolutionServerUnderTest> StartAsync(
        string user,
        string password,
        int? sessionLogLevel,
        CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, string>();
        if (sessionLogLevel is { } level)
        {
            properties["loglevel"] = level.ToString(CultureInfo.InvariantCulture);
        }

        var server = await SyncEvolutionServer.StartAsync(
                new SyncEvolutionServerOptions
                {
                    Username = user,
                    Password = password,
                    Datastores = [SyncEvolutionDatastore.Contacts],
                    ExtraClientProperties = properties,
                },
                cancellationToken)
            .ConfigureAwait(false);
        return new SyncEvolutionServerUnderTest(server);
    }

    public IReadOnlyList<int> GetProcessIds() => server.GetCurrentProcessIds();

    /// <summary>SyncEvolution talks only to clients it has a configuration for (by remoteDeviceId).</summary>
    public async Task AddDeviceAsync(string deviceId, CancellationToken cancellationToken) =>
        _ = await server.AddClientAsync(deviceId, cancellationToken).ConfigureAwait(false);

    public string DescribeLog() =>
        RunLog.Last(server.GetLog(), 8000) + Environment.NewLine + $"(server folder: {server.RootDirectory})";

    public void KeepFiles() => Environment.SetEnvironmentVariable(SyncEvolutionTooling.KeepTempVariable, "1");

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
