using System.Collections.Concurrent;
using System.Globalization;

namespace Concord.Interop.Tests.SyncEvolution;

/// <summary>
/// Drives the real SyncEvolution command-line client (Debian 12 <c>syncevolution</c> 2.0.0) as a SyncML client:
/// an isolated HOME in a temp folder, one peer configuration with file-backend datastores (one folder per datastore,
/// one file per item), syncs run under a private <c>dbus-run-session</c> with the curl shim preloaded.
/// </summary>
/// <remarks>
/// Create with <see cref="CreateAsync"/>; put items into the folders with <see cref="WriteItem"/> /
/// <see cref="WriteItems"/>, run <see cref="SyncAsync(SyncEvolutionSyncMode, CancellationToken)"/>, read back with
/// <see cref="ReadItems"/>. <see cref="Dispose"/> stops anything still running and removes the temp folder
/// (unless <c>CONCORD_INTEROP_KEEP_TEMP=1</c>).
/// </remarks>
public sealed class SyncEvolutionClient : IDisposable
{
    private readonly ConcurrentDictionary<int, SupervisedProcess> running = new();
    private readonly Dictionary<SyncEvolutionDatastore, string> datastoreDirectories;
    private readonly string syncEvolution;
    private readonly string dbusRunSession;
    private int disposed;

    private SyncEvolutionClient(
        SyncEvolutionClientOptions options,
        string rootDirectory,
        string syncEvolution,
        string dbusRunSession)
    {
        Options = options;
        RootDirectory = rootDirectory;
        HomeDirectory = Path.Combine(rootDirectory, "home");
        LogDirectory = Path.Combine(rootDirectory, "logs");
        datastoreDirectories = options.Datastores.Distinct().ToDictionary(
            d => d,
            d => Path.Combine(rootDirectory, "data", SyncEvolutionNames.DatastoreName(d)));
        this.syncEvolution = syncEvolution;
        this.dbusRunSession = dbusRunSession;
    }

    /// <summary>The options this client was configured with.</summary>
    public SyncEvolutionClientOptions Options { get; }

    /// <summary>The client's temp folder (home/, data/, logs/, dbus-session.conf).</summary>
    public string RootDirectory { get; }

    /// <summary>The isolated HOME (XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_CACHE_HOME are below it).</summary>
    public string HomeDirectory { get; }

    /// <summary>SyncEvolution's <c>logdir</c>: one session folder per sync.</summary>
    public string LogDirectory { get; }

    /// <summary>Folder of each configured datastore.</summary>
    public IReadOnlyDictionary<SyncEvolutionDatastore, string> DatastoreDirectories => datastoreDirectories;

    /// <summary>Ids of the processes currently running for this client (root of each invocation).</summary>
    public IReadOnlyCollection<int> RunningProcessIds => running.Keys.ToList();

    /// <summary>
    /// Creates the temp folder and the peer configuration:
    /// <c>syncevolution --daemon=no --configure --template none keyring=no syncURL=... PEER</c>, then for each
    /// datastore <c>syncevolution --daemon=no --configure backend=file database=file://DIR databaseFormat=...
    /// syncFormat=... uri=... sync=two-way PEER NAME</c>.
    /// </summary>
    public static async Task<SyncEvolutionClient> CreateAsync(
        SyncEvolutionClientOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var datastore in options.Datastores)
        {
            SyncEvolutionNames.ValidateFormat(datastore, options.GetFormat(datastore));
        }

        var syncEvolution = SyncEvolutionTooling.RequireExecutable("syncevolution", "syncevolution");
        var dbusRunSession = SyncEvolutionTooling.RequireExecutable("dbus-run-session", "dbus-bin");
        var client = new SyncEvolutionClient(
            options,
            SyncEvolutionTooling.CreateTempRoot("concord-sevo-client-"),
            syncEvolution,
            dbusRunSession);
        try
        {
            await client.ConfigureInitialAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The folder holding the items of <paramref name="datastore"/>.</summary>
    public string GetDatastoreDirectory(SyncEvolutionDatastore datastore) =>
        datastoreDirectories.TryGetValue(datastore, out var directory)
            ? directory
            : throw new ArgumentException(
                $"Datastore {datastore} is not configured for this client.",
                nameof(datastore));

    /// <summary>All items of a datastore: file name to content (UTF-8), ordered by file name.</summary>
    public IReadOnlyDictionary<string, string> ReadItems(SyncEvolutionDatastore datastore) =>
        ItemDirectory.Read(GetDatastoreDirectory(datastore));

    /// <summary>Creates or overwrites one item file (UTF-8, no BOM, content written as given).</summary>
    public void WriteItem(SyncEvolutionDatastore datastore, string fileName, string content) =>
        ItemDirectory.Write(GetDatastoreDirectory(datastore), fileName, content);

    /// <summary>Creates or overwrites several item files.</summary>
    public void WriteItems(SyncEvolutionDatastore datastore, IReadOnlyDictionary<string, string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var (fileName, content) in items)
        {
            WriteItem(datastore, fileName, content);
        }
    }

    /// <summary>Deletes one item file; returns false when it did not exist.</summary>
    public bool DeleteItem(SyncEvolutionDatastore datastore, string fileName) =>
        ItemDirectory.Delete(GetDatastoreDirectory(datastore), fileName);

    /// <summary>Deletes every item file of a datastore.</summary>
    public void DeleteAllItems(SyncEvolutionDatastore datastore) =>
        ItemDirectory.DeleteAll(GetDatastoreDirectory(datastore));

    /// <summary>Runs <c>syncevolution --daemon=no --sync MODE PEER</c> for all configured datastores.</summary>
    public Task<SyncEvolutionRunResult> SyncAsync(
        SyncEvolutionSyncMode mode,
        CancellationToken cancellationToken = default) =>
        SyncAsync(mode, Options.Datastores, cancellationToken);

    /// <summary>
    /// Runs <c>dbus-run-session -- syncevolution --daemon=no --sync MODE PEER DATASTORE...</c> with the curl shim in
    /// LD_PRELOAD and waits for it (at most <see cref="SyncEvolutionClientOptions.Timeout"/>).
    /// </summary>
    public async Task<SyncEvolutionRunResult> SyncAsync(
        SyncEvolutionSyncMode mode,
        IEnumerable<SyncEvolutionDatastore> datastores,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(datastores);
        var names = datastores.Select(d =>
        {
            _ = GetDatastoreDirectory(d);
            return SyncEvolutionNames.DatastoreName(d);
        }).ToList();
        return await RunAsync(
                ["--daemon=no", "--sync", SyncEvolutionNames.SyncModeName(mode), Options.ConfigName, .. names],
                withSession: true,
                cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Changes peer properties between runs (<c>syncevolution --daemon=no --configure KEY=VALUE... PEER</c>), e.g.
    /// <c>["SyncMLVersion"] = "1.1"</c>; with <paramref name="datastore"/> set, datastore properties of that datastore.
    /// </summary>
    public async Task ConfigureAsync(
        IReadOnlyDictionary<string, string> properties,
        SyncEvolutionDatastore? datastore = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(properties);
        List<string> arguments =
            ["--daemon=no", "--configure", .. properties.Select(p => $"{p.Key}={p.Value}"), Options.ConfigName];
        if (datastore is { } d)
        {
            _ = GetDatastoreDirectory(d);
            arguments.Add(SyncEvolutionNames.DatastoreName(d));
        }

        EnsureSucceeded(await RunAsync(arguments, withSession: false, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Runs <c>syncevolution</c> with arbitrary arguments in this client's environment (e.g.
    /// <c>["--print-config", "--quiet", "concord"]</c>). With <paramref name="withSession"/> it runs under a private
    /// <c>dbus-run-session</c> with the curl shim preloaded (needed for anything that talks HTTP).
    /// </summary>
    public async Task<SyncEvolutionRunResult> RunAsync(
        IReadOnlyList<string> arguments,
        bool withSession = true,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);

        var environment = SyncEvolutionTooling.IsolatedEnvironment(HomeDirectory, Options.Environment);
        string fileName;
        List<string> commandLine;
        if (withSession)
        {
            environment["LD_PRELOAD"] =
                await SyncEvolutionTooling.GetCurlShimAsync(cancellationToken).ConfigureAwait(false);
            fileName = dbusRunSession;
            commandLine = [$"--config-file={BusConfigurationPath}", "--", syncEvolution, .. arguments];
        }
        else
        {
            fileName = syncEvolution;
            commandLine = [.. arguments];
        }

        var sessionsBefore = ListSessionDirectories();
        var result = await SyncEvolutionTooling.RunAsync(
                fileName,
                commandLine,
                environment,
                RootDirectory,
                Options.Timeout,
                cancellationToken,
                onStarted: p => running[p.Id] = p,
                onFinished: p => running.TryRemove(p.Id, out _))
            .ConfigureAwait(false);

        var session = ListSessionDirectories()
            .Except(sessionsBefore)
            .OrderBy(Directory.GetCreationTimeUtc)
            .LastOrDefault();
        return session is null
            ? result
            : result with
            {
                SessionDirectory = session,
                Session = SyncEvolutionSessionStatus.Load(Path.Combine(session, "status.ini")),
            };
    }

    /// <summary>Stops every process still running for this client and removes the temp folder.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        foreach (var process in running.Values)
        {
            process.Stop(TimeSpan.FromSeconds(2));
        }

        running.Clear();
        SyncEvolutionTooling.DeleteTempRoot(RootDirectory);
    }

    private string BusConfigurationPath => Path.Combine(RootDirectory, "dbus-session.conf");

    private async Task ConfigureInitialAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(HomeDirectory);
        Directory.CreateDirectory(LogDirectory);
        foreach (var directory in datastoreDirectories.Values)
        {
            Directory.CreateDirectory(directory);
        }

        // Private session bus for each sync run; unix:tmpdir gives every dbus-run-session its own socket.
        _ = SyncEvolutionTooling.WriteBusConfiguration(RootDirectory, $"unix:tmpdir={RootDirectory}");

        var peer = new List<string>
        {
            "keyring=no",
            $"syncURL={Options.ServerUrl.AbsoluteUri}",
            $"username={Options.Username ?? string.Empty}",
            $"password={Options.Password ?? string.Empty}",
            $"deviceId={Options.DeviceId}",
            $"enableWBXML={SyncEvolutionNames.Flag(Options.Encoding == SyncEvolutionMessageEncoding.Wbxml)}",
            $"clientAuthType={SyncEvolutionNames.AuthTypeValue(Options.AuthType)}",
            $"enableRefreshSync={SyncEvolutionNames.Flag(Options.UseRefreshSyncAlert)}",
            $"preventSlowSync={SyncEvolutionNames.Flag(Options.PreventSlowSync)}",
            $"RetryInterval={(int)Options.RetryInterval.TotalSeconds}",
            "printChanges=0",
            "dumpData=0",
            $"logdir={LogDirectory}",
            "maxlogdirs=0",
        };
        if (SyncEvolutionNames.ProtocolVersionValue(Options.ProtocolVersion) is { } version)
        {
            peer.Add($"SyncMLVersion={version}");
        }

        if (Options.MaxMessageSize is { } maxMessageSize)
        {
            peer.Add($"maxMsgSize={maxMessageSize.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Options.MaxObjectSize is { } maxObjectSize)
        {
            peer.Add($"maxObjSize={maxObjectSize.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Options.LogLevel is { } logLevel)
        {
            peer.Add($"loglevel={logLevel.ToString(CultureInfo.InvariantCulture)}");
        }

        peer.AddRange(Options.ExtraSyncProperties.Select(p => $"{p.Key}={p.Value}"));
        EnsureSucceeded(await RunAsync(
                ["--daemon=no", "--configure", "--template", "none", .. peer, Options.ConfigName],
                withSession: false,
                cancellationToken)
            .ConfigureAwait(false));

        foreach (var (datastore, directory) in datastoreDirectories)
        {
            var mime = SyncEvolutionNames.MimeType(Options.GetFormat(datastore));
            List<string> properties =
            [
                "backend=file",
                $"database=file://{directory}",
                $"databaseFormat={mime}",
                $"syncFormat={mime}",
                $"forceSyncFormat={SyncEvolutionNames.Flag(Options.ForceSyncFormat)}",
                $"uri={Options.GetRemoteUri(datastore)}",
                "sync=two-way",
                .. Options.ExtraDatastoreProperties.Select(p => $"{p.Key}={p.Value}"),
            ];
            EnsureSucceeded(await RunAsync(
                    [
                        "--daemon=no", "--configure", .. properties,
                        Options.ConfigName, SyncEvolutionNames.DatastoreName(datastore),
                    ],
                    withSession: false,
                    cancellationToken)
                .ConfigureAwait(false));
        }
    }

    private IReadOnlyList<string> ListSessionDirectories() =>
        Directory.Exists(LogDirectory) ? Directory.GetDirectories(LogDirectory) : [];

    private static void EnsureSucceeded(SyncEvolutionRunResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"SyncEvolution configuration failed:{Environment.NewLine}{result}");
        }
    }
}
