namespace Concord.EndToEnd;

/// <summary>A running SyncML server the benchmark syncs with and measures.</summary>
internal interface IServerUnderTest : IAsyncDisposable
{
    /// <summary>Short name for the tables: <c>Concord</c> or <c>SyncEvolution</c>.</summary>
    string Name { get; }

    /// <summary>The URL clients sync with (loopback).</summary>
    Uri SyncUrl { get; }

    /// <summary>Every process of the server right now: the long-running ones and their descendants.</summary>
    IReadOnlyList<int> GetProcessIds();

    /// <summary>Makes sure the server accepts a client with this device id.</summary>
    Task AddDeviceAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>The end of the server's log, and where the whole log is, for failure reports.</summary>
    string DescribeLog();

    /// <summary>Keeps the server's files after disposal (after a failure).</summary>
    void KeepFiles();
}
