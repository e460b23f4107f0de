using System.CommandLine;
using Concord.Server;
using Concord.Server.Hosting;

namespace Concord.Cli.Serve;

/// <summary><c>concord serve</c>: the SyncML server on an embedded SQLite database.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var data = Program.DataOption();
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on (default {ConcordServer.DefaultUrl})." };
        var command = new Command("serve", "Run the SyncML server (endpoint /sync, health /healthz).") { data, urls };
        // Anything else (--Concord:SyncML:MaxRequestBytes=..., --environment ...) goes to ASP.NET Core's configuration.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            using var folder = ConcordDataFolder.Open(parse.GetValue(data)!);
            var hostArgs = new List<string>(parse.UnmatchedTokens);
            if (parse.GetValue(urls) is { } u) hostArgs.AddRange(["--urls", u]);
            var app = ConcordServer.Build([.. hostArgs], folder);
            if (folder.Accounts.List().Count == 0)
            {
                Console.Error.WriteLine($"""
                    No users yet. Create the first one (it asks for the password; or pipe it in):
                      dotnet run --project src/Concord.Cli -- user add NAME --data {folder.Path}
                      echo SECRET | dotnet run --project src/Concord.Cli -- user add NAME --data {folder.Path}
                    """);
            }
            Console.Error.WriteLine($"Concord data folder: {folder.Path}");
            app.Run();
            return 0;
        });
        return command;
    }
}
