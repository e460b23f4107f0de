namespace Concord.SyncML.Client;

/// <summary>Which side of a sync a change lands on.</summary>
public enum SyncSide
{
    /// <summary>The local collection.</summary>
    Local,

    /// <summary>The server.</summary>
    Remote,
}
