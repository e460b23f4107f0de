namespace Concord.Sync.Stores;

/// <summary>
/// An item's id and a version stamp that changes whenever its content does (a content hash, a revision number):
/// what a client compares with the versions a peer last confirmed to find what changed since.
/// </summary>
public readonly record struct ItemVersion(string Id, string Version);
