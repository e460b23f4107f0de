namespace Concord.Sync;

/// <summary>What a store does when the same item changed on both sides since the last sync.</summary>
public enum ConflictPolicy
{
    /// <summary>Fields changed on one side only are taken from that side; a field changed on both takes the server's value.</summary>
    Merge,

    /// <summary>The server's version wins whole; the client's goes to history.</summary>
    ServerWins,

    /// <summary>The client's version wins whole; the server's goes to history.</summary>
    ClientWins,

    /// <summary>Both versions are kept as two items.</summary>
    Duplicate,
}
