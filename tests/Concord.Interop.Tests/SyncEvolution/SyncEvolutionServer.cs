using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Concord.Interop.Tests.SyncEvolution;

/// <summary>
/// SyncEvolution's own SyncML HTTP server as a reference peer: <c>syncevo-http-server</c> (Python/Twisted, bound to a
/// free port on 127.0.0.1) and <c>syncevo-dbus-server --duration=unlimited</c>, talking over a private D-Bus daemon,
/// with an isolated HOME and file-backend datastores in a temp folder, configured for given client device ids.
/// </summary>
/// <remarks>
/// <see cref="ProcessIds"/> names the three long-running processes (for CPU measurements from /proc); SyncEvolution
/// runs each sync session in a short-lived <c>syncevo-dbus-helper</c> child of the D-Bus daemon process, see
/// <see cref="GetCurrentProcessIds"/>. Dispose stops all of them and removes the temp folder (unless
/// <c>CONCORD_INTEROP_KEEP_TEMP=1</c>).
/// </remarks>
public sealed class SyncEvolutionServer : IAsyncDisposable, IDisposable
{
    /// <summary>
    /// Patches Twisted's listenTCP to bind to loopback only (syncevo-http-server has no option for it).
    /// </summary>
    private const string LoopbackLauncher = """
        # Runs syncevo-http-server bound to 127.0.0.1 instead of all interfaces (it has no option for that).
        # Written by the Concord interop test harness.
        import runpy
        import sys

        from twisted.internet import gireactor

        _install = gireactor.install


        def _install_loopback(*args, **kwargs):
            result = _install(*args, **kwargs)
            from twisted.internet import reactor
            listen = reactor.listenTCP

            def listen_loopback(port, factory, backlog=50, interface="127.0.0.1"):
                return listen(port, factory, backlog, interface)

            reactor.listenTCP = listen_loopback
            return result


        gireactor.install = _install_loopback
        script = sys.argv[1]
        sys.argv = sys.argv[1:]
        runpy.run_path(script, run_name="__main__")

        """;

    private readonly SyncEvolutionServerOptions options;
    private readonly Dictionary<SyncEvolutionDatastore, string> datastoreDirectories;
    private readonly List<string> clientConfigNames = [];
    private readonly SemaphoreSlim configureLock = new(1, 1);
    private readonly string syncEvolution;
    private SupervisedProcess? dbusDaemon;
    private SupervisedProcess? dbusServer;
    private SupervisedProcess? httpServer;
    private Dictionary<string, string> environment = [];
    private int disposed;

    private SyncEvolutionServer(SyncEvolutionServerOptions options, string rootDirectory, string syncEvolution)
    {
        this.options = options;
        this.syncEvolution = syncEvolution;
        RootDirectory = rootDirectory;
        HomeDirectory = Path.Combine(rootDirectory, "home");
        datastoreDirectories = options.Datastores.Distinct().ToDictionary(
            d => d,
            d => Path.Combine(rootDirectory, "data", SyncEvolutionNames.DatastoreName(d)));
        Url = new Uri("http://127.0.0.1/");
    }

    /// <summary>The URL clients sync with: <c>http://127.0.0.1:PORT/syncevolution</c>.</summary>
    public Uri Url { get; private set; }

    /// <summary>The loopback TCP port the HTTP server listens on.</summary>
    public int Port => Url.Port;

    /// <summary>The server's temp folder (home/, data/, dbus-session.conf, the loopback launcher).</summary>
    public string RootDirectory { get; }

    /// <summary>
    /// The server's isolated HOME (its SyncEvolution configuration is in home/.config/syncevolution).
    /// </summary>
    public string HomeDirectory { get; }

    /// <summary>Folder of each datastore (one item per file).</summary>
    public IReadOnlyDictionary<SyncEvolutionDatastore, string> DatastoreDirectories => datastoreDirectories;

    /// <summary>Names of the client configurations on the server, one per accepted device id.</summary>
    public IReadOnlyList<string> ClientConfigNames
    {
        get
        {
            lock (clientConfigNames)
            {
                return clientConfigNames.ToList();
            }
        }
    }

    /// <summary>The private D-Bus daemon's process id.</summary>
    public int DBusDaemonProcessId => dbusDaemon?.Id ?? 0;

    /// <summary>
    /// The <c>syncevo-dbus-server</c> process id (the sync engine; sessions run in helper children of it).
    /// </summary>
    public int SyncEngineProcessId => dbusServer?.Id ?? 0;

    /// <summary>The <c>syncevo-http-server</c> (python3) process id.</summary>
    public int HttpServerProcessId => httpServer?.Id ?? 0;

    /// <summary>The three long-running processes: D-Bus daemon, syncevo-dbus-server, syncevo-http-server.</summary>
    public IReadOnlyList<int> ProcessIds => [DBusDaemonProcessId, SyncEngineProcessId, HttpServerProcessId];

    /// <summary>Starts everything and waits until the HTTP port accepts connections.</summary>
    public static async Task<SyncEvolutionServer> StartAsync(
        SyncEvolutionServerOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var datastore in options.Datastores)
        {
            SyncEvolutionNames.ValidateFormat(datastore, options.GetFormat(datastore));
        }

        var syncEvolution = SyncEvolutionTooling.RequireExecutable("syncevolution", "syncevolution");
        _ = SyncEvolutionTooling.RequireExecutable("syncevo-http-server", "syncevolution-http");
        _ = SyncEvolutionTooling.RequireExecutable("dbus-daemon", "dbus-daemon");
        _ = SyncEvolutionTooling.RequireExecutable("dbus-send", "dbus-bin");
        _ = SyncEvolutionTooling.RequireExecutable(options.PythonPath, "python3");
        _ = SyncEvolutionTooling.RequireExecutable(options.DBusServerPath, "syncevolution-dbus");

        var server = new SyncEvolutionServer(
            options,
            SyncEvolutionTooling.CreateTempRoot("concord-sevo-server-"),
            syncEvolution);
        try
        {
            using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            startup.CancelAfter(options.StartupTimeout);
            await server.StartCoreAsync(startup.Token).ConfigureAwait(false);
            return server;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var log = server.GetLog();
            await server.DisposeAsync().ConfigureAwait(false);
            throw new TimeoutException(
                $"SyncEvolution server did not start within {options.StartupTimeout.TotalSeconds:0} s:"
                + $"{Environment.NewLine}{log}");
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Adds a client configuration for <paramref name="deviceId"/> (works while the server runs: the daemon reads
    /// configurations per session) and returns its name.
    /// </summary>
    public async Task<string> AddClientAsync(string deviceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        await configureLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            string name;
            lock (clientConfigNames)
            {
                name = $"client{clientConfigNames.Count + 1}";
            }

            await ConfigureAsync(
                    [
                        "--template", "none",
                        "keyring=no",
                        "PeerIsClient=1",
                        $"remoteDeviceId={deviceId}",
                        $"username={options.Username ?? string.Empty}",
                        $"password={options.Password ?? string.Empty}",
                        "printChanges=0",
                        "dumpData=0",
                        .. options.ExtraClientProperties.Select(p => $"{p.Key}={p.Value}"),
                        name,
                    ],
                    cancellationToken)
                .ConfigureAwait(false);

            foreach (var (datastore, directory) in datastoreDirectories)
            {
                await ConfigureAsync(
                        [
                            "backend=file",
                            $"database=file://{directory}",
                            $"databaseFormat={SyncEvolutionNames.MimeType(options.GetFormat(datastore))}",
                            "sync=two-way",
                            name,
                            options.GetDatastoreName(datastore),
                        ],
                        cancellationToken)
                    .ConfigureAwait(false);
            }

            lock (clientConfigNames)
            {
                clientConfigNames.Add(name);
            }

            return name;
        }
        finally
        {
            configureLock.Release();
        }
    }

    /// <summary>The folder holding the items of <paramref name="datastore"/>.</summary>
    public string GetDatastoreDirectory(SyncEvolutionDatastore datastore) =>
        datastoreDirectories.TryGetValue(datastore, out var directory)
            ? directory
            : throw new ArgumentException(
                $"Datastore {datastore} is not configured on this server.",
                nameof(datastore));

    /// <summary>All items of a datastore: file name to content (UTF-8), ordered by file name.</summary>
    public IReadOnlyDictionary<string, string> ReadItems(SyncEvolutionDatastore datastore) =>
        ItemDirectory.Read(GetDatastoreDirectory(datastore));

    /// <summary>Creates or overwrites one item file directly in the server's storage.</summary>
    public void WriteItem(SyncEvolutionDatastore datastore, string fileName, string content) =>
        ItemDirectory.Write(GetDatastoreDirectory(datastore), fileName, content);

    /// <summary>Creates or overwrites several item files directly in the server's storage.</summary>
    public void WriteItems(SyncEvolutionDatastore datastore, IReadOnlyDictionary<string, string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var (fileName, content) in items)
        {
            WriteItem(datastore, fileName, content);
        }
    }

    /// <summary>Deletes one item file from the server's storage; false when it did not exist.</summary>
    public bool DeleteItem(SyncEvolutionDatastore datastore, string fileName) =>
        ItemDirectory.Delete(GetDatastoreDirectory(datastore), fileName);

    /// <summary>Deletes every item file of a datastore in the server's storage.</summary>
    public void DeleteAllItems(SyncEvolutionDatastore datastore) =>
        ItemDirectory.DeleteAll(GetDatastoreDirectory(datastore));

    /// <summary>
    /// The server's processes right now: the three long-running ones and their descendants (including a
    /// <c>syncevo-dbus-helper</c> while a session runs).
    /// </summary>
    public IReadOnlyList<int> GetCurrentProcessIds()
    {
        return new[] { dbusDaemon, dbusServer, httpServer }
            .Where(p => p is not null)
            .SelectMany(p => p!.CollectProcessIds())
            .Distinct()
            .ToList();
    }

    /// <summary>Captured output of syncevo-http-server and syncevo-dbus-server (for failure messages).</summary>
    public string GetLog()
    {
        var builder = new StringBuilder();
        foreach (var process in new[] { dbusDaemon, dbusServer, httpServer })
        {
            if (process is not null)
            {
                builder.Append("--- ").Append(process.DisplayName)
                    .Append(" (pid ").Append(process.Id).AppendLine(") ---");
                builder.AppendLine(process.CombinedOutput.TrimEnd());
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Stops the HTTP server, the SyncEvolution daemon and the D-Bus daemon, then removes the temp folder.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        // Front to back: no new requests, then the engine (lets it finish writing), then the bus.
        foreach (var process in new[] { httpServer, dbusServer, dbusDaemon })
        {
            process?.Dispose();
        }

        configureLock.Dispose();
        SyncEvolutionTooling.DeleteTempRoot(RootDirectory);
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        return new ValueTask(Task.Run(Dispose));
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(HomeDirectory);
        foreach (var directory in datastoreDirectories.Values)
        {
            Directory.CreateDirectory(directory);
        }

        environment = SyncEvolutionTooling.IsolatedEnvironment(HomeDirectory, options.Environment);
        environment["PYTHONUNBUFFERED"] = "1";
        environment["PYTHONDONTWRITEBYTECODE"] = "1";

        foreach (var deviceId in options.ClientDeviceIds)
        {
            _ = await AddClientAsync(deviceId, cancellationToken).ConfigureAwait(false);
        }

        // 1. A private bus without service activation, so nothing but what we start ever runs on it.
        var busConfiguration = SyncEvolutionTooling.WriteBusConfiguration(
            RootDirectory,
            $"unix:path={Path.Combine(RootDirectory, "bus")}");
        dbusDaemon = SupervisedProcess.Start(
            SyncEvolutionTooling.RequireExecutable("dbus-daemon"),
            [$"--config-file={busConfiguration}", "--nofork", "--nopidfile", "--print-address=1"],
            environment,
            RootDirectory);
        static bool IsAddress(string line) => line.StartsWith("unix:", StringComparison.Ordinal);
        await dbusDaemon.WaitForLineAsync(IsAddress, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        var address = dbusDaemon.StandardOutput.Split('\n').First(IsAddress).Trim();
        environment["DBUS_SESSION_BUS_ADDRESS"] = address;

        // 2. The SyncEvolution daemon, started by us (not by D-Bus activation) and never idling out.
        dbusServer = SupervisedProcess.Start(
            options.DBusServerPath,
            ["--duration=unlimited", $"--verbosity={(options.DebugLogging ? 3 : 2)}", "--stdout", "--no-syslog"],
            environment,
            RootDirectory);
        await dbusServer.WaitForLineAsync(
                l => l.Contains("ready to run", StringComparison.Ordinal),
                Timeout.InfiniteTimeSpan,
                cancellationToken)
            .ConfigureAwait(false);
        await WaitForBusNameAsync("org.syncevolution", cancellationToken).ConfigureAwait(false);

        // 3. The HTTP front end on a free loopback port (retried if another process grabs the port meanwhile).
        var launcher = Path.Combine(RootDirectory, "syncevo-http-server-loopback.py");
        await File.WriteAllTextAsync(launcher, LoopbackLauncher, cancellationToken).ConfigureAwait(false);
        var httpScript = SyncEvolutionTooling.RequireExecutable("syncevo-http-server");
        for (var attempt = 1; ; attempt++)
        {
            var port = FindFreeLoopbackPort();
            var url = new Uri($"http://127.0.0.1:{port}/{options.UrlPath.Trim('/')}");
            List<string> arguments = [launcher, httpScript];
            if (options.DebugLogging)
            {
                arguments.Add("--debug");
            }

            arguments.Add(url.AbsoluteUri);
            httpServer = SupervisedProcess.Start(
                options.PythonPath,
                arguments,
                environment,
                RootDirectory,
                "syncevo-http-server");
            try
            {
                await httpServer.WaitForLineAsync(
                        l => l.Contains("listening on port", StringComparison.Ordinal),
                        Timeout.InfiniteTimeSpan,
                        cancellationToken)
                    .ConfigureAwait(false);
                await WaitForPortAsync(port, cancellationToken).ConfigureAwait(false);
                Url = url;
                return;
            }
            catch (InvalidOperationException) when (
                attempt < 3 && httpServer.CombinedOutput.Contains("Address already in use", StringComparison.Ordinal))
            {
                httpServer.Dispose();
                httpServer = null;
            }
            catch (InvalidOperationException e) when (
                httpServer.CombinedOutput.Contains("No module named", StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"{options.PythonPath} lacks a module syncevo-http-server needs; install python3-twisted, "
                    + "python3-dbus and python3-gi (Debian's syncevolution-http does not pull in python3-twisted).",
                    e);
            }
        }
    }

    private async Task ConfigureAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var configureEnvironment = SyncEvolutionTooling.IsolatedEnvironment(HomeDirectory, options.Environment);
        var result = await SyncEvolutionTooling.RunAsync(
                syncEvolution,
                ["--daemon=no", "--configure", .. arguments],
                configureEnvironment,
                RootDirectory,
                TimeSpan.FromMinutes(1),
                cancellationToken)
            .ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Configuring the SyncEvolution server failed:{Environment.NewLine}{result}");
        }
    }

    private async Task WaitForBusNameAsync(string name, CancellationToken cancellationToken)
    {
        var dbusSend = SyncEvolutionTooling.RequireExecutable("dbus-send");
        while (true)
        {
            var result = await SyncEvolutionTooling.RunAsync(
                    dbusSend,
                    [
                        "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
                        "org.freedesktop.DBus.NameHasOwner", $"string:{name}",
                    ],
                    environment,
                    RootDirectory,
                    TimeSpan.FromSeconds(10),
                    cancellationToken)
                .ConfigureAwait(false);
            if (result.Succeeded && result.StandardOutput.Contains("boolean true", StringComparison.Ordinal))
            {
                return;
            }

            if (dbusServer is { HasExited: true })
            {
                throw new InvalidOperationException($"syncevo-dbus-server exited:{Environment.NewLine}{GetLog()}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false); // bounded by the start-up deadline
        }
    }

    private async Task WaitForPortAsync(int port, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (
                httpServer is { HasExited: false } && stopwatch.Elapsed < options.StartupTimeout)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false); // bounded by the start-up deadline
            }
        }
    }

    private static int FindFreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
