using System.CommandLine;
using Concord.Cli.Sync;
using Concord.Sync;

// In the root namespace so that Program.cs needs one line for it: root.Subcommands.Add(SyncCommand.Create()).
namespace Concord.Cli;

/// <summary>
/// <c>concord sync</c>: synchronizes local folders with a remote SyncML server. The form scripts rely on:
/// <c>concord sync --url URL --user NAME --store LOCAL=REMOTE [--store ...] --mode MODE [--encoding xml|wbxml]
/// [--syncml 1.1|1.2] [--device-id ID] [--dry-run]</c>, the password in <c>CONCORD_PASSWORD</c>.
/// </summary>
internal static class SyncCommand
{
    /// <summary>Exit code when every store synced.</summary>
    public const int Synced = 0;

    /// <summary>Exit code when a store (or the session) did not sync completely.</summary>
    public const int NotSynced = 1;

    /// <summary>Exit code for a command line or profile that cannot run.</summary>
    public const int Usage = 2;

    /// <summary>The password's environment variable.</summary>
    public const string PasswordVariable = "CONCORD_PASSWORD";

    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var options = new SyncOptions();
        var command = new Command("sync", "Synchronize local folders of .vcf/.ics/.txt files, or a SIM card's phonebook (card:), with a SyncML server.")
        {
            options.Profile, options.Url, options.User, options.Store, options.Mode, options.Encoding, options.SyncML,
            options.DeviceId, options.DryRun, options.Auth, options.MaxMsgSize, options.MaxObjSize, options.Timeout,
            options.Retries, options.CardPin, options.Save, options.SavePassword, options.Verbose,
        };
        command.SetAction((parse, token) => SyncRunner.RunAsync(parse, options, token));
        return command;
    }

    internal static string ModeNames => string.Join(", ", Enum.GetValues<SyncType>().Select(t => t.ToModeName()));
}
