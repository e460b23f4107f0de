using System.CommandLine;
using Concord.Cli.Serve;
using Concord.Cli.User;

namespace Concord.Cli;

/// <summary>The <c>concord</c> command: serve, user.</summary>
public static class Program
{
    /// <summary>The --data option every verb shares.</summary>
    internal static Option<string> DataOption() => new("--data")
    {
        Description = "The data folder (SQLite database and key file).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CONCORD_DATA") ?? "./concord-data",
    };

    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand("Concord: a SyncML data synchronization server and tools.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(UserCommand.Create());
        root.Subcommands.Add(Card.CardCommand.Create());
        root.Subcommands.Add(SyncCommand.Create());
        return root.Parse(args).Invoke();
    }
}
