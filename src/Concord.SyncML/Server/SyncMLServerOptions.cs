using Concord.Sync;

namespace Concord.SyncML.Server;

/// <summary>Settings of the SyncML server, bound from configuration section <c>Concord:SyncML</c>.</summary>
public sealed class SyncMLServerOptions
{
    /// <summary>Largest request body accepted; larger ones get HTTP 413.</summary>
    public int MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest answer sent when the client announces no MaxMsgSize.</summary>
    public int DefaultMaxMsgSize { get; set; } = 1024 * 1024;

    /// <summary>Largest object the server accepts (its MaxObjSize); bigger items get 413.</summary>
    public long MaxObjSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>A session idle this long is ended and its state removed.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The authentication the server asks for: syncml:auth-basic or syncml:auth-md5.</summary>
    public string ChallengeType { get; set; } = "syncml:auth-basic";

    /// <summary>Failed logins allowed per address and per user within <see cref="FailureWindow"/> before throttling.</summary>
    public int MaxAuthFailures { get; set; } = 10;

    /// <summary>The window failed logins are counted in.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>What each store does with conflicts; stores not named merge.</summary>
    public Dictionary<string, ConflictPolicy> ConflictPolicies { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The policy of a store.</summary>
    public ConflictPolicy PolicyFor(StoreKind kind) =>
        ConflictPolicies.TryGetValue(kind.CanonicalName(), out var p) ? p : ConflictPolicy.Merge;
}
