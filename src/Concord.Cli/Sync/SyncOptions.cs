using System.CommandLine;

namespace Concord.Cli.Sync;

/// <summary>The options of <c>concord sync</c>.</summary>
internal sealed class SyncOptions
{
    public Argument<string?> Profile { get; } = new("profile")
    {
        Description = "A named profile: created from the options the first time, used (options override it) after.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string?> Url { get; } = new("--url") { Description = "The server's SyncML URL, e.g. http://127.0.0.1:8080/sync." };

    public Option<string?> User { get; } = new("--user") { Description = $"The account. The password comes from {SyncCommand.PasswordVariable}, the profile, or a prompt." };

    public Option<string[]> Store { get; } = new("--store")
    {
        Description = "LOCAL=REMOTE: a local folder and the server's store (contacts, calendar, tasks, notes...). Repeat for several. "
            + "card:=contacts syncs the phonebook of the first PC/SC reader holding a Concord card, card:READER=contacts a named reader's.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Mode { get; } = new("--mode") { Description = $"The sync mode: {SyncCommand.ModeNames}. Default two-way." };

    public Option<string?> Encoding { get; } = new("--encoding") { Description = "xml (default) or wbxml." };

    public Option<string?> SyncML { get; } = new("--syncml") { Description = "The protocol version: 1.2 (default) or 1.1." };

    public Option<string?> DeviceId { get; } = new("--device-id") { Description = "The device id to sync as; by default one made once per local folder and kept." };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Show, item by item, what would change on each side; change nothing." };

    public Option<string?> Auth { get; } = new("--auth") { Description = "basic (default) or md5." };

    public Option<long?> MaxMsgSize { get; } = new("--max-msg-size") { Description = "The largest message to send or accept, in bytes (default 1048576)." };

    public Option<long?> MaxObjSize { get; } = new("--max-obj-size") { Description = "The largest item to accept, in bytes (default 16777216)." };

    public Option<int?> Timeout { get; } = new("--timeout") { Description = "Seconds to wait for each answer (default 120)." };

    public Option<int?> Retries { get; } = new("--retries") { Description = "How often to send a message again when its answer is lost (default 3)." };

    public Option<string?> CardPin { get; } = new("--card-pin")
    {
        Description = $"PIN1 of a card store (--store card:=contacts); {CardStore.PinVariable} keeps it off the command line.",
    };

    public Option<bool> Save { get; } = new("--save") { Description = "Store the given options in the profile." };

    public Option<bool> SavePassword { get; } = new("--save-password") { Description = "Store the password in the profile too (the file is owner-only)." };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Log every message (item contents included)." };
}
