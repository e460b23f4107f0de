using Concord.Sync;

namespace Concord.SyncML.Client;

/// <summary>Where one store of a session stands, reported after every message.</summary>
/// <param name="Store">The local collection's name.</param>
/// <param name="Phase">The session's phase.</param>
/// <param name="Type">The sync type the server runs, once known.</param>
/// <param name="Sent">Changes sent so far.</param>
/// <param name="ToSend">Changes to send in all, once known.</param>
/// <param name="Received">Changes received so far.</param>
/// <param name="Announced">Changes the server announced (NumberOfChanges), when it did.</param>
public sealed record SyncProgress(string Store, SyncPhase Phase, SyncType? Type, int Sent, int ToSend, int Received, int? Announced);
