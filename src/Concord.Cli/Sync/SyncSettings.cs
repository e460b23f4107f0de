using Concord.Sync;
using Concord.SyncML;
using Concord.SyncML.Client;
using Concord.SyncML.Documents;

namespace Concord.Cli.Sync;

/// <summary>Everything one <c>concord sync</c> run needs, after the command line and the profile are merged and checked.</summary>
internal sealed record SyncSettings
{
    public required Uri Url { get; init; }

    public required string User { get; init; }

    public required string Password { get; init; }

    public required IReadOnlyList<(string Local, string Remote)> Stores { get; init; }

    public required SyncType Mode { get; init; }

    public SyncMLEncoding Encoding { get; init; } = SyncMLEncoding.Xml;

    public SyncMLVersion Version { get; init; } = SyncMLVersion.V12;

    public ClientAuth Auth { get; init; } = ClientAuth.Basic;

    public string? DeviceId { get; init; }

    /// <summary>PIN1 of a card store; never logged or shown.</summary>
    public string? CardPin { get; init; }

    public bool DryRun { get; init; }

    public long MaxMsgSize { get; init; } = 1024 * 1024;

    public long MaxObjSize { get; init; } = 16 * 1024 * 1024;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    public int Retries { get; init; } = 3;

    /// <summary>Reads LOCAL=REMOTE (split at the first '='); null when it is not of that form.</summary>
    public static (string Local, string Remote)? ParseStore(string spec)
    {
        var eq = spec.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == spec.Length - 1) return null;
        return (spec[..eq], spec[(eq + 1)..]);
    }

    public static SyncMLEncoding? ParseEncoding(string? s) => s?.ToLowerInvariant() switch
    {
        "xml" => SyncMLEncoding.Xml,
        "wbxml" => SyncMLEncoding.Wbxml,
        _ => null,
    };

    public static SyncMLVersion? ParseVersion(string? s) => s switch
    {
        "1.1" => SyncMLVersion.V11,
        "1.2" => SyncMLVersion.V12,
        _ => null,
    };

    public static ClientAuth? ParseAuth(string? s) => s?.ToLowerInvariant() switch
    {
        "basic" => ClientAuth.Basic,
        "md5" => ClientAuth.Md5,
        _ => null,
    };
}
