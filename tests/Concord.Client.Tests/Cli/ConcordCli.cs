using System.Diagnostics;
using Concord.Interop.Tests.Concord;

namespace Concord.Client.Tests.Cli;

/// <summary>Runs the <c>concord</c> command as its own process, with standard streams redirected (not a terminal).</summary>
internal static class ConcordCli
{
    public sealed record Run(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    public static async Task<Run> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        var start = ConcordServerProcess.ConcordStartInfo(args);
        start.Environment.Remove("CONCORD_PASSWORD");
        foreach (var (k, v) in environment) start.Environment[k] = v;
        using var p = Process.Start(start)!;
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(timeout.Token);
        return new Run(p.ExitCode, await output, await error);
    }
}
