namespace Concord.Sync.Client;

/// <summary>
/// The anchors of a client's last completed sync with one peer (OMA DS 1.2 Protocol §6.3.1): the client's own,
/// sent as Last in the next Alert, and the server's, kept to tell a server that lost its state.
/// </summary>
public sealed record ClientAnchors(string ClientLast, string? ServerLast);
