namespace Concord.EndToEnd;

/// <summary>The phases of a run, in order, by the names the tables use.</summary>
internal static class BenchmarkPhase
{
    /// <summary>
    /// Device W uploads a few contacts (slow), deletes them (two-way), then runs empty two-way sessions: the code
    /// paths of the measured phases, so that Concord's JIT cost (tiered compilation) lands here. Not in the aims.
    /// </summary>
    public const string WarmUp = "warm-up W";

    /// <summary>Device A sends every contact in a slow sync to the empty server.</summary>
    public const string SlowUpA = "slow up A";

    /// <summary>Device B, empty, receives every contact in a slow sync.</summary>
    public const string SlowDownB = "slow down B";

    /// <summary>Device A sends the 1% it changed in a two-way sync.</summary>
    public const string TwoWayUpA = "two-way 1% up A";

    /// <summary>Device B receives the 1% in a two-way sync.</summary>
    public const string TwoWayDownB = "two-way 1% down B";

    /// <summary>Device A runs two-way syncs with nothing to exchange: the cost of a session as such.</summary>
    public const string EmptyTwoWay = "empty two-way A";

    public static IReadOnlyList<string> All { get; } =
        [WarmUp, SlowUpA, SlowDownB, TwoWayUpA, TwoWayDownB, EmptyTwoWay];
}
