using System.CommandLine;
using System.Text;
using Concord.Storage.Client;
using Concord.Sync;
using Concord.SyncML.Client;
using Microsoft.Extensions.Logging;

namespace Concord.Cli.Sync;

/// <summary>Runs <c>concord sync</c>: merges options and profile, opens the folders, runs the session, shows the outcome.</summary>
internal static class SyncRunner
{
    public static async Task<int> RunAsync(ParseResult parse, SyncOptions o, CancellationToken token)
    {
        SyncSettings settings;
        try
        {
            settings = Resolve(parse, o);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return SyncCommand.Usage;
        }
        var bindings = new List<ClientStoreBinding>();
        using var cards = new CardStores();
        foreach (var (local, remote) in settings.Stores)
        {
            if (CardStore.Names(local))
            {
                if (!cards.TryBind(local, remote, settings, bindings)) return SyncCommand.NotSynced;
                continue;
            }
            var kind = StoreCatalog.Resolve(remote) ?? FolderDataStore.Guess(local) ?? StoreKind.Contacts;
            try
            {
                bindings.Add(SqliteLocal.Is(local) ? SqliteLocal.Open(local, remote, settings.Mode)
                    : new ClientStoreBinding(new FolderDataStore(local, kind), SqliteClientState.ForFolder(local), remote, settings.Mode));
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return SyncCommand.Usage;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
            {
                Console.Error.WriteLine($"error: the folder {local} cannot be used: {e.Message}");
                return SyncCommand.NotSynced;
            }
        }
        var terminal = !Console.IsOutputRedirected && !Console.IsErrorRedirected;
        var verbose = parse.GetValue(o.Verbose);
        var logger = new ConsoleLog<SyncMLClient>(verbose ? LogLevel.Debug : terminal ? LogLevel.Warning : LogLevel.Information);
        using var transport = new HttpSyncMLTransport(settings.Timeout);
        var client = new SyncMLClient(transport, new SyncMLClientOptions
        {
            ServerUrl = settings.Url,
            User = settings.User,
            Password = settings.Password,
            DeviceId = settings.DeviceId,
            Encoding = settings.Encoding,
            Version = settings.Version,
            Auth = settings.Auth,
            MaxMsgSize = settings.MaxMsgSize,
            MaxObjSize = settings.MaxObjSize,
            Retries = settings.Retries,
            DryRun = settings.DryRun,
        }, logger);
        var report = terminal && !verbose
            ? await SyncDisplay.RunWithProgressAsync(p => client.SyncAsync(bindings, p, token), bindings.Select(b => b.Store.Name).ToList())
            : await client.SyncAsync(bindings, null, token);
        SyncDisplay.Print(report, terminal);
        return report.Succeeded ? SyncCommand.Synced : SyncCommand.NotSynced;
    }

    /// <summary>The command line over the profile; saves the profile when it is new or --save asks.</summary>
    /// <exception cref="InvalidOperationException">Something needed is missing or malformed.</exception>
    private static SyncSettings Resolve(ParseResult parse, SyncOptions o)
    {
        var name = parse.GetValue(o.Profile);
        SyncProfileFile? file = null;
        SyncProfile? profile = null;
        if (name is not null)
        {
            file = SyncProfileFile.Load(SyncProfileFile.DefaultPath());
            file.Profiles.TryGetValue(name, out profile);
        }
        var given = parse.GetValue(o.Store) ?? [];
        var specs = given.Length > 0 ? given.ToList() : profile?.Stores ?? [];
        if (name is not null && profile is null && parse.GetValue(o.Url) is null)
        {
            throw new InvalidOperationException($"There is no profile '{name}' in {file!.Path}; create it by giving --url, --user and --store with it.");
        }
        var urlText = parse.GetValue(o.Url) ?? profile?.Url ?? throw new InvalidOperationException("--url is needed (the server's SyncML URL).");
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"--url '{urlText}' is not an http:// or https:// URL.");
        }
        var user = parse.GetValue(o.User) ?? profile?.User ?? throw new InvalidOperationException("--user is needed (the account on the server).");
        if (specs.Count == 0) throw new InvalidOperationException("--store LOCAL=REMOTE is needed at least once, e.g. --store ~/contacts=contacts.");
        var stores = new List<(string, string)>();
        foreach (var spec in specs)
        {
            var pair = SyncSettings.ParseStore(spec) ?? throw new InvalidOperationException($"--store '{spec}' is not LOCAL=REMOTE (a folder, '=', the server's store).");
            if (CardStore.Names(pair.Local))
            {
                stores.Add(pair);
                continue;
            }
            var local = SqliteLocal.Is(pair.Local) ? SqliteLocal.Normalize(pair.Local, FullPath) : FullPath(pair.Local);
            if (stores.Any(s => s.Item1 == local)) throw new InvalidOperationException($"The local store {local} is given twice; each store needs its own.");
            stores.Add((local, pair.Remote));
        }
        var modeText = parse.GetValue(o.Mode) ?? profile?.Mode ?? "two-way";
        var mode = SyncTypeExtensions.FromModeName(modeText) ?? throw new InvalidOperationException($"--mode '{modeText}' is not one of {SyncCommand.ModeNames}.");
        var encodingText = parse.GetValue(o.Encoding) ?? profile?.Encoding ?? "xml";
        var encoding = SyncSettings.ParseEncoding(encodingText) ?? throw new InvalidOperationException($"--encoding '{encodingText}' is not xml or wbxml.");
        var versionText = parse.GetValue(o.SyncML) ?? profile?.SyncML ?? "1.2";
        var version = SyncSettings.ParseVersion(versionText) ?? throw new InvalidOperationException($"--syncml '{versionText}' is not 1.1 or 1.2.");
        var authText = parse.GetValue(o.Auth) ?? profile?.Auth ?? "basic";
        var auth = SyncSettings.ParseAuth(authText) ?? throw new InvalidOperationException($"--auth '{authText}' is not basic or md5.");
        var deviceId = parse.GetValue(o.DeviceId) ?? profile?.DeviceId;
        var password = Environment.GetEnvironmentVariable(SyncCommand.PasswordVariable) is { Length: > 0 } env ? env
            : profile?.Password ?? Prompt($"Password for {user} at {url}: ")
            ?? throw new InvalidOperationException($"No password: set {SyncCommand.PasswordVariable}, or save one in a profile (--save-password).");

        if (stores.Any(s => CardStore.Names(s.Item1)) && stores.Count > 1)
        {
            throw new InvalidOperationException("A card syncs in a session of its own (the session takes the card's device id); give its --store alone.");
        }
        if (stores.Any(s => CardStore.Names(s.Item1)) && version != Concord.SyncML.Documents.SyncMLVersion.V12)
        {
            throw new InvalidOperationException("A card syncs with SyncML 1.2: its DevInf says the card keeps one number (MaxOccur), which DevInf 1.1 cannot say.");
        }
        var cardPin = stores.Any(s => CardStore.Names(s.Item1)) ? CardPin(parse.GetValue(o.CardPin), profile) : null;
        var settings = new SyncSettings
        {
            CardPin = cardPin,
            Url = url, User = user, Password = password, Stores = stores, Mode = mode, Encoding = encoding, Version = version, Auth = auth,
            DeviceId = deviceId, DryRun = parse.GetValue(o.DryRun),
            MaxMsgSize = parse.GetValue(o.MaxMsgSize) ?? 1024 * 1024,
            MaxObjSize = parse.GetValue(o.MaxObjSize) ?? 16 * 1024 * 1024,
            Timeout = TimeSpan.FromSeconds(parse.GetValue(o.Timeout) ?? 120),
            Retries = parse.GetValue(o.Retries) ?? 3,
        };
        if (settings.MaxMsgSize < 4096) throw new InvalidOperationException("--max-msg-size must be at least 4096 bytes.");
        if (file is not null && name is not null && (profile is null || parse.GetValue(o.Save) || parse.GetValue(o.SavePassword)))
        {
            profile ??= new SyncProfile();
            profile.Url = url.ToString();
            profile.User = user;
            profile.Stores = stores.Select(s => s.Item1 + "=" + s.Item2).ToList();
            profile.Mode = mode.ToModeName();
            profile.Encoding = encodingText.ToLowerInvariant();
            profile.SyncML = versionText;
            profile.Auth = authText.ToLowerInvariant();
            profile.DeviceId = deviceId;
            if (parse.GetValue(o.SavePassword)) (profile.Password, profile.CardPin) = (password, cardPin);
            file.Profiles[name] = profile;
            file.Save();
            Console.Error.WriteLine($"Profile '{name}' saved in {file.Path}; next time: concord sync {name}");
        }
        return settings;
    }

    private static string FullPath(string local) =>
        Path.GetFullPath(Environment.ExpandEnvironmentVariables(local.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), local[2..]) : local));

    /// <summary>The card's PIN: the option, else the environment, else the profile, else asked on a terminal without echo.</summary>
    private static string? CardPin(string? given, SyncProfile? profile)
    {
        if (given is { Length: > 0 }) return given;
        if (Environment.GetEnvironmentVariable(CardStore.PinVariable) is { Length: > 0 } env) return env;
        return profile?.CardPin ?? (Terminal.Interactive && Terminal.ReadSecret("PIN of the card (empty if it has none): ") is { Length: > 0 } typed ? typed : null);
    }

    /// <summary>Asks for the password on a terminal, without echo; null when there is no terminal to ask on.</summary>
    private static string? Prompt(string text) =>
        Terminal.Interactive && Terminal.ReadSecret(text) is { Length: > 0 } typed ? typed : null;
}
