using System.Globalization;

namespace Concord.EndToEnd;

/// <summary>Prints the tables: per server and size, the ratios Concord/SyncEvolution, and the aims.</summary>
internal sealed class ReportWriter(TextWriter output, BenchmarkOptions options)
{
    /// <summary>Concord's CPU per item and per session should be at most this share of SyncEvolution's.</summary>
    public const double CpuAim = 0.10;

    /// <summary>Concord's peak RSS at the largest size should be at most this multiple of that at the smallest.</summary>
    public const double RssGrowthAim = 2.0;

    private const string PhaseHeader = "phase";

    /// <summary>The table of one run (also when it failed: what was measured, then the failure).</summary>
    public void WriteRun(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        output.WriteLine();
        output.WriteLine($"{run.Server}, {run.Size:N0} contacts "
                         + $"(peak RSS {Megabytes(run.PeakRssKib)} MB in {run.PeakRssProcess}; "
                         + $"processes measured: {string.Join(", ", run.Processes)})");
        var table = new TextTable(PhaseHeader, "sessions", "items", "CPU ms", "CPU ms/item", "CPU ms/session",
            "wall s", "peak RSS MB", "applied srv/cli");
        foreach (var phase in run.Phases)
        {
            table.Add(
                phase.Name,
                Integer(phase.Sessions),
                Integer(phase.Items),
                Fixed(phase.CpuMilliseconds, 0),
                phase.CpuMillisecondsPerItem is { } perItem ? Fixed(perItem, 3) : "-",
                Fixed(phase.CpuMillisecondsPerSession, 1),
                Fixed(phase.Wall.TotalSeconds, 2),
                Megabytes(phase.PeakRssKib),
                $"{Integer(phase.ServerApplied)}/{Integer(phase.ClientApplied)}");
        }

        table.Write(output);

        var total = run.Phases.Sum(p => p.CpuTicks);
        output.WriteLine($"  all phases: {Fixed(ProcFs.TicksToMilliseconds(total), 0)} ms server CPU in "
                         + $"{run.Phases.Sum(p => p.Sessions)} sessions");
        if (run.Failure is not null)
        {
            output.WriteLine($"  ERROR: {run.Server} did not sync {run.Size:N0} contacts correctly:");
            output.WriteLine(run.Failure);
        }
    }

    /// <summary>Concord divided by SyncEvolution, phase by phase, and the aims at this size.</summary>
    public void WriteRatios(RunResult concord, RunResult syncEvolution)
    {
        ArgumentNullException.ThrowIfNull(concord);
        ArgumentNullException.ThrowIfNull(syncEvolution);
        output.WriteLine();
        output.WriteLine($"Concord / SyncEvolution, {concord.Size:N0} contacts");
        var ratios = new TextTable(PhaseHeader, "CPU ms", "CPU ms/item", "CPU ms/session", "wall s");
        foreach (var name in BenchmarkPhase.All)
        {
            if (concord.Find(name) is { } c && syncEvolution.Find(name) is { } s)
            {
                ratios.Add(
                    name,
                    Ratio(c.CpuMilliseconds, s.CpuMilliseconds),
                    Ratio(c.CpuMillisecondsPerItem, s.CpuMillisecondsPerItem),
                    Ratio(c.CpuMillisecondsPerSession, s.CpuMillisecondsPerSession),
                    Ratio(c.Wall.TotalSeconds, s.Wall.TotalSeconds));
            }
        }

        ratios.Add("peak RSS", Ratio(concord.PeakRssKib, syncEvolution.PeakRssKib));
        ratios.Write(output);
        output.WriteLine();
        output.WriteLine($"Aims at {concord.Size:N0} contacts (Concord at most {Fixed(CpuAim, 2)} of SyncEvolution's CPU)");
        var aims = new TextTable("measure", "Concord", "SyncEvolution", "ratio", "aim");
        Aim("CPU ms/item, slow up A", BenchmarkPhase.SlowUpA, p => p.CpuMillisecondsPerItem);
        Aim("CPU ms/item, slow down B", BenchmarkPhase.SlowDownB, p => p.CpuMillisecondsPerItem);
        Aim("CPU ms/session, empty two-way", BenchmarkPhase.EmptyTwoWay, p => p.CpuMillisecondsPerSession);
        aims.Write(output);

        void Aim(string label, string phase, Func<PhaseResult, double?> measure)
        {
            if (concord.Find(phase) is not { } c || syncEvolution.Find(phase) is not { } s
                || measure(c) is not { } cv || measure(s) is not { } sv)
            {
                aims.Add(label, "-", "-", "-", "not measured");
                return;
            }

            aims.Add(label, Fixed(cv, 3), Fixed(sv, 3), Ratio(cv, sv), Verdict(cv, sv, CpuAim));
        }
    }

    /// <summary>How Concord's peak RSS grows from the smallest to the largest size, and every failure again.</summary>
    public void WriteSummary(IReadOnlyList<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        output.WriteLine();
        output.WriteLine("Peak RSS by size (MB)");
        var table = new TextTable(["server", .. options.Sizes.Select(s => Integer(s)), "largest/smallest", "aim"]);
        foreach (var server in runs.Select(r => r.Server).Distinct())
        {
            var bySize = options.Sizes
                .Select(size => runs.FirstOrDefault(r => r.Server == server && r.Size == size))
                .ToList();
            var cells = bySize.Select(r => r is null ? "-" : Megabytes(r.PeakRssKib)).ToList();
            var smallest = runs.Where(r => r.Server == server).MinBy(r => r.Size);
            var largest = runs.Where(r => r.Server == server).MaxBy(r => r.Size);
            var growth = smallest is not null && largest is not null && largest.Size > smallest.Size
                ? Ratio(largest.PeakRssKib, smallest.PeakRssKib)
                : "-";
            var aim = server == "Concord" && growth != "-"
                ? (largest!.PeakRssKib <= RssGrowthAim * smallest!.PeakRssKib
                    ? $"met (<= {Fixed(RssGrowthAim, 1)})"
                    : $"MISSED (<= {Fixed(RssGrowthAim, 1)})")
                : string.Empty;
            table.Add([server, .. cells, growth, aim]);
        }

        table.Write(output);

        var failed = runs.Where(r => r.Failure is not null).ToList();
        output.WriteLine();
        output.WriteLine(failed.Count == 0
            ? "All runs synced correctly (device B matched device A after each round)."
            : "ERROR: these runs did not sync correctly, their numbers are not worth comparing: "
              + string.Join(", ", failed.Select(r => $"{r.Server} at {r.Size:N0}")));
    }

    private static string Verdict(double concord, double syncEvolution, double aim) =>
        syncEvolution > 0 && concord <= aim * syncEvolution ? "met" : "MISSED";

    private static string Ratio(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d && d > 0 ? Fixed(n / d, 3) : "-";

    private static string Fixed(double value, int decimals) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Megabytes(long kib) => Fixed(kib / 1024.0, 1);
}
