namespace Concord.Sync.Stores;

/// <summary>One entry of a change log: which item, and what happened to it since the last sync with a peer.</summary>
public readonly record struct ItemChange(string Id, ChangeKind Kind);
