namespace Concord.Sync;

/// <summary>What each sync type asks of each side.</summary>
public static class SyncTypeExtensions
{
    /// <summary>Whether the client sends items to the server in this sync type.</summary>
    public static bool ClientSends(this SyncType t) =>
        t is SyncType.TwoWay or SyncType.Slow or SyncType.OneWayFromClient or SyncType.RefreshFromClient;

    /// <summary>Whether the server sends items to the client in this sync type.</summary>
    public static bool ServerSends(this SyncType t) =>
        t is SyncType.TwoWay or SyncType.Slow or SyncType.OneWayFromServer or SyncType.RefreshFromServer;

    /// <summary>Whether the side that sends sends everything rather than its changes.</summary>
    public static bool SendsEverything(this SyncType t) =>
        t is SyncType.Slow or SyncType.RefreshFromClient or SyncType.RefreshFromServer;

    /// <summary>
    /// Maps an Alert code to a sync type. Server-alerted codes 206-210 (OMA DS 1.2 Protocol §4.4) are the
    /// client's answers to a server alert and map to the type they request.
    /// </summary>
    public static SyncType? FromAlertCode(int code) => code switch
    {
        200 or 206 => SyncType.TwoWay,
        201 => SyncType.Slow,
        202 or 207 => SyncType.OneWayFromClient,
        203 or 208 => SyncType.RefreshFromClient,
        204 or 209 => SyncType.OneWayFromServer,
        205 or 210 => SyncType.RefreshFromServer,
        _ => null,
    };

    /// <summary>SyncEvolution's names for the modes: two-way, slow, one-way-from-client and so on.</summary>
    public static string ToModeName(this SyncType t) => t switch
    {
        SyncType.TwoWay => "two-way",
        SyncType.Slow => "slow",
        SyncType.OneWayFromClient => "one-way-from-client",
        SyncType.RefreshFromClient => "refresh-from-client",
        SyncType.OneWayFromServer => "one-way-from-server",
        _ => "refresh-from-server",
    };

    /// <summary>Reads one of SyncEvolution's mode names; null when unknown.</summary>
    public static SyncType? FromModeName(string name) => name switch
    {
        "two-way" => SyncType.TwoWay,
        "slow" => SyncType.Slow,
        "one-way-from-client" => SyncType.OneWayFromClient,
        "refresh-from-client" => SyncType.RefreshFromClient,
        "one-way-from-server" => SyncType.OneWayFromServer,
        "refresh-from-server" => SyncType.RefreshFromServer,
        _ => null,
    };
}
