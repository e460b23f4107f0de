using System.Diagnostics;
using System.Globalization;

namespace Concord.ClientBench;

/// <summary>
/// CPU of the processes this one started and waited for: cutime + cstime of /proc/self/stat (proc(5)), which hold
/// every reaped descendant (a client, the D-Bus daemon its session runs, its helpers), and this process's own.
/// </summary>
internal static class ChildCpu
{
    private static readonly Lazy<long> Ticks = new(() =>
    {
        using var p = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
        var text = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return long.TryParse(text, out var t) && t > 0 ? t : 100;
    });

    /// <summary>Milliseconds of CPU used by reaped children so far.</summary>
    public static double ChildrenMs()
    {
        var text = File.ReadAllText("/proc/self/stat");
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return ticks * 1000.0 / Ticks.Value;
    }

    /// <summary>Milliseconds of CPU this process used so far (all its threads).</summary>
    public static double SelfMs() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
}
