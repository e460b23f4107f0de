namespace Concord.Cli.Sync;

/// <summary>A named set of <c>concord sync</c> settings, kept so that a second run is <c>concord sync NAME</c>.</summary>
internal sealed class SyncProfile
{
    public string? Url { get; set; }

    public string? User { get; set; }

    /// <summary>Kept only when asked (<c>--save-password</c>); the file is then readable by its owner alone.</summary>
    public string? Password { get; set; }

    /// <summary>LOCAL=REMOTE pairs, LOCAL as a full path.</summary>
    public List<string> Stores { get; set; } = [];

    public string? Mode { get; set; }

    public string? Encoding { get; set; }

    public string? SyncML { get; set; }

    public string? DeviceId { get; set; }

    /// <summary>PIN1 of a card store; kept only with <c>--save-password</c>, like the password.</summary>
    public string? CardPin { get; set; }

    public string? Auth { get; set; }
}
