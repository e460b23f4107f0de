using Concord.Interop.Tests.SyncEvolution;

namespace Concord.EndToEnd;

/// <summary>
/// One server at one size: devices W, A and B (SyncEvolution clients with file-backend contacts folders) run the
/// phases of <see cref="BenchmarkPhase"/> against it while <see cref="TreeMeter"/> measures the server, and the
/// devices' folders are checked after each round of syncs.
/// </summary>
internal sealed class BenchmarkRun(BenchmarkOptions options, IReadOnlyList<GeneratedContact> contacts, TextWriter progress)
{
    public const string User = "bob";
    public const string Password = "secret";

    /// <summary>Largest message the clients accept; large enough that 10,000 contacts take few round trips.</summary>
    private const int ClientMaxMessageSize = 200_000;

    private static readonly string[] AppliedStatistics = ["added-total", "updated-total", "removed-total"];

    /// <summary>Runs every phase; a failed sync or a wrong result ends the run and is reported in the result.</summary>
    public async Task<RunResult> RunAsync(IServerUnderTest server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var meter = new TreeMeter(server);
        var phases = new List<PhaseResult>();
        var clients = new List<SyncEvolutionClient>();
        string? failure = null;
        try
        {
            var tag = $"bench-{server.Name.ToLowerInvariant()}-{contacts.Count}";
            var (w, a, b) = (
                await CreateDeviceAsync($"{tag}-w").ConfigureAwait(false),
                await CreateDeviceAsync($"{tag}-a").ConfigureAwait(false),
                await CreateDeviceAsync($"{tag}-b").ConfigureAwait(false));
            var contactsDirectory = a.GetDatastoreDirectory(SyncEvolutionDatastore.Contacts);
            foreach (var contact in contacts)
            {
                a.WriteItem(SyncEvolutionDatastore.Contacts, contact.FileName, contact.VCard);
            }

            var changed = contacts.Select(c => ContactGenerator.IsChanged(c.Index) ? ContactGenerator.Change(c) : c)
                .ToList();
            var changedCount = contacts.Count(c => ContactGenerator.IsChanged(c.Index));
            var warmUpContacts = new ContactGenerator(options.Seed + 1).Generate(options.WarmUpItems);
            Func<Task<string?>>[] steps =
            [
                () => PhaseAsync(BenchmarkPhase.WarmUp, 2 * warmUpContacts.Count, token => WarmUpAsync(w, token)),
                () => PhaseAsync(BenchmarkPhase.SlowUpA, contacts.Count, token =>
                    RepeatAsync(a, SyncEvolutionSyncMode.Slow, 1, token)),
                () => PhaseAsync(BenchmarkPhase.SlowDownB, contacts.Count, token =>
                    RepeatAsync(b, SyncEvolutionSyncMode.Slow, 1, token)),
                () => Task.FromResult(DeviceComparison.Compare("device B", b, contacts, checkChanges: false)),
                () =>
                {
                    ChangeOnDevice(a, contactsDirectory, changed);
                    return Task.FromResult<string?>(null);
                },
                () => PhaseAsync(BenchmarkPhase.TwoWayUpA, changedCount, token =>
                    RepeatAsync(a, SyncEvolutionSyncMode.TwoWay, 1, token)),
                () => PhaseAsync(BenchmarkPhase.TwoWayDownB, changedCount, token =>
                    RepeatAsync(b, SyncEvolutionSyncMode.TwoWay, 1, token)),
                () => Task.FromResult(DeviceComparison.Compare("device B", b, changed, checkChanges: true)),
                () => PhaseAsync(BenchmarkPhase.EmptyTwoWay, 0, token =>
                    RepeatAsync(a, SyncEvolutionSyncMode.TwoWay, options.EmptySessions, token)),
                () => Task.FromResult(DeviceComparison.Compare("device A", a, changed, checkChanges: true)),
                () => Task.FromResult(DeviceComparison.Compare("device B", b, changed, checkChanges: true)),
            ];

            async Task<IReadOnlyList<SyncEvolutionRunResult>> WarmUpAsync(
                SyncEvolutionClient device,
                CancellationToken token)
            {
                // Every code path the measured phases take, on items that are gone again before device A starts:
                // add (slow sync), delete (two-way), then empty sessions until Concord's JIT has tiered up.
                foreach (var contact in warmUpContacts)
                {
                    device.WriteItem(SyncEvolutionDatastore.Contacts, contact.FileName, contact.VCard);
                }

                var results = new List<SyncEvolutionRunResult>();
                for (var i = 0; i < 2 + options.WarmUpSessions && results.All(r => r.Succeeded); i++)
                {
                    results.Add(await device.SyncAsync(
                            i == 0 ? SyncEvolutionSyncMode.Slow : SyncEvolutionSyncMode.TwoWay,
                            token)
                        .ConfigureAwait(false));
                    if (i == 0)
                    {
                        device.DeleteAllItems(SyncEvolutionDatastore.Contacts);
                    }

                    // SyncEvolution names session logs by the minute plus a letter, and after 'z' with bytes that are
                    // not UTF-8 (so that .NET can no longer delete them); W runs more sessions a minute than that.
                    foreach (var session in Directory.EnumerateDirectories(device.LogDirectory))
                    {
                        Directory.Delete(session, recursive: true);
                    }
                }

                return results;
            }

            foreach (var step in steps)
            {
                failure = await step().ConfigureAwait(false);
                if (failure is not null)
                {
                    failure += Environment.NewLine + "--- server log ---" + Environment.NewLine + server.DescribeLog();
                    break;
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException
                                      or UnauthorizedAccessException)
        {
            failure = e.ToString() + Environment.NewLine + "--- server log ---" + Environment.NewLine
                      + server.DescribeLog();
        }
        finally
        {
            if (failure is not null || options.Keep)
            {
                server.KeepFiles();
                Environment.SetEnvironmentVariable(SyncEvolutionTooling.KeepTempVariable, "1");
                foreach (var client in clients)
                {
                    progress.WriteLine($"[{server.Name} {contacts.Count}] kept client folder {client.RootDirectory}");
                }
            }

            foreach (var client in clients)
            {
                client.Dispose(); // stops anything still running for it, by pid
            }
        }

        return new RunResult(server.Name, contacts.Count, phases, meter.PeakRssKib, meter.PeakRssProcess,
            meter.SeenProcesses, failure);

        async Task<SyncEvolutionClient> CreateDeviceAsync(string deviceId)
        {
            await server.AddDeviceAsync(deviceId, cancellationToken).ConfigureAwait(false);
            var client = await SyncEvolutionClient.CreateAsync(
                    new SyncEvolutionClientOptions
                    {
                        ServerUrl = server.SyncUrl,
                        Username = User,
                        Password = Password,
                        DeviceId = deviceId,
                        Datastores = [SyncEvolutionDatastore.Contacts],
                        MaxMessageSize = ClientMaxMessageSize,
                        Timeout = options.ClientTimeoutFor(contacts.Count),
                        LogLevel = options.ClientLogLevel,
                    },
                    cancellationToken)
                .ConfigureAwait(false);
            clients.Add(client);
            return client;
        }

        async Task<string?> PhaseAsync(
            string name,
            int items,
            Func<CancellationToken, Task<IReadOnlyList<SyncEvolutionRunResult>>> body)
        {
            var (ticks, runs) = await meter.MeasureAsync(body, cancellationToken).ConfigureAwait(false);
            var sessions = runs.Count;
            var phase = new PhaseResult(
                name,
                sessions,
                items,
                ticks,
                runs.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration),
                meter.PeakRssKib,
                runs.Sum(r => Applied(r, "remote-")),
                runs.Sum(r => Applied(r, "local-")));
            progress.WriteLine(
                $"[{server.Name} {contacts.Count}] {name}: {sessions} session(s), {items} items, "
                + $"server CPU {phase.CpuMilliseconds:0} ms, wall {phase.Wall.TotalSeconds:0.0} s, "
                + $"applied server/client {phase.ServerApplied}/{phase.ClientApplied}");
            var failed = runs.FirstOrDefault(r => !r.Succeeded || r.Session?.Status is not (null or 200));
            if (failed is not null)
            {
                return $"{server.Name}, {contacts.Count} contacts, phase '{name}': the client's sync failed "
                       + $"(exit {failed.ExitCode}{(failed.TimedOut ? ", timed out" : string.Empty)}, "
                       + $"session status {failed.Session?.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})"
                       + Environment.NewLine + RunLog.Last(failed.ToString(), 6000);
            }

            phases.Add(phase);
            return null;
        }
    }

    /// <summary>Runs <paramref name="count"/> syncs of one device, stopping at the first that fails.</summary>
    private static async Task<IReadOnlyList<SyncEvolutionRunResult>> RepeatAsync(
        SyncEvolutionClient device,
        SyncEvolutionSyncMode mode,
        int count,
        CancellationToken cancellationToken)
    {
        var results = new List<SyncEvolutionRunResult>();
        for (var i = 0; i < count; i++)
        {
            var run = await device.SyncAsync(mode, cancellationToken).ConfigureAwait(false);
            results.Add(run);
            if (!run.Succeeded)
            {
                break;
            }
        }

        return results;
    }

    private static long Applied(SyncEvolutionRunResult run, string side) =>
        run.Session is null
            ? 0
            : AppliedStatistics.Sum(s => run.Session.GetStatistic(SyncEvolutionDatastore.Contacts, side + s));

    /// <summary>
    /// Rewrites the changed contacts in device A's folder. The file backend sees a change by the file's
    /// modification time, so each is moved on by at least two seconds even on a coarse-grained file system.
    /// </summary>
    private static void ChangeOnDevice(SyncEvolutionClient device, string directory, IEnumerable<GeneratedContact> all)
    {
        foreach (var contact in all.Where(c => ContactGenerator.IsChanged(c.Index)))
        {
            var path = Path.Combine(directory, contact.FileName);
            var before = File.GetLastWriteTimeUtc(path);
            device.WriteItem(SyncEvolutionDatastore.Contacts, contact.FileName, contact.VCard);
            var after = DateTime.UtcNow > before.AddSeconds(2) ? DateTime.UtcNow : before.AddSeconds(2);
            File.SetLastWriteTimeUtc(path, after);
        }
    }
}
