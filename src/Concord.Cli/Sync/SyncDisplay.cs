using System.Globalization;
using System.Text;
using Concord.Sync;
using Concord.SyncML.Client;
using Spectre.Console;

namespace Concord.Cli.Sync;

/// <summary>What <c>concord sync</c> shows: live progress per store on a terminal, and the final table per store and side.</summary>
internal static class SyncDisplay
{
    /// <summary>Runs the session under a Spectre.Console progress display, one bar per store.</summary>
    public static async Task<SyncReport> RunWithProgressAsync(Func<IProgress<SyncProgress>, Task<SyncReport>> run, IReadOnlyList<string> names)
    {
        SyncReport? report = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var tasks = names.Distinct().ToDictionary(n => n, n => ctx.AddTask(Markup.Escape(Short(n)), maxValue: 100));
                var progress = new DirectProgress<SyncProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Store, out var task)) return;
                    task.Description = Markup.Escape($"{Short(p.Store)}: {Describe(p)}");
                    task.Value = Math.Max(task.Value, Percent(p));
                });
                report = await run(progress);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
            });
        return report!;
    }

    private static string Describe(SyncProgress p) => p.Phase switch
    {
        SyncPhase.Init => "connecting",
        SyncPhase.Sending => $"{p.Type?.ToModeName()}, sending {p.Sent}/{p.ToSend}",
        SyncPhase.Receiving => $"{p.Type?.ToModeName()}, receiving {p.Received}" + (p.Announced is { } n ? $"/{n}" : ""),
        SyncPhase.Mapping => $"{p.Type?.ToModeName()}, finishing",
        _ => "done",
    };

    private static double Percent(SyncProgress p) => p.Phase switch
    {
        SyncPhase.Init => 2,
        SyncPhase.Sending => 5 + 45.0 * (p.ToSend == 0 ? 1 : (double)p.Sent / p.ToSend),
        SyncPhase.Receiving => 50 + 45.0 * (p.Announced is > 0 and var n ? Math.Min(1, (double)p.Received / n) : 0.5),
        SyncPhase.Mapping => 97,
        _ => 100,
    };

    private static string Short(string path)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 1 && path.StartsWith(home, StringComparison.Ordinal) ? "~" + path[home.Length..] : path;
    }

    /// <summary>The table per store and side, the failures with their reasons, and for a dry run the plan item by item.</summary>
    public static void Print(SyncReport report, bool terminal)
    {
        if (report.DryRun) PrintPlan(report, terminal);
        var rows = new List<string[]>();
        foreach (var s in report.Stores)
        {
            var mode = s.Performed is { } p && p != s.Requested ? $"{p.ToModeName()} (asked {s.Requested.ToModeName()})" : (s.Performed ?? s.Requested).ToModeName();
            var state = s.Error is not null ? "failed" : report.DryRun ? "dry run" : s.Succeeded ? "synced" : s.Completed ? "synced with failures" : "not synced";
            rows.Add([Short(s.Name), "local", mode, .. Counts(s.Local, report.DryRun, s, SyncSide.Local), state]);
            rows.Add([s.RemoteUri, "server", "", .. Counts(s.Remote, report.DryRun, s, SyncSide.Remote), ""]);
        }
        string[] header = ["store", "side", "mode", "added", "updated", "deleted", "conflicts", "failures", "result"];
        if (terminal)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in header) table.AddColumn(new TableColumn(h));
            foreach (var r in rows) table.AddRow(r.Select(Markup.Escape).ToArray());
            AnsiConsole.Write(table);
        }
        else
        {
            Console.Out.Write(TextTable(header, rows));
        }
        foreach (var s in report.Stores)
        {
            foreach (var (side, f) in s.Local.Failures.Select(f => ("local", f)).Concat(s.Remote.Failures.Select(f => ("server", f))))
            {
                Console.Out.WriteLine($"{Short(s.Name)}: {side} failure: {f.Item} ({f.Status}): {f.Reason}");
            }
            if (s.Error is not null) Console.Out.WriteLine($"{Short(s.Name)}: {s.Error}");
            if (s.PlanNote is not null) Console.Out.WriteLine($"{Short(s.Name)}: note: {s.PlanNote}");
        }
        if (report.Error is not null) Console.Error.WriteLine("error: " + report.Error);
    }

    private static string[] Counts(SideReport side, bool dryRun, StoreReport store, SyncSide which)
    {
        if (!dryRun) return [N(side.Added), N(side.Updated), N(side.Deleted), N(side.Conflicts), N(side.Failures.Count)];
        var plan = store.Planned.Where(p => p.Side == which).ToList();
        return [N(plan.Count(p => p.Kind == ChangeKind.Add)), N(plan.Count(p => p.Kind == ChangeKind.Replace)),
            N(plan.Count(p => p.Kind == ChangeKind.Delete)), N(plan.Count(p => p.Conflict is not null)), "0"];
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void PrintPlan(SyncReport report, bool terminal)
    {
        foreach (var s in report.Stores)
        {
            var mode = (s.Performed ?? s.Requested).ToModeName();
            Console.Out.WriteLine($"{Short(s.Name)} <-> {s.RemoteUri} ({mode}): {s.Planned.Count} change(s) would be made");
            foreach (var p in s.Planned.OrderBy(p => p.Side).ThenBy(p => p.Item, StringComparer.Ordinal))
            {
                var verb = p.Kind switch { ChangeKind.Add => "add", ChangeKind.Replace => "update", _ => "delete" };
                var where = p.Side == SyncSide.Local ? "local " : "server";
                var line = $"  {where} {verb,-6} {p.Item}" + (p.Summary.Length > 0 ? $"  ({p.Summary})" : "") + (p.Conflict is null ? "" : $"  [{p.Conflict}]");
                if (terminal) AnsiConsole.MarkupLine(Markup.Escape(line));
                else Console.Out.WriteLine(line);
            }
        }
    }

    private static string TextTable(string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var sb = new StringBuilder();
        void Line(string[] cells) => sb.AppendLine(string.Join("  ", cells.Select((c, i) => i is >= 3 and <= 7 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
        Line(header);
        foreach (var r in rows) Line(r);
        return sb.ToString();
    }
}
