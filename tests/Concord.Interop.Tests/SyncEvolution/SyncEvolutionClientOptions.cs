namespace Concord.Interop.Tests.SyncEvolution;

/// <summary>
/// How <see cref="SyncEvolutionClient"/> configures its SyncEvolution peer. Defaults follow SyncEvolution's own
/// defaults except where noted (no keyring, no slow-sync prevention, no resends, no before/after dumps).
/// </summary>
public sealed record SyncEvolutionClientOptions
{
    /// <summary>URL of the SyncML server (<c>syncURL</c>).</summary>
    public required Uri ServerUrl { get; init; }

    /// <summary>SyncML user name (<c>username</c>); null sends no credentials.</summary>
    public string? Username { get; init; }

    /// <summary>SyncML password (<c>password</c>, stored in the config file because <c>keyring=no</c>).</summary>
    public string? Password { get; init; }

    /// <summary>The client's SyncML device id (<c>deviceId</c>, the LocURI of the Source in every SyncHdr).</summary>
    public string DeviceId { get; init; } = "concord-sevo-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>SyncML version (<c>SyncMLVersion</c>); Auto leaves it to SyncEvolution (1.2).</summary>
    public SyncEvolutionProtocolVersion ProtocolVersion { get; init; } = SyncEvolutionProtocolVersion.Auto;

    /// <summary>Message encoding (<c>enableWBXML</c>).</summary>
    public SyncEvolutionMessageEncoding Encoding { get; init; } = SyncEvolutionMessageEncoding.Wbxml;

    /// <summary>
    /// Credential type (<c>clientAuthType</c>); only used until the server tells the client what it wants.
    /// </summary>
    public SyncEvolutionAuthType AuthType { get; init; } = SyncEvolutionAuthType.Md5;

    /// <summary>
    /// Maximum message size the client accepts, in bytes (<c>maxMsgSize</c>, SyncEvolution default 150000).
    /// </summary>
    public int? MaxMessageSize { get; init; }

    /// <summary>
    /// Maximum object size the client accepts, in bytes (<c>maxObjSize</c>, SyncEvolution default 4000000).
    /// </summary>
    public int? MaxObjectSize { get; init; }

    /// <summary>
    /// Datastores to configure (default: all four). Each gets its own folder under the client's temp folder.
    /// </summary>
    public IReadOnlyList<SyncEvolutionDatastore> Datastores { get; init; } = SyncEvolutionNames.AllDatastores;

    /// <summary>
    /// Server-side datastore URI per datastore (<c>uri</c>); datastores not listed use their local name
    /// (<c>contacts</c>, <c>calendar</c>, <c>todo</c>, <c>memo</c>).
    /// </summary>
    public IReadOnlyDictionary<SyncEvolutionDatastore, string> RemoteUris { get; init; } =
        new Dictionary<SyncEvolutionDatastore, string>();

    /// <summary>
    /// Contacts format: <see cref="SyncEvolutionItemFormat.VCard30"/> or <see cref="SyncEvolutionItemFormat.VCard21"/>.
    /// </summary>
    public SyncEvolutionItemFormat ContactFormat { get; init; } = SyncEvolutionItemFormat.VCard30;

    /// <summary>
    /// Calendar format: <see cref="SyncEvolutionItemFormat.ICalendar20"/> or <see
    /// cref="SyncEvolutionItemFormat.VCalendar10"/>.
    /// </summary>
    public SyncEvolutionItemFormat CalendarFormat { get; init; } = SyncEvolutionItemFormat.ICalendar20;

    /// <summary>
    /// Task format: <see cref="SyncEvolutionItemFormat.ICalendar20"/> or <see
    /// cref="SyncEvolutionItemFormat.VCalendar10"/>.
    /// </summary>
    public SyncEvolutionItemFormat TodoFormat { get; init; } = SyncEvolutionItemFormat.ICalendar20;

    /// <summary>
    /// Memo format: <see cref="SyncEvolutionItemFormat.PlainText"/> or <see
    /// cref="SyncEvolutionItemFormat.ICalendar20"/>.
    /// </summary>
    public SyncEvolutionItemFormat MemoFormat { get; init; } = SyncEvolutionItemFormat.PlainText;

    /// <summary>
    /// Offer only the chosen format to the server (<c>forceSyncFormat=1</c>) instead of the chosen one as preferred
    /// plus the alternatives. On by default so that "vCard 2.1" really means vCard 2.1 on the wire.
    /// </summary>
    public bool ForceSyncFormat { get; init; } = true;

    /// <summary>
    /// Send refresh-from-server as SyncML alert 205 (<c>enableRefreshSync=1</c>). SyncEvolution's default (false)
    /// wipes local data and runs a slow sync instead. On by default so servers see the real alert.
    /// </summary>
    public bool UseRefreshSyncAlert { get; init; } = true;

    /// <summary>
    /// Refuse slow syncs that could duplicate data (<c>preventSlowSync</c>). SyncEvolution's default is true; the
    /// harness defaults to false so the client goes along with whatever the server asks for.
    /// </summary>
    public bool PreventSlowSync { get; init; }

    /// <summary>
    /// Time between resends of an unanswered message (<c>RetryInterval</c>); zero (the harness default) disables
    /// resending, SyncEvolution's default is 2 minutes.
    /// </summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.Zero;

    /// <summary>Timeout of each <c>syncevolution</c> invocation; the process tree is killed when it passes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>SyncEvolution <c>loglevel</c> for the per-session HTML log (null: SyncEvolution's default).</summary>
    public int? LogLevel { get; init; }

    /// <summary>Further peer (sync) properties for <c>--configure</c>, e.g. <c>["useProxy"] = "1"</c>.</summary>
    public IReadOnlyDictionary<string, string> ExtraSyncProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>Further properties for every datastore's <c>--configure</c>.</summary>
    public IReadOnlyDictionary<string, string> ExtraDatastoreProperties { get; init; } =
        new Dictionary<string, string>();

    /// <summary>
    /// Extra environment variables for every invocation (e.g. <c>TZ</c>, <c>CONCORD_CURL_SHIM_DEBUG=1</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Name of the peer configuration inside the client's isolated HOME.</summary>
    public string ConfigName { get; init; } = "concord";

    /// <summary>The format configured for <paramref name="datastore"/>.</summary>
    public SyncEvolutionItemFormat GetFormat(SyncEvolutionDatastore datastore) => datastore switch
    {
        SyncEvolutionDatastore.Contacts => ContactFormat,
        SyncEvolutionDatastore.Calendar => CalendarFormat,
        SyncEvolutionDatastore.Todo => TodoFormat,
        SyncEvolutionDatastore.Memo => MemoFormat,
        _ => throw new ArgumentOutOfRangeException(nameof(datastore), datastore, null),
    };

    /// <summary>The server-side URI used for <paramref name="datastore"/>.</summary>
    public string GetRemoteUri(SyncEvolutionDatastore datastore) =>
        RemoteUris.TryGetValue(datastore, out var uri) ? uri : SyncEvolutionNames.DatastoreName(datastore);
}
