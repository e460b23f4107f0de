namespace Concord.Interop.Tests.SyncEvolution;

/// <summary>How <see cref="SyncEvolutionServer"/> sets up SyncEvolution's own SyncML HTTP server.</summary>
public sealed record SyncEvolutionServerOptions
{
    /// <summary>
    /// User name every client must present; null (with <see cref="Password"/> null) turns credential checking off.
    /// SyncEvolution's server serves exactly one user.
    /// </summary>
    public string? Username { get; init; }

    /// <summary>Password every client must present.</summary>
    public string? Password { get; init; }

    /// <summary>
    /// Device ids of the clients the server accepts from the start (SyncEvolution only talks to clients it has a
    /// configuration for, found by <c>remoteDeviceId</c>); more can be added with
    /// <see cref="SyncEvolutionServer.AddClientAsync"/>.
    /// </summary>
    public IReadOnlyList<string> ClientDeviceIds { get; init; } = [];

    /// <summary>Datastores the server offers (default: all four); each is a file-backend folder.</summary>
    public IReadOnlyList<SyncEvolutionDatastore> Datastores { get; init; } = SyncEvolutionNames.AllDatastores;

    /// <summary>
    /// Name under which clients address each datastore (their <c>uri</c>); datastores not listed use the harness
    /// defaults <c>contacts</c>, <c>calendar</c>, <c>todo</c>, <c>memo</c>, which match
    /// <see cref="SyncEvolutionClientOptions.RemoteUris"/>' defaults.
    /// </summary>
    public IReadOnlyDictionary<SyncEvolutionDatastore, string> DatastoreNames { get; init; } =
        new Dictionary<SyncEvolutionDatastore, string>();

    /// <summary>
    /// Storage format of the server's contact files (vCard 3.0 by default; the server converts as needed).
    /// </summary>
    public SyncEvolutionItemFormat ContactFormat { get; init; } = SyncEvolutionItemFormat.VCard30;

    /// <summary>Storage format of the server's event files.</summary>
    public SyncEvolutionItemFormat CalendarFormat { get; init; } = SyncEvolutionItemFormat.ICalendar20;

    /// <summary>Storage format of the server's task files.</summary>
    public SyncEvolutionItemFormat TodoFormat { get; init; } = SyncEvolutionItemFormat.ICalendar20;

    /// <summary>Storage format of the server's memo files.</summary>
    public SyncEvolutionItemFormat MemoFormat { get; init; } = SyncEvolutionItemFormat.PlainText;

    /// <summary>Path part of the server URL: <c>http://127.0.0.1:PORT/PATH</c> (one segment).</summary>
    public string UrlPath { get; init; } = "syncevolution";

    /// <summary>
    /// Verbose logging: <c>syncevo-http-server --debug</c> (logs every SyncML message with its content type) and
    /// <c>syncevo-dbus-server --verbosity=3</c>. Off by default because it costs time in benchmarks.
    /// </summary>
    public bool DebugLogging { get; init; }

    /// <summary>
    /// Further properties for every client configuration on the server, e.g. <c>["maxMsgSize"] = "20000"</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> ExtraClientProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra environment variables for the server processes.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>How long start-up (configuration, D-Bus, daemon, HTTP listener) may take.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The Python interpreter with the dbus, gi and twisted modules (Debian's, not a pyenv/venv one that may come
    /// first on PATH). syncevo-http-server's own #! line is broken in the Debian package (<c>#!@PYTHON@</c>).
    /// </summary>
    public string PythonPath { get; init; } = "/usr/bin/python3";

    /// <summary>The SyncEvolution D-Bus daemon (not on PATH in Debian).</summary>
    public string DBusServerPath { get; init; } = "/usr/libexec/syncevo-dbus-server";

    /// <summary>The storage format configured for <paramref name="datastore"/>.</summary>
    public SyncEvolutionItemFormat GetFormat(SyncEvolutionDatastore datastore) => datastore switch
    {
        SyncEvolutionDatastore.Contacts => ContactFormat,
        SyncEvolutionDatastore.Calendar => CalendarFormat,
        SyncEvolutionDatastore.Todo => TodoFormat,
        SyncEvolutionDatastore.Memo => MemoFormat,
        _ => throw new ArgumentOutOfRangeException(nameof(datastore), datastore, null),
    };

    /// <summary>The name clients use for <paramref name="datastore"/>.</summary>
    public string GetDatastoreName(SyncEvolutionDatastore datastore) =>
        DatastoreNames.TryGetValue(datastore, out var name) ? name : SyncEvolutionNames.DatastoreName(datastore);
}
