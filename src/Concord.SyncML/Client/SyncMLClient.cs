using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Concord.SyncML.Client;

/// <summary>
/// The SyncML client (OMA DS 1.2 Protocol §5-§6, client side): runs one session with a server over a transport,
/// for one or more local stores, and changes locally only what the server's answers carry or confirm.
/// </summary>
public sealed class SyncMLClient
{
    private readonly ISyncMLTransport _transport;
    private readonly SyncMLClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates a client.</summary>
    public SyncMLClient(ISyncMLTransport transport, SyncMLClientOptions options, ILogger<SyncMLClient>? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(options);
        _transport = transport;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Runs one session for the given stores.</summary>
    /// <returns>What happened, store by store; <see cref="SyncReport.Error"/> says why when the session broke off.</returns>
    /// <exception cref="ArgumentException">No store was given, or two stores share one client state.</exception>
    public Task<SyncReport> SyncAsync(IReadOnlyList<ClientStoreBinding> stores, IProgress<SyncProgress>? progress = null,
        CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(stores);
        if (stores.Count == 0) throw new ArgumentException("A session needs at least one store.", nameof(stores));
        if (stores.Select(s => s.State).Distinct().Count() != stores.Count)
        {
            throw new ArgumentException("Each store of a session needs its own client state (one per local collection).", nameof(stores));
        }
        return new ClientSession(_transport, _options, _logger, _time, progress, stores).RunAsync(token);
    }
}
