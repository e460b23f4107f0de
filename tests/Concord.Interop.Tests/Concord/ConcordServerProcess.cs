using System.Diagnostics;
using System.Text.RegularExpressions;
using Concord.Interop.Tests.SyncEvolution;

namespace Concord.Interop.Tests.Concord;

/// <summary>
/// <c>concord serve</c> as its own process on a loopback port with a throwaway data folder, its first user created
/// through <c>concord user add</c> with the password on standard input, stopped (or killed with SIGKILL) by pid.
/// </summary>
internal sealed partial class ConcordServerProcess : IAsyncDisposable
{
    private SupervisedProcess? _process;
    private readonly bool _ownsFolder;

    private ConcordServerProcess(string dataFolder, bool ownsFolder)
    {
        DataFolder = dataFolder;
        _ownsFolder = ownsFolder;
    }

    public string DataFolder { get; }

    public int Port { get; private set; }

    public Uri Url => new($"http://127.0.0.1:{Port}/sync");

    public int ProcessId => _process?.Id ?? 0;

    public string Log => _process?.CombinedOutput ?? "";

    /// <summary>
    /// The log once the server has written what it has to say so far: its console logger writes on a background
    /// thread, so the trace of the last answers (and the session's closing line) can trail a client's exit. Waits
    /// until the log has not grown for 300 ms, at most 30 s. For assertions on what the log says; <see cref="Log"/>
    /// serves failure messages.
    /// </summary>
    public async Task<string> SettledLogAsync(CancellationToken token)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var length = Log.Length;
        var quietSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline && DateTime.UtcNow - quietSince < TimeSpan.FromMilliseconds(300))
        {
            await Task.Delay(50, token);
            if (Log.Length == length) continue;
            length = Log.Length;
            quietSince = DateTime.UtcNow;
        }
        return Log;
    }

    /// <summary>How many SyncML messages the server has received (its Debug trace lines).</summary>
    public int MessagesReceived => MessageIn().Count(Log);

    public static string ConcordDll
    {
        get
        {
            // Same configuration as this test assembly: bin/Release/net10.0 or bin/Debug/net10.0.
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            var dll = Path.Combine(SyncEvolutionTooling.FindRepositoryRoot(), "src", "Concord.Cli", "bin", configuration, "net10.0", "concord.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is missing: build src/Concord.Cli ({configuration}) first.");
        }
    }

    /// <summary>
    /// How the tests run <c>concord</c>: <c>dotnet concord.dll</c> as built, or, when the environment variable
    /// <c>CONCORD_COMMAND</c> names an executable (a native publish, as <c>./test.sh</c> makes one), that executable.
    /// </summary>
    public static ProcessStartInfo ConcordStartInfo(IEnumerable<string> args) =>
        ConcordStartInfo(Environment.GetEnvironmentVariable("CONCORD_COMMAND") is { Length: > 0 } native ? native : ConcordDll, args);

    /// <summary>Runs <paramref name="command"/>: a <c>concord.dll</c> under <c>dotnet</c>, anything else (a native publish) as it is.</summary>
    public static ProcessStartInfo ConcordStartInfo(string command, IEnumerable<string> args)
    {
        var managed = command.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(managed ? "dotnet" : command)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        if (managed) start.ArgumentList.Add(command);
        foreach (var a in args) start.ArgumentList.Add(a);
        return start;
    }

    public static async Task<ConcordServerProcess> StartAsync(IEnumerable<(string User, string Password)> users, string[] settings,
        CancellationToken token)
    {
        var folder = Path.Combine(Path.GetTempPath(), "concord-interop-" + Guid.NewGuid().ToString("N"));
        var server = new ConcordServerProcess(folder, ownsFolder: true);
        foreach (var (user, password) in users) await RunCliAsync(["user", "add", user, "--data", folder], password + "\n", token);
        await server.StartProcessAsync(0, settings, token);
        return server;
    }

    /// <summary>Runs a concord verb with text on its standard input; throws with its output when it fails.</summary>
    public static async Task<string> RunCliAsync(IEnumerable<string> args, string? stdin, CancellationToken token)
    {
        using var p = Process.Start(ConcordStartInfo(args))!;
        if (stdin is not null) await p.StandardInput.WriteAsync(stdin);
        p.StandardInput.Close();
        var output = await p.StandardOutput.ReadToEndAsync(token);
        var error = await p.StandardError.ReadToEndAsync(token);
        await p.WaitForExitAsync(token);
        if (p.ExitCode != 0) throw new InvalidOperationException($"concord {string.Join(' ', args)} exited {p.ExitCode}:\n{output}{error}");
        return output;
    }

    private string[] _settings = [];

    private async Task StartProcessAsync(int port, string[] settings, CancellationToken token)
    {
        _settings = settings;
        var env = SyncEvolutionTooling.CleanEnvironment();
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var command = ConcordStartInfo(
            ["serve", "--data", DataFolder, "--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Concord=Debug", .. settings]);
        _process = SupervisedProcess.Start(command.FileName, [.. command.ArgumentList], env, Path.GetTempPath(), "concord serve");
        await _process.WaitForLineAsync(l => l.Contains("Now listening on:", StringComparison.Ordinal), TimeSpan.FromSeconds(60), token);
        var m = Listening().Match(_process.CombinedOutput);
        Port = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>kill -9 by pid: no shutdown, no flush; what SQLite committed is all there is.</summary>
    public void Kill()
    {
        if (_process is null) return;
        using (var p = Process.GetProcessById(_process.Id)) p.Kill();
        _process.Stop(TimeSpan.FromSeconds(1));
    }

    /// <summary>Asks the server to stop (SIGTERM, as systemd or Ctrl+C would) and waits for it to exit.</summary>
    /// <returns>The exit code, or null when it did not exit in time.</returns>
    public async Task<int?> StopGracefullyAsync(TimeSpan timeout, CancellationToken token)
    {
        if (_process is null) return null;
        _ = Kill(_process.Id, 15);
        return await _process.WaitForExitAsync(timeout, token);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>Starts the server again on the same port and data folder.</summary>
    public Task RestartAsync(CancellationToken token)
    {
        _process?.Dispose();
        return StartProcessAsync(Port, _settings, token);
    }

    /// <summary>Waits until the server has received at least this many messages.</summary>
    public async Task WaitForMessagesAsync(int count, TimeSpan timeout, CancellationToken token)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (MessagesReceived < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"only {MessagesReceived} messages arrived:\n{Log}");
            await Task.Delay(5, token);
        }
    }

    public ValueTask DisposeAsync()
    {
        _process?.Stop(TimeSpan.FromSeconds(5));
        _process?.Dispose();
        if (_ownsFolder && !SyncEvolutionTooling.KeepTempFiles)
        {
            try
            {
                Directory.Delete(DataFolder, true);
            }
            catch (IOException)
            {
            }
        }
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();

    [GeneratedRegex("Message in session")]
    private static partial Regex MessageIn();

    [GeneratedRegex(@"Message out session \w+, (\d+) bytes")]
    private static partial Regex MessageOut();

    /// <summary>The size of every answer the server sent, in order.</summary>
    public IReadOnlyList<int> AnswerSizes =>
        MessageOut().Matches(Log).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
