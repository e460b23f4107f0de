using System.Text;

namespace Concord.Interop.Tests.SyncEvolution;

/// <summary>
/// Outcome of one <c>syncevolution</c> invocation: exit code, captured output and, for syncs, the session report.
/// </summary>
public sealed record SyncEvolutionRunResult
{
    /// <summary>The command line that ran (program first).</summary>
    public required IReadOnlyList<string> Arguments { get; init; }

    /// <summary>Exit code; -1 when the run timed out and was killed. SIGSEGV shows up as 139.</summary>
    public required int ExitCode { get; init; }

    /// <summary>True when the run exceeded its timeout and was killed.</summary>
    public required bool TimedOut { get; init; }

    /// <summary>Everything written to stdout (the client's sync report table lands here).</summary>
    public required string StandardOutput { get; init; }

    /// <summary>Everything written to stderr (SyncEvolution's [INFO]/[ERROR] progress lines land here).</summary>
    public required string StandardError { get; init; }

    /// <summary>Wall-clock time of the run.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>
    /// The session folder SyncEvolution wrote for this run (status.ini, syncevolution-log.html), if any.
    /// </summary>
    public string? SessionDirectory { get; init; }

    /// <summary>Parsed status.ini of this run's session, if one was written.</summary>
    public SyncEvolutionSessionStatus? Session { get; init; }

    /// <summary>Path of the detailed Synthesis engine log (HTML) of this run, if any.</summary>
    public string? LogFile =>
        SessionDirectory is null ? null : Path.Combine(SessionDirectory, "syncevolution-log.html");

    /// <summary>Exited with 0 in time (for syncs SyncEvolution exits 0 only when every datastore succeeded).</summary>
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>A multi-line description for assertion messages: command, exit code, output, log location.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append("command: ").AppendLine(SyncEvolutionTooling.Describe(Arguments));
        builder.Append("exit code: ").Append(ExitCode).Append(TimedOut ? " (timed out)" : string.Empty)
            .Append(", duration: ")
            .Append(Duration.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))
            .AppendLine(" s");
        if (Session is not null)
        {
            builder.Append("session status: ").Append(Session.Status).AppendLine();
        }

        if (LogFile is not null)
        {
            builder.Append("log: ").AppendLine(LogFile);
        }

        builder.AppendLine("--- stdout ---").AppendLine(StandardOutput.TrimEnd());
        builder.AppendLine("--- stderr ---").AppendLine(StandardError.TrimEnd());
        return builder.ToString();
    }
}
