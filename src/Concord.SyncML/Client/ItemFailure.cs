namespace Concord.SyncML.Client;

/// <summary>An item that did not sync: which, the SyncML status it got, and why in words.</summary>
public sealed record ItemFailure(string Item, int Status, string Reason);
