using System.Text;

namespace Concord.Pim.Tests.TestData;

/// <summary>
/// The SyncEvolution client-test items in ../shared/testdata/syncevolution (see its SOURCE.md), found from the repo
/// root (the folder with Concord.slnx), and this project's own RFC example items in TestData/.
/// </summary>
internal static class Corpus
{
    private static readonly Lazy<string> RepoRoot = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Concord.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Concord.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string SyncEvolutionDir => Path.Combine(RepoRoot.Value, "..", "shared", "testdata", "syncevolution");

    public static string OwnDir => Path.Combine(RepoRoot.Value, "tests", "Concord.Pim.Tests", "TestData");

    public static readonly string[] SyncEvolutionFiles =
    [
        "vcard21.vcf", "eds_contact.vcf", "carddav.vcf", "qt_contact.vcf", "yahoo_contact.vcf",
        "vcal10.ics", "eds_event.ics", "google_event.ics", "eds_event-alarms-2010-12-31.ics", "eds_task.ics", "eds_memo.ics",
    ];

    public static readonly string[] OwnFiles = ["rfc6350.vcf", "rfc5545.ics", "vcard21-phones.vcf", "vcal10-phones.ics"];

    public static string PathOf(string file) =>
        OwnFiles.Contains(file) ? Path.Combine(OwnDir, file) : Path.Combine(SyncEvolutionDir, file);

    /// <summary>The items of a file, each as its own bytes, split at top-level BEGIN/END lines.</summary>
    public static List<byte[]> Items(string file)
    {
        var text = File.ReadAllText(PathOf(file), Encoding.UTF8);
        var items = new List<byte[]>();
        var current = new StringBuilder();
        var depth = 0;
        foreach (var line in text.Split('\n'))
        {
            var bare = line.TrimEnd('\r');
            if (depth == 0 && !bare.StartsWith("BEGIN:", StringComparison.OrdinalIgnoreCase)) continue;
            current.Append(line).Append('\n');
            if (bare.StartsWith("BEGIN:", StringComparison.OrdinalIgnoreCase)) depth++;
            else if (bare.StartsWith("END:", StringComparison.OrdinalIgnoreCase) && --depth == 0)
            {
                items.Add(Encoding.UTF8.GetBytes(current.ToString()));
                current.Clear();
            }
        }
        return items;
    }

    /// <summary>(file, index) of every item of the given files.</summary>
    public static TheoryData<string, int> ItemsOf(params string[] files)
    {
        var data = new TheoryData<string, int>();
        foreach (var file in files)
        {
            for (var i = 0; i < Items(file).Count; i++) data.Add(file, i);
        }
        return data;
    }

    public static TheoryData<string, int> AllItems => ItemsOf([.. SyncEvolutionFiles, .. OwnFiles]);
}
