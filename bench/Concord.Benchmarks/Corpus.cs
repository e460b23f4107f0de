using System.Text;

namespace Concord.Benchmarks;

/// <summary>
/// The SyncEvolution client-test items in ../shared/testdata/syncevolution beside the clone (see its SOURCE.md),
/// split into single items at top-level BEGIN/END lines, as bytes and as strings.
/// </summary>
public static class Corpus
{
    public static readonly string[] ContactFiles = ["vcard21.vcf", "eds_contact.vcf", "carddav.vcf", "qt_contact.vcf", "yahoo_contact.vcf"];

    public static readonly string[] EventFiles = ["eds_event.ics", "google_event.ics", "eds_event-alarms-2010-12-31.ics", "eds_task.ics"];

    public static string Directory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Concord.slnx"))) dir = dir.Parent;
            // BenchmarkDotNet runs a generated copy under bin/; fall back to the working directory's parents.
            dir ??= new DirectoryInfo(Environment.CurrentDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Concord.slnx"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Concord.slnx not found"), "..", "shared", "testdata", "syncevolution");
        }
    }

    public static List<string> Items(IEnumerable<string> files)
    {
        var items = new List<string>();
        foreach (var file in files)
        {
            var current = new StringBuilder();
            var depth = 0;
            foreach (var line in File.ReadAllText(Path.Combine(Directory, file)).Split('\n'))
            {
                var bare = line.TrimEnd('\r');
                if (depth == 0 && !bare.StartsWith("BEGIN:", StringComparison.OrdinalIgnoreCase)) continue;
                current.Append(bare).Append("\r\n");
                if (bare.StartsWith("BEGIN:", StringComparison.OrdinalIgnoreCase)) depth++;
                else if (bare.StartsWith("END:", StringComparison.OrdinalIgnoreCase) && --depth == 0)
                {
                    items.Add(current.ToString());
                    current.Clear();
                }
            }
        }
        return items;
    }
}
