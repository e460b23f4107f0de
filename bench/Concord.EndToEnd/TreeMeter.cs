using System.Diagnostics;

namespace Concord.EndToEnd;

/// <summary>
/// Measures a server's whole process tree around client runs: CPU as the change of the summed
/// utime+stime+cutime+cstime (/proc/PID/stat) of every process in the tree, and peak RSS as the highest VmHWM
/// (/proc/PID/status) of any of them, polled while the runs go on so that a short-lived session helper is seen.
/// </summary>
internal sealed class TreeMeter(IServerUnderTest server)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan SettleInterval = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(30);

    /// <summary>Highest VmHWM seen so far, in KiB.</summary>
    public long PeakRssKib { get; private set; }

    /// <summary>The process the highest VmHWM belonged to: name and pid.</summary>
    public string PeakRssProcess { get; private set; } = "-";

    /// <summary>Names of every process seen in the tree (to show what was measured).</summary>
    public SortedSet<string> SeenProcesses { get; } = new(StringComparer.Ordinal);

    /// <summary>The summed CPU ticks of the tree right now.</summary>
    public long ReadCpuTicks() => server.GetProcessIds().Sum(pid => ProcFs.ReadCpuTicks(pid) ?? 0);

    /// <summary>
    /// Runs <paramref name="body"/> and returns the tree's CPU ticks from before it until the tree is idle again
    /// (no tick for <see cref="SettleInterval"/>, at most <see cref="SettleLimit"/>), so that work a server does
    /// after answering the last message still counts.
    /// </summary>
    public async Task<(long CpuTicks, T Result)> MeasureAsync<T>(
        Func<CancellationToken, Task<T>> body,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var before = ReadCpuTicks();
        using var stopPolling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var polling = PollPeakRssAsync(stopPolling.Token);
        T result;
        try
        {
            result = await body(cancellationToken).ConfigureAwait(false);
            await SettleAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stopPolling.CancelAsync().ConfigureAwait(false);
            await polling.ConfigureAwait(false);
        }

        SamplePeakRss();
        return (ReadCpuTicks() - before, result);
    }

    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var last = ReadCpuTicks();
        while (stopwatch.Elapsed < SettleLimit)
        {
            await Task.Delay(SettleInterval, cancellationToken).ConfigureAwait(false);
            var now = ReadCpuTicks();
            if (now == last)
            {
                return;
            }

            last = now;
        }
    }

    private async Task PollPeakRssAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                SamplePeakRss();
                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private void SamplePeakRss()
    {
        foreach (var pid in server.GetProcessIds())
        {
            var name = ProcFs.ReadName(pid);
            var peak = ProcFs.ReadPeakRssKib(pid);
            if (name == "?" || peak is null)
            {
                continue; // gone between listing and reading
            }

            _ = SeenProcesses.Add(name);
            if (peak > PeakRssKib)
            {
                PeakRssKib = peak.Value;
                PeakRssProcess = $"{name} (pid {pid})";
            }
        }
    }
}
