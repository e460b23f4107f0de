using System.Diagnostics;
using System.Globalization;
using Concord.EndToEnd;
using Concord.Interop.Tests.Concord;
using Concord.Interop.Tests.SyncEvolution;
using Concord.Storage.Client;
using Concord.Sync;
using Concord.SyncML;
using Concord.SyncML.Client;

namespace Concord.ClientBench;

/// <summary>
/// Client CPU per item, side by side against one <c>concord serve</c>: a slow sync of N generated contacts and a
/// two-way sync with 1% of them changed, by <c>concord sync</c> (a process, as a person runs it), by Concord's client
/// library warmed up in this process, and by the SyncEvolution client (its whole process tree). Each client has its
/// own account, WBXML, basic authentication and 150,000-byte messages. No timing goes into a test.
/// </summary>
internal static class Program
{
    private const string Password = "bench-pw";
    private const int MaxMsgSize = 150_000;

    public static async Task<int> Main(string[] args)
    {
        var size = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        var withSyncEvolution = !args.Contains("--no-syncevolution");
        // --r2r DIR: also a ReadyToRun publish of the command (bench/scripts/client-vs-syncevolution.sh makes one).
        var r2r = Array.IndexOf(args, "--r2r") is var at and >= 0 && at + 1 < args.Length ? Path.Combine(args[at + 1], "concord.dll") : null;
        // --aot DIR: also a native (NativeAOT) publish of the command, DIR/concord.
        var aot = Array.IndexOf(args, "--aot") is var at2 and >= 0 && at2 + 1 < args.Length ? Path.Combine(args[at2 + 1], "concord") : null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var token = timeout.Token;
        var contacts = new ContactGenerator(20250101).Generate(size);
        var changed = contacts.Where(c => ContactGenerator.IsChanged(c.Index)).ToList();
        Console.WriteLine($"Client CPU per item: {size} contacts ({contacts.Sum(c => c.VCard.Length) / size} characters each), "
            + $"{changed.Count} changed for the two-way sync, {Environment.ProcessorCount} cores");
        await using var server = await ConcordServerProcess.StartAsync(
            [("cli", Password), ("r2r", Password), ("aot", Password), ("lib", Password), ("warm", Password), ("sevo", Password)],
            ["--Logging:LogLevel:Concord=Warning"], token);
        var rows = new List<(string Client, string Phase, int Items, double Ms)>();
        var root = Directory.CreateTempSubdirectory("concord-client-bench-").FullName;
        try
        {
            // concord sync, as a process: as built, published ReadyToRun, published native.
            var processes = new List<(string Name, string User, string Command)> { ("concord sync", "cli", ConcordServerProcess.ConcordDll) };
            if (r2r is not null) processes.Add(("concord sync (R2R)", "r2r", r2r));
            if (aot is not null) processes.Add(("concord sync (native)", "aot", aot));
            foreach (var (name, user, command) in processes)
            {
                var cli = Path.Combine(root, user);
                Write(cli, contacts);
                rows.Add((name, "slow", size, await MeasureCliAsync(server, command, user, cli, "slow", token)));
                Change(cli, changed);
                rows.Add((name, "two-way 1%", changed.Count, await MeasureCliAsync(server, command, user, cli, "two-way", token)));
                Check(server, user, size);
            }

            // The client library in this process, after a warm-up (JIT) on another account.
            var warm = Path.Combine(root, "warm");
            Write(warm, contacts.Take(300).ToList());
            await LibrarySyncAsync(server, "warm", warm, SyncType.Slow, token);
            Change(warm, contacts.Take(300).Where(c => ContactGenerator.IsChanged(c.Index)).ToList());
            await LibrarySyncAsync(server, "warm", warm, SyncType.TwoWay, token);
            var lib = Path.Combine(root, "lib");
            Write(lib, contacts);
            rows.Add(("concord library (warm)", "slow", size, await LibrarySyncAsync(server, "lib", lib, SyncType.Slow, token)));
            Change(lib, changed);
            rows.Add(("concord library (warm)", "two-way 1%", changed.Count, await LibrarySyncAsync(server, "lib", lib, SyncType.TwoWay, token)));
            Check(server, "lib", size);

            if (withSyncEvolution)
            {
                using var sevo = await SyncEvolutionClient.CreateAsync(new SyncEvolutionClientOptions
                {
                    ServerUrl = server.Url, Username = "sevo", Password = Password, Encoding = SyncEvolutionMessageEncoding.Wbxml,
                    AuthType = SyncEvolutionAuthType.Basic, Datastores = [SyncEvolutionDatastore.Contacts], MaxMessageSize = MaxMsgSize,
                    Timeout = TimeSpan.FromMinutes(20),
                }, token);
                foreach (var c in contacts) sevo.WriteItem(SyncEvolutionDatastore.Contacts, c.FileName, c.VCard);
                rows.Add(("SyncEvolution client", "slow", size, await MeasureSyncEvolutionAsync(sevo, SyncEvolutionSyncMode.Slow, token)));
                foreach (var c in changed) sevo.WriteItem(SyncEvolutionDatastore.Contacts, c.FileName, ContactGenerator.Change(c).VCard);
                rows.Add(("SyncEvolution client", "two-way 1%", changed.Count, await MeasureSyncEvolutionAsync(sevo, SyncEvolutionSyncMode.TwoWay, token)));
                Check(server, "sevo", size);
            }
        }
        finally
        {
            Directory.Delete(root, true);
        }
        Print(rows);
        return 0;
    }

    private static void Write(string folder, IReadOnlyList<GeneratedContact> contacts)
    {
        Directory.CreateDirectory(folder);
        foreach (var c in contacts) File.WriteAllText(Path.Combine(folder, c.FileName), c.VCard);
    }

    private static void Change(string folder, IReadOnlyList<GeneratedContact> contacts)
    {
        foreach (var c in contacts) File.WriteAllText(Path.Combine(folder, c.FileName), ContactGenerator.Change(c).VCard);
    }

    private static void Check(ConcordServerProcess server, string user, int size)
    {
        var count = ItemLines.ServerItems(server.DataFolder, user, "contacts").Count;
        if (count != size) throw new InvalidOperationException($"{user}: the server holds {count} contacts, not {size}");
    }

    private static async Task<double> MeasureCliAsync(ConcordServerProcess server, string command, string user, string folder, string mode,
        CancellationToken token)
    {
        var start = ConcordServerProcess.ConcordStartInfo(command, ["sync", "--url", server.Url.ToString(), "--user", user, "--store",
            folder + "=contacts", "--mode", mode, "--encoding", "wbxml", "--max-msg-size", MaxMsgSize.ToString(CultureInfo.InvariantCulture)]);
        start.RedirectStandardInput = false;
        start.Environment["CONCORD_PASSWORD"] = Password;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var before = ChildCpu.ChildrenMs();
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync(token);
        var error = p.StandardError.ReadToEndAsync(token);
        await p.WaitForExitAsync(token);
        var ms = ChildCpu.ChildrenMs() - before;
        if (p.ExitCode != 0) throw new InvalidOperationException($"concord sync {mode} exited {p.ExitCode}:\n{await output}{await error}");
        return ms;
    }

    private static async Task<double> LibrarySyncAsync(ConcordServerProcess server, string user, string folder, SyncType mode, CancellationToken token)
    {
        using var transport = new HttpSyncMLTransport(TimeSpan.FromMinutes(5));
        var client = new SyncMLClient(transport, new SyncMLClientOptions
        {
            ServerUrl = server.Url, User = user, Password = Password, Encoding = SyncMLEncoding.Wbxml, MaxMsgSize = MaxMsgSize,
        });
        var binding = new ClientStoreBinding(new FolderDataStore(folder, StoreKind.Contacts), SqliteClientState.ForFolder(folder), "contacts", mode);
        var before = ChildCpu.SelfMs();
        var report = await client.SyncAsync([binding], null, token);
        var ms = ChildCpu.SelfMs() - before;
        if (!report.Succeeded) throw new InvalidOperationException($"{user} {mode}: {report.Error ?? report.Stores[0].Error}");
        return ms;
    }

    private static async Task<double> MeasureSyncEvolutionAsync(SyncEvolutionClient client, SyncEvolutionSyncMode mode, CancellationToken token)
    {
        var before = ChildCpu.ChildrenMs();
        var result = await client.SyncAsync(mode, token);
        var ms = ChildCpu.ChildrenMs() - before;
        if (!result.Succeeded) throw new InvalidOperationException($"SyncEvolution {mode} failed:\n{result}");
        return ms;
    }

    private static void Print(List<(string Client, string Phase, int Items, double Ms)> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"{"client",-26} {"phase",-11} {"items",6} {"CPU ms",9} {"ms/item",8} {"vs SyncEvolution",17}");
        foreach (var (client, phase, items, ms) in rows)
        {
            var sevo = rows.Find(r => r.Client == "SyncEvolution client" && r.Phase == phase);
            var ratio = sevo.Ms > 0 && client != sevo.Client ? (ms / sevo.Ms).ToString("0.00", CultureInfo.InvariantCulture) : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{client,-26} {phase,-11} {items,6} {ms,9:0} {ms / items,8:0.000} {ratio,17}"));
        }
    }
}
