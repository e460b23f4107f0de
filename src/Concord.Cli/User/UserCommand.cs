using System.CommandLine;
using Concord.Server.Hosting;

namespace Concord.Cli.User;

/// <summary><c>concord user add|list|remove|passwd</c>: the accounts of the server.</summary>
internal static class UserCommand
{
    public static Command Create()
    {
        var command = new Command("user", "Manage the server's users.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Remove());
        command.Subcommands.Add(Passwd());
        return command;
    }

    private static Command Add()
    {
        var data = Program.DataOption();
        var name = new Argument<string>("name") { Description = "The user name." };
        var command = new Command("add", "Create a user; the password is asked on a terminal, read from standard input otherwise.") { data, name };
        command.SetAction(parse =>
        {
            var folder = ConcordDataFolder.Open(parse.GetValue(data)!);
            var password = ReadPassword();
            if (password is null) return 2;
            try
            {
                folder.Accounts.Add(parse.GetValue(name)!, password);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
            Console.WriteLine($"User '{parse.GetValue(name)}' created.");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var data = Program.DataOption();
        var command = new Command("list", "List the users.") { data };
        command.SetAction(parse =>
        {
            foreach (var n in ConcordDataFolder.Open(parse.GetValue(data)!).Accounts.List()) Console.WriteLine(n);
            return 0;
        });
        return command;
    }

    private static Command Remove()
    {
        var data = Program.DataOption();
        var name = new Argument<string>("name") { Description = "The user name." };
        var command = new Command("remove", "Remove a user and all their data.") { data, name };
        command.SetAction(parse =>
        {
            if (ConcordDataFolder.Open(parse.GetValue(data)!).Accounts.Remove(parse.GetValue(name)!))
            {
                Console.WriteLine($"User '{parse.GetValue(name)}' removed.");
                return 0;
            }
            Console.Error.WriteLine($"No user named '{parse.GetValue(name)}'.");
            return 1;
        });
        return command;
    }

    private static Command Passwd()
    {
        var data = Program.DataOption();
        var name = new Argument<string>("name") { Description = "The user name." };
        var command = new Command("passwd", "Change a user's password.") { data, name };
        command.SetAction(parse =>
        {
            var folder = ConcordDataFolder.Open(parse.GetValue(data)!);
            var password = ReadPassword();
            if (password is null) return 2;
            if (!folder.Accounts.SetPassword(parse.GetValue(name)!, password))
            {
                Console.Error.WriteLine($"No user named '{parse.GetValue(name)}'.");
                return 1;
            }
            Console.WriteLine($"Password of '{parse.GetValue(name)}' changed.");
            return 0;
        });
        return command;
    }

    /// <summary>Reads a password: from standard input when it is not a terminal, else asked twice without echo.</summary>
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            var line = Console.In.ReadLine();
            if (string.IsNullOrEmpty(line))
            {
                Console.Error.WriteLine("No password on standard input.");
                return null;
            }
            return line;
        }
        var first = Prompt("Password: ");
        var second = Prompt("Again: ");
        if (first != second)
        {
            Console.Error.WriteLine("The passwords differ.");
            return null;
        }
        if (first.Length == 0)
        {
            Console.Error.WriteLine("A password cannot be empty.");
            return null;
        }
        return first;
    }

    private static string Prompt(string text) => Terminal.ReadSecret(text);
}
