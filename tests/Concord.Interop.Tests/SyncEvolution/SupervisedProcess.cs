using System.Diagnostics;
using System.Text;

namespace Concord.Interop.Tests.SyncEvolution;

/// <summary>
/// A child process started through <c>setsid</c> (so it leads its own session and process group), with stdin closed,
/// stdout/stderr captured line by line, and a stop that takes down everything belonging to it (see
/// <see cref="ProcessTree"/>).
/// </summary>
internal sealed class SupervisedProcess : IDisposable
{
    private readonly Process process;
    private readonly object gate = new();
    private readonly StringBuilder standardOutput = new();
    private readonly StringBuilder standardError = new();
    private readonly StringBuilder combinedOutput = new();
    private readonly List<(Func<string, bool> Predicate, TaskCompletionSource Signal)> lineWaiters = [];
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool disposed;

    private SupervisedProcess(Process process, string displayName, IReadOnlyList<string> arguments)
    {
        this.process = process;
        DisplayName = displayName;
        Arguments = arguments;
    }

    /// <summary>Short name used in messages.</summary>
    public string DisplayName { get; }

    /// <summary>The command line (without the setsid wrapper).</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Id of the started program (setsid execs it in place, so this is also its session id).</summary>
    public int Id { get; private set; }

    /// <summary>True when the process leads its own session (setsid did not need to fork).</summary>
    public bool LeadsSession { get; private set; }

    public bool HasExited => exited.Task.IsCompleted;

    /// <summary>Exit code once the process has exited.</summary>
    public int ExitCode => process.ExitCode;

    public string StandardOutput
    {
        get
        {
            lock (gate)
            {
                return standardOutput.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (gate)
            {
                return standardError.ToString();
            }
        }
    }

    /// <summary>stdout and stderr interleaved in arrival order.</summary>
    public string CombinedOutput
    {
        get
        {
            lock (gate)
            {
                return combinedOutput.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="fileName"/> in a new session with exactly the given environment.</summary>
    public static SupervisedProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string workingDirectory,
        string? displayName = null)
    {
        var args = arguments.ToList();
        var startInfo = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        // --wait: should setsid ever have to fork, it still reports the program's exit code.
        startInfo.ArgumentList.Add("--wait");
        startInfo.ArgumentList.Add(fileName);
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        startInfo.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var supervised = new SupervisedProcess(process, displayName ?? Path.GetFileName(fileName), [fileName, .. args]);
        process.OutputDataReceived += (_, e) => supervised.OnLine(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => supervised.OnLine(e.Data, isError: true);
        process.Exited += (_, _) => supervised.exited.TrySetResult();

        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {fileName}.");
        }

        supervised.Id = process.Id;
        process.StandardInput.Close(); // nothing may ever prompt
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        supervised.LeadsSession = WaitForOwnSession(process.Id);
        return supervised;
    }

    /// <summary>
    /// Waits for exit; on timeout or cancellation the process and everything belonging to it is stopped.
    /// </summary>
    /// <returns>The exit code, or null when the timeout hit first.</returns>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await exited.Task.WaitAsync(timeoutSource.Token).ConfigureAwait(false);
            // Nothing of it may outlive it (a daemon forked off in its session, say); once that is gone, the
            // output pipes reach end of file and the captured output is complete.
            Stop(TimeSpan.FromSeconds(2));
            await DrainOutputAsync().ConfigureAwait(false);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Stop(TimeSpan.FromSeconds(2));
            await DrainOutputAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return null;
        }
    }

    /// <summary>Completes when a line of output (stdout or stderr) satisfies <paramref name="predicate"/>.</summary>
    /// <exception cref="TimeoutException">The deadline passed first.</exception>
    /// <exception cref="InvalidOperationException">The process exited first.</exception>
    public async Task WaitForLineAsync(
        Func<string, bool> predicate,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            var seen = combinedOutput.ToString().Split('\n');
            if (seen.Any(line => predicate(line.TrimEnd('\r'))))
            {
                return;
            }

            lineWaiters.Add((predicate, signal));
        }

        try
        {
            var finished = await Task.WhenAny(signal.Task, exited.Task)
                .WaitAsync(timeout, cancellationToken)
                .ConfigureAwait(false);
            if (finished != signal.Task)
            {
                await DrainOutputAsync().ConfigureAwait(false); // the line may still have been in the pipe
            }

            if (!signal.Task.IsCompleted)
            {
                throw new InvalidOperationException(
                    $"{DisplayName} exited before it was ready:{Environment.NewLine}{CombinedOutput}");
            }
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"{DisplayName} did not become ready within {timeout.TotalSeconds:0} s:"
                + $"{Environment.NewLine}{CombinedOutput}");
        }
        finally
        {
            lock (gate)
            {
                _ = lineWaiters.RemoveAll(w => w.Signal == signal);
            }
        }
    }

    /// <summary>Stops the process and everything belonging to it: SIGTERM, grace period, SIGKILL.</summary>
    public void Stop(TimeSpan gracePeriod)
    {
        ProcessTree.Terminate(Id, !HasExited, LeadsSession, gracePeriod);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        Stop(TimeSpan.FromSeconds(5));
        process.Dispose();
    }

    /// <summary>After exit: waits (bounded) until stdout and stderr are read to their end.</summary>
    private async Task DrainOutputAsync()
    {
        using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await process.WaitForExitAsync(drain.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A pipe is still held open somewhere; the output captured so far has to do.
        }
    }

    /// <summary>The process-tree ids of this process now: itself while running, descendants, session members.</summary>
    public IReadOnlyList<int> CollectProcessIds() => ProcessTree.Collect(Id, !HasExited, LeadsSession);

    /// <summary>
    /// setsid (util-linux) calls setsid(2) and execs the program in place, as a child of .NET is never a process
    /// group leader; until then the child is still in our session. Waits (bounded) for that to happen.
    /// </summary>
    private static bool WaitForOwnSession(int pid)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        while (true)
        {
            var stat = ProcessTree.ReadStat(pid);
            if (stat is null || stat.Value.State == 'Z' || stat.Value.Session == pid)
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            Thread.Sleep(1); // bounded poll of /proc; setsid gets there within microseconds
        }
    }

    private void OnLine(string? line, bool isError)
    {
        if (line is null)
        {
            return; // end of the stream
        }

        List<TaskCompletionSource>? toSignal = null;
        lock (gate)
        {
            (isError ? standardError : standardOutput).Append(line).Append('\n');
            combinedOutput.Append(line).Append('\n');
            foreach (var (predicate, signal) in lineWaiters)
            {
                if (predicate(line))
                {
                    (toSignal ??= []).Add(signal);
                }
            }
        }

        toSignal?.ForEach(s => s.TrySetResult());
    }
}
