using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Concord.Interop.Tests.SyncEvolution;

namespace Concord.EndToEnd;

/// <summary>
/// <c>dotnet concord.dll serve</c> on a fresh data folder and a free loopback port, its output appended to a log
/// file in the run folder (at Debug level for <c>Concord</c> when asked: every SyncML message).
/// </summary>
internal sealed class ConcordServerUnderTest : IServerUnderTest
{
    private const string LogVariable = "CONCORD_BENCH_LOG";
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private readonly SupervisedProcess process;
    private readonly string runDirectory;
    private readonly string logPath;
    private bool keep;

    private ConcordServerUnderTest(SupervisedProcess process, string runDirectory, string logPath, Uri syncUrl)
    {
        this.process = process;
        this.runDirectory = runDirectory;
        this.logPath = logPath;
        SyncUrl = syncUrl;
    }

    public string Name => "Concord";

    public Uri SyncUrl { get; }

    /// <summary>Creates the user, starts the server and waits until <c>/healthz</c> answers <c>ok</c>.</summary>
    /// <exception cref="InvalidOperationException">The user could not be created or the server did not start.</exception>
    public static async Task<ConcordServerUnderTest> StartAsync(
        string concordDll,
        string runDirectory,
        string user,
        string password,
        bool debugLog,
        IReadOnlyList<string> extraArguments,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extraArguments);
        // A concord.dll runs under `dotnet`; anything else is the command itself (a native publish).
        var (program, leading) = concordDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? (SyncEvolutionTooling.RequireExecutable("dotnet", "the .NET 10 SDK"), new[] { concordDll })
            : (Path.GetFullPath(concordDll), Array.Empty<string>());
        var data = Path.Combine(runDirectory, "concord-data");
        var logPath = Path.Combine(runDirectory, "concord.log");
        await AddUserAsync(program, leading, data, user, password, cancellationToken).ConfigureAwait(false);

        var port = FindFreeLoopbackPort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var environment = SyncEvolutionTooling.CleanEnvironment();
        environment[LogVariable] = logPath;
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        List<string> arguments =
        [
            "-c", $"exec \"$0\" \"$@\" >>\"${LogVariable}\" 2>&1",
            program,
        ];
        arguments.AddRange(leading);
        arguments.AddRange(["serve", "--data", data, "--urls", baseUrl.AbsoluteUri.TrimEnd('/')]);
        if (debugLog)
        {
            arguments.Add("--Logging:LogLevel:Concord=Debug");
        }

        arguments.AddRange(extraArguments);

        // sh execs the server in place (same pid), so the supervised process is the server itself.
        var process = SupervisedProcess.Start("/bin/sh", arguments, environment, runDirectory, "concord serve");
        var server = new ConcordServerUnderTest(process, runDirectory, logPath, new Uri(baseUrl, "sync"));
        try
        {
            await server.WaitUntilHealthyAsync(new Uri(baseUrl, "healthz"), cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            server.keep = true;
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public IReadOnlyList<int> GetProcessIds() => process.CollectProcessIds();

    /// <summary>Concord takes any device of a known user.</summary>
    public Task AddDeviceAsync(string deviceId, CancellationToken cancellationToken) => Task.CompletedTask;

    public string DescribeLog() => RunLog.Tail(logPath, 80) + $"(whole log: {logPath})";

    public void KeepFiles() => keep = true;

    public ValueTask DisposeAsync()
    {
        process.Dispose(); // SIGTERM, grace period, SIGKILL, by pid
        if (!keep && !SyncEvolutionTooling.KeepTempFiles)
        {
            SyncEvolutionTooling.DeleteTempRoot(runDirectory);
        }

        return ValueTask.CompletedTask;
    }

    private static async Task AddUserAsync(
        string program,
        IEnumerable<string> leading,
        string data,
        string user,
        string password,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in leading.Concat(["user", "add", user, "--data", data]))
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var add = Process.Start(startInfo)
                        ?? throw new InvalidOperationException($"Could not start {program} user add.");
        await add.StandardInput.WriteLineAsync(password.AsMemory(), cancellationToken).ConfigureAwait(false);
        add.StandardInput.Close();
        var output = add.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = add.StandardError.ReadToEndAsync(cancellationToken);
        await add.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (add.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"concord user add {user} --data {data} exited with {add.ExitCode}:{Environment.NewLine}"
                + $"{await output.ConfigureAwait(false)}{await error.ConfigureAwait(false)}");
        }
    }

    private async Task WaitUntilHealthyAsync(Uri health, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"concord serve exited at start-up:{Environment.NewLine}"
                                                    + DescribeLog());
            }

            try
            {
                var answer = await http.GetStringAsync(health, cancellationToken).ConfigureAwait(false);
                if (answer.Trim() == "ok")
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (stopwatch.Elapsed > StartupTimeout)
            {
                throw new InvalidOperationException(
                    $"concord serve did not answer {health} with ok within {StartupTimeout.TotalSeconds:0} s:"
                    + Environment.NewLine + DescribeLog());
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false); // bounded by StartupTimeout
        }
    }

    private static int FindFreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
