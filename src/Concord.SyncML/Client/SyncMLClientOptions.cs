using Concord.SyncML.Documents;

namespace Concord.SyncML.Client;

/// <summary>What a client session needs to know: where, who, how, and the bounds it keeps to.</summary>
public sealed record SyncMLClientOptions
{
    /// <summary>The server's SyncML URL (the SyncHdr Target and the first message's address).</summary>
    public required Uri ServerUrl { get; init; }

    /// <summary>The account's user name.</summary>
    public required string User { get; init; }

    /// <summary>The account's password. Never logged.</summary>
    public string Password { get; init; } = "";

    /// <summary>The device id to send; null takes the one the first store's state keeps.</summary>
    public string? DeviceId { get; init; }

    /// <summary>XML or WBXML.</summary>
    public SyncMLEncoding Encoding { get; init; } = SyncMLEncoding.Xml;

    /// <summary>SyncML 1.1 or OMA DS 1.2.</summary>
    public SyncMLVersion Version { get; init; } = SyncMLVersion.V12;

    /// <summary>The authentication to start with.</summary>
    public ClientAuth Auth { get; init; } = ClientAuth.Basic;

    /// <summary>The largest message this client accepts (announced as MaxMsgSize), and the most it sends before it knows the server's.</summary>
    public long MaxMsgSize { get; init; } = 1024 * 1024;

    /// <summary>The largest object this client accepts (announced as MaxObjSize).</summary>
    public long MaxObjSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>How often a message whose answer was lost is sent again before the session fails.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>The wait before the first resend; doubled for each further one.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Talk to the server and work out what would change on each side, but change nothing, anchors included.</summary>
    public bool DryRun { get; init; }

    /// <summary>The model name in the client's DevInf.</summary>
    public string Model { get; init; } = "concord sync";
}
