using System.Globalization;

namespace Concord.EndToEnd;

/// <summary>What to run; see <see cref="Usage"/>.</summary>
internal sealed record BenchmarkOptions
{
    public const string Usage = """
        Concord.EndToEnd: the SyncEvolution client against `concord serve` and against SyncEvolution's own server.

          dotnet Concord.EndToEnd.dll --concord PATH/concord.dll [options]

          --concord PATH            concord.dll to run as `dotnet PATH serve`, or a native `concord` (a publish with
                                    -p:PublishAot=true) run as `PATH serve` (required for the Concord server)
          --sizes "1000 10000"      contact counts, one fresh run per server and size (also --sizes 200 --sizes 500)
          --servers LIST            concord,syncevolution (default both)
          --empty-sessions N        empty two-way sessions to average the per-session cost over (default 10)
          --warm-up-items N         contacts device W adds and deletes before the measured phases (default 200)
          --warm-up-sessions N      empty two-way sessions of device W after that (default 40)
          --seed N                  seed of the generated contacts (default 20250101)
          --client-timeout-minutes  limit of each client run (default 10 + 1 per 1,000 contacts)
          --client-loglevel N       SyncEvolution client session log level (default 1: errors only)
          --syncevolution-loglevel N  session log level of SyncEvolution's server (default: SyncEvolution's
                                    own, a debug log of every session; 1 logs errors only and costs less CPU)
          --concord-arg ARG         one more argument for `concord serve` (repeatable), e.g.
                                    --concord-arg --Concord:SyncML:ChallengeType=syncml:auth-md5
          --concord-debug-log       run concord with --Logging:LogLevel:Concord=Debug (every SyncML message)
          --keep                    keep every temp folder (data, logs) and print where they are
        """;

    public string? ConcordDll { get; init; }

    public IReadOnlyList<int> Sizes { get; init; } = [1000, 10000];

    public bool RunConcord { get; init; } = true;

    public bool RunSyncEvolution { get; init; } = true;

    public int EmptySessions { get; init; } = 10;

    /// <summary>Contacts device W adds and deletes again before the measured phases.</summary>
    public int WarmUpItems { get; init; } = 200;

    /// <summary>
    /// Empty two-way sessions of device W before the measured phases: .NET tiers a method up after 30 calls, so a
    /// fresh server needs a few dozen sessions before a session costs what it costs on a server that runs for days.
    /// </summary>
    public int WarmUpSessions { get; init; } = 40;

    public int Seed { get; init; } = 20250101;

    public TimeSpan? ClientTimeout { get; init; }

    public int ClientLogLevel { get; init; } = 1;

    /// <summary>loglevel of the server's client configurations; null keeps SyncEvolution's default.</summary>
    public int? SyncEvolutionLogLevel { get; init; }

    public bool ConcordDebugLog { get; init; }

    /// <summary>Further arguments for <c>concord serve</c> (ASP.NET Core configuration such as settings).</summary>
    public IReadOnlyList<string> ConcordArguments { get; init; } = [];

    public bool Keep { get; init; }

    public bool Help { get; init; }

    /// <summary>Limit of one client run for <paramref name="size"/> contacts.</summary>
    public TimeSpan ClientTimeoutFor(int size) => ClientTimeout ?? TimeSpan.FromMinutes(10 + (size / 1000.0));

    /// <summary>Parses the command line.</summary>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value or has a bad one.</exception>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchmarkOptions();
        List<int>? sizes = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count
                ? args[++i]
                : throw new ArgumentException($"{args[i]} needs a value.{Environment.NewLine}{Usage}");
            int Number(string text, int minimum) =>
                int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum
                    ? n
                    : throw new ArgumentException($"'{text}' is not a whole number of at least {minimum}.");

            switch (args[i])
            {
                case "--concord":
                    options = options with { ConcordDll = Path.GetFullPath(Value()) };
                    break;
                case "--sizes":
                    sizes ??= [];
                    sizes.AddRange(Value().Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
                        .Select(s => Number(s, 1)));
                    break;
                case "--servers":
                    var servers = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => s.ToLowerInvariant()).ToList();
                    if (servers.Except(["concord", "syncevolution"]).FirstOrDefault() is { } unknown)
                    {
                        throw new ArgumentException($"Unknown server '{unknown}'; expected concord, syncevolution.");
                    }

                    options = options with
                    {
                        RunConcord = servers.Contains("concord"),
                        RunSyncEvolution = servers.Contains("syncevolution"),
                    };
                    break;
                case "--empty-sessions":
                    options = options with { EmptySessions = Number(Value(), 1) };
                    break;
                case "--warm-up-items":
                    options = options with { WarmUpItems = Number(Value(), 0) };
                    break;
                case "--warm-up-sessions":
                    options = options with { WarmUpSessions = Number(Value(), 0) };
                    break;
                case "--seed":
                    options = options with { Seed = Number(Value(), 0) };
                    break;
                case "--client-timeout-minutes":
                    options = options with { ClientTimeout = TimeSpan.FromMinutes(Number(Value(), 1)) };
                    break;
                case "--client-loglevel":
                    options = options with { ClientLogLevel = Number(Value(), 0) };
                    break;
                case "--syncevolution-loglevel":
                    options = options with { SyncEvolutionLogLevel = Number(Value(), 1) };
                    break;
                case "--concord-arg":
                    options = options with { ConcordArguments = [.. options.ConcordArguments, Value()] };
                    break;
                case "--concord-debug-log":
                    options = options with { ConcordDebugLog = true };
                    break;
                case "--keep":
                    options = options with { Keep = true };
                    break;
                case "-h" or "--help":
                    options = options with { Help = true };
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.{Environment.NewLine}{Usage}");
            }
        }

        if (sizes is not null)
        {
            options = options with { Sizes = sizes };
        }

        if (!options.Help && options.RunConcord && options.ConcordDll is null)
        {
            throw new ArgumentException($"--concord PATH/concord.dll is required.{Environment.NewLine}{Usage}");
        }

        if (!options.Help && options.ConcordDll is { } dll && options.RunConcord && !File.Exists(dll))
        {
            throw new ArgumentException($"{dll} does not exist; build it with dotnet build src/Concord.Cli -c Release.");
        }

        return options;
    }
}
