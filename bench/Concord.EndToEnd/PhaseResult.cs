namespace Concord.EndToEnd;

/// <summary>
/// One measured phase: <paramref name="Sessions"/> client runs moving <paramref name="Items"/> items.
/// <paramref name="CpuTicks"/> is the server's process-tree CPU (clock ticks) from just before the first run until
/// the server was idle after the last; <paramref name="PeakRssKib"/> the highest VmHWM of a server process seen so
/// far in this run; <paramref name="ServerApplied"/> and <paramref name="ClientApplied"/> the adds, updates and
/// deletes the client's status.ini reports on each side.
/// </summary>
internal sealed record PhaseResult(
    string Name,
    int Sessions,
    int Items,
    long CpuTicks,
    TimeSpan Wall,
    long PeakRssKib,
    long ServerApplied,
    long ClientApplied)
{
    /// <summary>Server CPU in milliseconds (10 ms steps at CLK_TCK 100).</summary>
    public double CpuMilliseconds => ProcFs.TicksToMilliseconds(CpuTicks);

    /// <summary>Server CPU per item, or null for a phase without items.</summary>
    public double? CpuMillisecondsPerItem => Items == 0 ? null : CpuMilliseconds / Items;

    /// <summary>Server CPU per session.</summary>
    public double CpuMillisecondsPerSession => CpuMilliseconds / Sessions;
}
