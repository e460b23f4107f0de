using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Concord.Benchmarks;

/// <summary>Adds MB/s and allocations per item, from the corpus size each benchmark category works on.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    // Category -> (bytes, items) of one operation. Filled in GlobalSetup of the benchmark process; the host process
    // that prints the summary reads the corpus itself, so both see the same numbers.
    private static readonly ConcurrentDictionary<string, (long Bytes, int Items)> Sizes = new();

    public ThroughputConfig()
    {
        AddColumn(new Column("MB/s", (bytes, items, report) => report.ResultStatistics is not { Mean: > 0 } stats ? "-"
            : (bytes / (stats.Mean / 1e9) / 1e6).ToString("F1", CultureInfo.InvariantCulture)));
        AddColumn(new Column("Alloc/item", (bytes, items, report) =>
            report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is { } allocated
                ? (allocated / (double)items).ToString("F0", CultureInfo.InvariantCulture) + " B" : "-"));
    }

    public static void Record(string category, long bytes, int items) => Sizes[category] = (bytes, items);

    private static (long, int) SizeOf(BenchmarkCase benchmark)
    {
        var category = benchmark.Descriptor.Categories.FirstOrDefault(c => c is "Events" or "Contacts") ?? "";
        if (Sizes.TryGetValue(category, out var size)) return size;
        var items = Corpus.Items(category == "Events" ? Corpus.EventFiles : Corpus.ContactFiles);
        size = (items.Sum(i => (long)System.Text.Encoding.UTF8.GetByteCount(i)), items.Count);
        Sizes[category] = size;
        return size;
    }

    private sealed class Column(string name, Func<long, int, BenchmarkReport, string> value) : IColumn
    {
        public string Id => name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => name == "MB/s" ? "Corpus megabytes (10^6) parsed or written per second" : "Bytes allocated per item (Allocated divided by the items of one operation)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var report = summary[benchmarkCase];
            if (report is null) return "-";
            var (bytes, items) = SizeOf(benchmarkCase);
            return value(bytes, items, report);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
