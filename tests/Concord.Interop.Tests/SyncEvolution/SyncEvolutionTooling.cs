using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Concord.Interop.Tests.SyncEvolution;

/// <summary>
/// Shared plumbing for <see cref="SyncEvolutionClient"/> and <see cref="SyncEvolutionServer"/>: finding the tools,
/// building the curl shim, isolated environments, private D-Bus configurations and temp folders.
/// </summary>
internal static class SyncEvolutionTooling
{
    /// <summary>Environment variable naming the repository root (the folder holding Concord.slnx).</summary>
    public const string RepositoryVariable = "CONCORD_REPO";

    /// <summary>Set to 1 to keep the temp folders of clients and servers after the tests (for debugging).</summary>
    public const string KeepTempVariable = "CONCORD_INTEROP_KEEP_TEMP";

    private const string ShimSourceRelativePath = "tests/Concord.Interop.Tests/native/curl-callbacks.c";

    private static readonly SemaphoreSlim ShimLock = new(1, 1);
    private static string? shimPath;

    /// <summary>Variables that would connect the tools to something outside the test's own sandbox.</summary>
    private static readonly string[] RemovedVariables =
    [
        "DBUS_SESSION_BUS_ADDRESS", "DBUS_SESSION_BUS_PID", "DBUS_STARTER_ADDRESS", "DBUS_STARTER_BUS_TYPE",
        "DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR", "XDG_CONFIG_DIRS", "XDG_DATA_DIRS", "LD_PRELOAD",
        "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY",
        "SYNCEVOLUTION_DEBUG", "PYTHONPATH", "PYTHONHOME",
    ];

    public static bool KeepTempFiles => Environment.GetEnvironmentVariable(KeepTempVariable) is "1" or "true";

    /// <summary>
    /// Repository root: <c>CONCORD_REPO</c>, else the first folder above the test assembly that holds
    /// <c>Concord.slnx</c> or <c>tests/Concord.Interop.Tests/native</c>, else the same search from this source file.
    /// </summary>
    public static string FindRepositoryRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(RepositoryVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment)
                ? Path.GetFullPath(fromEnvironment)
                : throw new DirectoryNotFoundException($"{RepositoryVariable}={fromEnvironment} does not exist.");
        }

        return SearchUpwards(AppContext.BaseDirectory)
               ?? SearchUpwards(Path.GetDirectoryName(ThisSourceFile()) ?? "/")
               ?? throw new DirectoryNotFoundException(
                   $"Cannot find the repository root above {AppContext.BaseDirectory}; set {RepositoryVariable}.");
    }

    /// <summary>Builds native/curl-callbacks.c with gcc once per source version and returns the .so path.</summary>
    public static async Task<string> GetCurlShimAsync(CancellationToken cancellationToken)
    {
        if (shimPath is not null)
        {
            return shimPath;
        }

        await ShimLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (shimPath is not null)
            {
                return shimPath;
            }

            var source = Path.Combine(FindRepositoryRoot(), ShimSourceRelativePath);
            if (!File.Exists(source))
            {
                throw new FileNotFoundException("The curl shim source is missing.", source);
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(source, cancellationToken)
                .ConfigureAwait(false)))[..16];
            var cacheDirectory = Path.Combine(Path.GetTempPath(), "concord-interop-native");
            Directory.CreateDirectory(cacheDirectory);
            var target = Path.Combine(cacheDirectory, $"curl-callbacks-{hash}.so");
            if (!File.Exists(target))
            {
                var gcc = RequireExecutable("gcc", "gcc and libc6-dev (to build the curl shim)");
                var temporary = target + $".{Environment.ProcessId}.tmp";
                var result = await RunAsync(
                        gcc,
                        ["-shared", "-fPIC", "-O2", "-o", temporary, source, "-ldl"],
                        CleanEnvironment(),
                        cacheDirectory,
                        TimeSpan.FromMinutes(2),
                        cancellationToken)
                    .ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Building the curl shim failed:{Environment.NewLine}{result}");
                }

                File.Move(temporary, target, overwrite: true); // atomic: concurrent test runs may race here
            }

            shimPath = target;
            return target;
        }
        finally
        {
            ShimLock.Release();
        }
    }

    /// <summary>
    /// Full path of <paramref name="name"/> on PATH (or the path itself if absolute), or a clear error.
    /// </summary>
    public static string RequireExecutable(string name, string? package = null)
    {
        return FindExecutable(name)
               ?? throw new InvalidOperationException(
                   $"'{name}' was not found on PATH; install {package ?? name} " +
                   "(Debian: apt-get install --no-install-recommends syncevolution syncevolution-http "
                   + "python3-twisted libwbxml2-utils gcc libc6-dev).");
    }

    public static string? FindExecutable(string name)
    {
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The inherited environment without anything that points outside the sandbox.</summary>
    public static Dictionary<string, string> CleanEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value && !RemovedVariables.Contains(key))
            {
                environment[key] = value;
            }
        }

        environment["LC_ALL"] = "C.UTF-8";
        environment["LANG"] = "C.UTF-8";
        return environment;
    }

    /// <summary>A clean environment whose HOME and XDG folders all live under <paramref name="home"/>.</summary>
    public static Dictionary<string, string> IsolatedEnvironment(
        string home,
        IReadOnlyDictionary<string, string>? extra)
    {
        var environment = CleanEnvironment();
        environment["HOME"] = home;
        environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
        environment["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share");
        environment["XDG_CACHE_HOME"] = Path.Combine(home, ".cache");
        environment["XDG_STATE_HOME"] = Path.Combine(home, ".local", "state");
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>
    /// A session-bus configuration without service activation (nothing gets started behind the harness' back;
    /// the real session.conf would D-Bus-activate syncevo-dbus-server, Evolution Data Server, keyrings, ...).
    /// </summary>
    public static string WriteBusConfiguration(string directory, string listenAddress)
    {
        var path = Path.Combine(directory, "dbus-session.conf");
        File.WriteAllText(path, $"""
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <keep_umask/>
              <listen>{listenAddress}</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow send_destination="*" eavesdrop="true"/>
                <allow eavesdrop="true"/>
                <allow own="*"/>
              </policy>
            </busconfig>

            """);
        return path;
    }

    public static string CreateTempRoot(string prefix)
    {
        return Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public static void DeleteTempRoot(string root)
    {
        if (KeepTempFiles)
        {
            return;
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temp folder left behind is not worth failing a test for.
        }
    }

    /// <summary>Runs a program to completion in its own session and captures everything.</summary>
    public static async Task<SyncEvolutionRunResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string workingDirectory,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        Action<SupervisedProcess>? onStarted = null,
        Action<SupervisedProcess>? onFinished = null)
    {
        var stopwatch = Stopwatch.StartNew();
        using var process = SupervisedProcess.Start(fileName, arguments, environment, workingDirectory);
        onStarted?.Invoke(process);
        try
        {
            var exitCode = await process.WaitForExitAsync(timeout, cancellationToken).ConfigureAwait(false);
            stopwatch.Stop();
            return new SyncEvolutionRunResult
            {
                Arguments = process.Arguments,
                ExitCode = exitCode ?? -1,
                TimedOut = exitCode is null,
                StandardOutput = process.StandardOutput,
                StandardError = process.StandardError,
                Duration = stopwatch.Elapsed,
            };
        }
        finally
        {
            onFinished?.Invoke(process);
        }
    }

    public static string Describe(IEnumerable<string> arguments)
    {
        var builder = new StringBuilder();
        foreach (var argument in arguments)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '$' or '\\')
                ? "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'"
                : argument);
        }

        return builder.ToString();
    }

    private static string? SearchUpwards(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Concord.slnx"))
                || Directory.Exists(Path.Combine(directory.FullName, "tests", "Concord.Interop.Tests", "native")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static string ThisSourceFile([CallerFilePath] string path = "") => path;
}
