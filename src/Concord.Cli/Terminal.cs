using System.Text;

namespace Concord.Cli;

/// <summary>Asking a person at a terminal.</summary>
internal static class Terminal
{
    /// <summary>Whether a person can be asked: standard input and error are a terminal.</summary>
    public static bool Interactive => !Console.IsInputRedirected && !Console.IsErrorRedirected;

    /// <summary>Reads a secret typed at the terminal, without echo (the prompt goes to standard error).</summary>
    public static string ReadSecret(string prompt)
    {
        Console.Error.Write(prompt);
        var sb = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (sb.Length > 0) sb.Length--;
                continue;
            }
            if (!char.IsControl(key.KeyChar)) sb.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return sb.ToString();
    }
}
