namespace Concord.Interop.Tests.SyncEvolution;

/// <summary>
/// Sync modes the SyncEvolution command-line client can be asked for with <c>--sync MODE</c>
/// (the client being the SyncML client, "server" is always the peer).
/// </summary>
public enum SyncEvolutionSyncMode
{
    /// <summary><c>two-way</c>: exchange changes since the last sync (SyncML alert 200).</summary>
    TwoWay,

    /// <summary><c>slow</c>: exchange all items (SyncML alert 201).</summary>
    Slow,

    /// <summary><c>one-way-from-client</c>: send local changes only (SyncML alert 202).</summary>
    OneWayFromClient,

    /// <summary><c>refresh-from-client</c>: replace the server's data with the client's (SyncML alert 203).</summary>
    RefreshFromClient,

    /// <summary><c>one-way-from-server</c>: receive the server's changes only (SyncML alert 204).</summary>
    OneWayFromServer,

    /// <summary>
    /// <c>refresh-from-server</c>: replace the client's data with the server's. Sent as SyncML alert 205 only when
    /// <see cref="SyncEvolutionClientOptions.UseRefreshSyncAlert"/> is set; otherwise SyncEvolution wipes the local
    /// data and runs a slow sync (alert 201).
    /// </summary>
    RefreshFromServer,
}
