namespace Concord.Sync.Stores;

/// <summary>
/// A change-log store's own names for its states in a sync with one peer: <paramref name="Last"/> the state the peer
/// last confirmed (null when none: a slow sync), <paramref name="Next"/> the state a confirmed sync makes the last.
/// The client sends them as the Alert's Last and Next anchors (OMA DS 1.2 Protocol §6.3.1).
/// </summary>
public sealed record StoreAnchors(string? Last, string Next);
