using System.Globalization;
using Concord.Interop.Tests.SyncEvolution;

namespace Concord.EndToEnd;

/// <summary>
/// The SyncEvolution client against <c>concord serve</c> and against SyncEvolution's own server, one fresh server
/// per size, measured from /proc; prints the tables and ratios (see bench/README.md). Exit code 1 when a run
/// failed or synced wrong, 2 for a bad command line; aims missed do not change the exit code.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(BenchmarkOptions.Usage);
            return 0;
        }

        if (options.Keep)
        {
            Environment.SetEnvironmentVariable(SyncEvolutionTooling.KeepTempVariable, "1");
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // stop cleanly: every server and client is stopped by pid on the way out
            cancellation.Cancel();
        };

        var progress = Console.Error;
        var report = new ReportWriter(Console.Out, options);
        Console.WriteLine($"Concord vs SyncEvolution, end to end: sizes {string.Join(", ", options.Sizes)}, "
                          + $"{Environment.ProcessorCount} cores, CLK_TCK {ProcFs.ClockTicksPerSecond}, "
                          + $"warm-up W +{options.WarmUpItems}/-{options.WarmUpItems} items and "
                          + $"{options.WarmUpSessions} empty sessions, {options.EmptySessions} measured empty sessions, "
                          + $"seed {options.Seed}, "
                          + $"SyncEvolution session loglevel {options.SyncEvolutionLogLevel?.ToString(CultureInfo.InvariantCulture) ?? "default"}"
                          + (options.ConcordArguments.Count > 0 ? $", concord serve {string.Join(' ', options.ConcordArguments)}" : string.Empty));
        var runs = new List<RunResult>();
        try
        {
            foreach (var size in options.Sizes)
            {
                var contacts = new ContactGenerator(options.Seed).Generate(size);
                var sharing = contacts.GroupBy(c => c.FullName, StringComparer.Ordinal)
                    .Where(g => g.Count() > 1)
                    .Sum(g => g.Count());
                await progress.WriteLineAsync(
                        $"{size} contacts, {contacts.Sum(c => c.VCard.Length) / size} characters each on average, "
                        + $"{sharing} ({100.0 * sharing / size:0.0}%) share their name with another")
                    .ConfigureAwait(false);
                var run = new BenchmarkRun(options, contacts, progress);
                RunResult? concord = null;
                RunResult? syncEvolution = null;
                if (options.RunConcord)
                {
                    concord = await RunConcordAsync(options, run, size, cancellation.Token).ConfigureAwait(false);
                    runs.Add(concord);
                    report.WriteRun(concord);
                }

                if (options.RunSyncEvolution)
                {
                    syncEvolution = await RunSyncEvolutionAsync(options, run, size, cancellation.Token)
                        .ConfigureAwait(false);
                    runs.Add(syncEvolution);
                    report.WriteRun(syncEvolution);
                }

                if (concord is not null && syncEvolution is not null)
                {
                    report.WriteRatios(concord, syncEvolution);
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await progress.WriteLineAsync("Interrupted; every process started was stopped.").ConfigureAwait(false);
            return 130;
        }

        report.WriteSummary(runs);
        return runs.Any(r => r.Failure is not null) ? 1 : 0;
    }

    private static async Task<RunResult> RunConcordAsync(
        BenchmarkOptions options,
        BenchmarkRun run,
        int size,
        CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory($"concord-bench-{size}-").FullName;
        await Console.Error.WriteLineAsync($"[Concord {size}] starting concord serve, data in {directory}")
            .ConfigureAwait(false);
        try
        {
            await using var server = await ConcordServerUnderTest.StartAsync(
                    options.ConcordDll!,
                    directory,
                    BenchmarkRun.User,
                    BenchmarkRun.Password,
                    options.ConcordDebugLog,
                    options.ConcordArguments,
                    cancellationToken)
                .ConfigureAwait(false);
            return await run.RunAsync(server, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException)
        {
            return new RunResult("Concord", size, [], 0, "-", [], $"concord serve did not start: {e.Message}");
        }
    }

    private static async Task<RunResult> RunSyncEvolutionAsync(
        BenchmarkOptions options,
        BenchmarkRun run,
        int size,
        CancellationToken cancellationToken)
    {
        await Console.Error.WriteLineAsync($"[SyncEvolution {size}] starting syncevo-http-server and syncevo-dbus-server")
            .ConfigureAwait(false);
        try
        {
            await using var server = await SyncEvolutionServerUnderTest.StartAsync(
                    BenchmarkRun.User,
                    BenchmarkRun.Password,
                    options.SyncEvolutionLogLevel,
                    cancellationToken)
                .ConfigureAwait(false);
            return await run.RunAsync(server, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException)
        {
            return new RunResult("SyncEvolution", size, [], 0, "-", [], $"SyncEvolution's server did not start: {e.Message}");
        }
    }
}
