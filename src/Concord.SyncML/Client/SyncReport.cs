namespace Concord.SyncML.Client;

/// <summary>The outcome of a client session: one report per store, and the session's own error if it broke off.</summary>
public sealed class SyncReport
{
    internal SyncReport(IReadOnlyList<StoreReport> stores, string deviceId)
    {
        Stores = stores;
        DeviceId = deviceId;
    }

    /// <summary>One report per store, in the order given.</summary>
    public IReadOnlyList<StoreReport> Stores { get; }

    /// <summary>The device id the session used.</summary>
    public string DeviceId { get; }

    /// <summary>Why the session broke off, when it did.</summary>
    public string? Error { get; internal set; }

    /// <summary>Messages sent (resends not counted).</summary>
    public int Messages { get; internal set; }

    /// <summary>A dry run: nothing was changed.</summary>
    public bool DryRun { get; internal set; }

    /// <summary>Every store synced completely.</summary>
    public bool Succeeded => Error is null && Stores.All(s => s.Succeeded);
}
