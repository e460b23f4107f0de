using Concord.Sync;

namespace Concord.SyncML.Client;

/// <summary>The outcome of one store of a session: mode asked and run, what changed on each side, and any error.</summary>
public sealed class StoreReport
{
    internal StoreReport(string name, string remoteUri, SyncType requested)
    {
        Name = name;
        RemoteUri = remoteUri;
        Requested = requested;
    }

    /// <summary>The local collection's name.</summary>
    public string Name { get; }

    /// <summary>The server's store.</summary>
    public string RemoteUri { get; }

    /// <summary>The sync type asked for.</summary>
    public SyncType Requested { get; }

    /// <summary>The sync type the server ran, once it said.</summary>
    public SyncType? Performed { get; internal set; }

    /// <summary>The local side.</summary>
    public SideReport Local { get; } = new();

    /// <summary>The server's side.</summary>
    public SideReport Remote { get; } = new();

    /// <summary>The session reached its end for this store and the anchors moved on.</summary>
    public bool Completed { get; internal set; }

    /// <summary>Why the store did not sync, when it did not.</summary>
    public string? Error { get; internal set; }

    /// <summary>Dry run: every change the sync would make, item by item.</summary>
    public List<PlannedChange> Planned { get; } = [];

    /// <summary>Dry run: what could not be worked out without changing the server.</summary>
    public string? PlanNote { get; internal set; }

    /// <summary>Completed with no error and no item failures (a dry run counts when its plan is complete).</summary>
    public bool Succeeded => Error is null && Completed && Local.Failures.Count == 0 && Remote.Failures.Count == 0;
}
