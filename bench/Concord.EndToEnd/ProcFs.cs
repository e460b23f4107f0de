using System.Diagnostics;
using System.Globalization;

namespace Concord.EndToEnd;

/// <summary>CPU time and peak memory of processes, read from /proc (proc(5)).</summary>
internal static class ProcFs
{
    private static readonly Lazy<long> ClockTicks = new(ReadClockTicks);

    /// <summary>Clock ticks per second of the times in /proc/PID/stat (<c>getconf CLK_TCK</c>, normally 100).</summary>
    public static long ClockTicksPerSecond => ClockTicks.Value;

    /// <summary>
    /// utime + stime + cutime + cstime of one process, in clock ticks; null when it is gone. The children's part
    /// holds every child the process has waited for, which is how a finished session helper stays counted.
    /// </summary>
    public static long? ReadCpuTicks(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // proc(5): "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so split after the last ')'.
        // Fields 14-17 (1-based) are utime, stime, cutime, cstime: indexes 11-14 after "pid (comm)".
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        if (fields.Length < 15 || fields[0] == "Z")
        {
            return null;
        }

        return Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
    }

    /// <summary>VmHWM of one process (its peak resident set so far), in KiB; null when it is gone.</summary>
    public static long? ReadPeakRssKib(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    // "VmHWM:	   12345 kB"
                    var value = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(value, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// <summary>The process name (/proc/PID/comm), or "?" when it is gone.</summary>
    public static string ReadName(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "?";
        }
    }

    /// <summary>Converts clock ticks to milliseconds.</summary>
    public static double TicksToMilliseconds(long ticks) => ticks * 1000.0 / ClockTicksPerSecond;

    private static long ReadClockTicks()
    {
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            });
            if (getconf is not null)
            {
                var output = getconf.StandardOutput.ReadToEnd().Trim();
                getconf.WaitForExit();
                if (long.TryParse(output, CultureInfo.InvariantCulture, out var ticks) && ticks > 0)
                {
                    return ticks;
                }
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }

        return 100; // USER_HZ on every Linux architecture .NET runs on
    }
}
