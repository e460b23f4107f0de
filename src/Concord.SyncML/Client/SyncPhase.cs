namespace Concord.SyncML.Client;

/// <summary>Where a client session is (OMA DS 1.2 Protocol §5: packages 1 to 6).</summary>
public enum SyncPhase
{
    /// <summary>Package 1-2: alerts, authentication, device information.</summary>
    Init,

    /// <summary>Package 3: the client's changes go up.</summary>
    Sending,

    /// <summary>Package 4: the server's changes come down.</summary>
    Receiving,

    /// <summary>Package 5-6: the ID map goes up, the server confirms.</summary>
    Mapping,

    /// <summary>The session is over.</summary>
    Done,
}
