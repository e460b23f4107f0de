using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Concord.Interop.Tests.SyncEvolution;

/// <summary>
/// Finds and stops every process that belongs to a process the harness started: its descendants (from the parent
/// ids in /proc) and, because the harness starts everything through <c>setsid</c>, all members of its session, which
/// also catches daemons that were re-parented when their parent died. Processes are addressed by id only.
/// </summary>
internal static class ProcessTree
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    /// <summary>Process state from /proc/PID/stat.</summary>
    internal readonly record struct ProcStat(int Pid, char State, int ParentPid, int ProcessGroup, int Session);

    /// <summary>
    /// SIGTERM, a grace period, then SIGKILL for <paramref name="rootPid"/> and everything belonging to it.
    /// </summary>
    /// <param name="rootPid">The process the harness started.</param>
    /// <param name="rootRunning">False once the root has exited and been reaped: its id may then belong to an
    /// unrelated process, so only its session is swept.</param>
    /// <param name="rootLeadsSession">True when the root was started as a session leader (by setsid), so that
    /// processes still carrying its session id belong to it even after the root itself is gone. (Linux does not
    /// reuse an id while a session still carries it.)</param>
    /// <param name="gracePeriod">How long to wait after SIGTERM before SIGKILL.</param>
    public static void Terminate(int rootPid, bool rootRunning, bool rootLeadsSession, TimeSpan gracePeriod)
    {
        var targets = CollectWithDepth(rootPid, rootRunning, rootLeadsSession);
        if (targets.Count == 0)
        {
            return;
        }

        // Level by level from the leaves (and orphaned session members) up, so that every parent still alive reaps
        // its children instead of leaving zombies to init; a parent that exits by itself when its child is gone
        // (dbus-run-session does) is then already gone when its turn comes.
        var deadline = DateTime.UtcNow + gracePeriod;
        foreach (var level in targets.GroupBy(t => t.Depth).OrderByDescending(g => g.Key))
        {
            var pids = level.Select(t => t.Pid).Where(IsAlive).ToList();
            foreach (var pid in pids)
            {
                _ = NativeMethods.Kill(pid, SigTerm);
            }

            _ = WaitUntilGone(pids, Max(deadline - DateTime.UtcNow, TimeSpan.FromMilliseconds(100)));
        }

        var remaining = CollectWithDepth(rootPid, rootRunning, rootLeadsSession).Select(t => t.Pid)
            .Union(targets.Select(t => t.Pid))
            .Where(IsAlive)
            .ToList();
        foreach (var pid in remaining)
        {
            _ = NativeMethods.Kill(pid, SigKill);
        }

        _ = WaitUntilGone(remaining, TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// The root (while running), its descendants and the members of its session (when the root leads its own
    /// session), deepest first. Zombies are left out: they are already dead.
    /// </summary>
    public static IReadOnlyList<int> Collect(int rootPid, bool rootRunning, bool rootLeadsSession) =>
        CollectWithDepth(rootPid, rootRunning, rootLeadsSession).Select(t => t.Pid).ToList();

    private static List<(int Pid, int Depth)> CollectWithDepth(int rootPid, bool rootRunning, bool rootLeadsSession)
    {
        var all = ReadAll();
        var ownSession = ReadStat(Environment.ProcessId)?.Session ?? -1;
        var byParent = all.Values.ToLookup(s => s.ParentPid);

        var depth = new Dictionary<int, int>();
        var queue = new Queue<(int Pid, int Depth)>();
        if (rootRunning)
        {
            queue.Enqueue((rootPid, 0));
        }

        while (queue.Count > 0)
        {
            var (pid, d) = queue.Dequeue();
            if (!depth.TryAdd(pid, d))
            {
                continue;
            }

            foreach (var child in byParent[pid])
            {
                queue.Enqueue((child.Pid, d + 1));
            }
        }

        var sessions = depth.Keys
            .Select(pid => all.TryGetValue(pid, out var stat) ? stat.Session : -1)
            .Where(session => session > 0 && session != ownSession && depth.ContainsKey(session))
            .ToHashSet();
        if (rootLeadsSession && rootPid != ownSession)
        {
            _ = sessions.Add(rootPid);
        }

        foreach (var stat in all.Values.Where(s => sessions.Contains(s.Session)))
        {
            _ = depth.TryAdd(stat.Pid, int.MaxValue);
        }

        return depth
            .Where(pair => all.TryGetValue(pair.Key, out var stat)
                           && stat.State != 'Z'
                           && pair.Key != Environment.ProcessId)
            .OrderByDescending(pair => pair.Value)
            .Select(pair => (pair.Key, pair.Value))
            .ToList();
    }

    public static bool IsAlive(int pid)
    {
        var stat = ReadStat(pid);
        return stat is not null && stat.Value.State != 'Z';
    }

    public static ProcStat? ReadStat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // Format: pid (comm) state ppid pgrp session ... ; comm may contain spaces and parentheses.
            var close = text.LastIndexOf(')');
            var fields = text[(close + 2)..].Split(' ');
            return new ProcStat(
                pid,
                fields[0][0],
                int.Parse(fields[1], CultureInfo.InvariantCulture),
                int.Parse(fields[2], CultureInfo.InvariantCulture),
                int.Parse(fields[3], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException
                                      or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static Dictionary<int, ProcStat> ReadAll()
    {
        var result = new Dictionary<int, ProcStat>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ReadStat(pid) is { } stat)
            {
                result[pid] = stat;
            }
        }

        return result;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// Waits until every process is gone: absent from /proc, or a zombie that no living parent is going to reap
    /// (a zombie whose parent is alive is waited for, so that its parent gets the chance to reap it).
    /// </summary>
    private static bool WaitUntilGone(IReadOnlyCollection<int> pids, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (pids.Any(IsPending))
        {
            if (stopwatch.Elapsed > timeout)
            {
                return false;
            }

            Thread.Sleep(10); // polling /proc with a bounded deadline; there is no event to wait on for non-children
        }

        return true;
    }

    private static bool IsPending(int pid)
    {
        var stat = ReadStat(pid);
        if (stat is null)
        {
            return false;
        }

        return stat.Value.State != 'Z' || (stat.Value.ParentPid > 1 && IsAlive(stat.Value.ParentPid)
                                           && stat.Value.ParentPid != Environment.ProcessId);
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Kill(int pid, int signal);
    }
}
