using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Concord.Pim.ContentLines;
using Concord.Pim.Documents;
using IcalCalendar = Ical.Net.Calendar;
using IcalSerializer = Ical.Net.Serialization.CalendarSerializer;

namespace Concord.Benchmarks.Pim.Documents;

/// <summary>
/// Parse and write throughput of <see cref="PimDocument"/> on the SyncEvolution corpus: every contact, and every
/// iCalendar event and task, one operation being the whole corpus. Ical.Net's parser and serializer are the
/// baseline on the same iCalendar items. MB/s and allocations per item are in the MB/s and Alloc/item columns.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[Config(typeof(ThroughputConfig))]
public class PimDocumentBenchmarks
{
    private List<string> _events = [];
    private List<byte[]> _eventBytes = [];
    private List<string> _contacts = [];
    private List<byte[]> _contactBytes = [];
    private List<PimComponent> _parsedEvents = [];
    private List<PimComponent> _parsedContacts = [];
    private List<IcalCalendar> _icalEvents = [];
    private readonly ArrayBufferWriter<byte> _output = new(1 << 16);

    [GlobalSetup]
    public void Setup()
    {
        _events = Corpus.Items(Corpus.EventFiles);
        _eventBytes = [.. _events.Select(Encoding.UTF8.GetBytes)];
        _contacts = Corpus.Items(Corpus.ContactFiles);
        _contactBytes = [.. _contacts.Select(Encoding.UTF8.GetBytes)];
        _parsedEvents = [.. _eventBytes.Select(b => PimDocument.Parse(b))];
        _parsedContacts = [.. _contactBytes.Select(b => PimDocument.Parse(b))];
        _icalEvents = [.. _events.Select(e => IcalCalendar.Load(e)!)];
        ThroughputConfig.Record("Events", _eventBytes.Sum(b => b.Length), _events.Count);
        ThroughputConfig.Record("Contacts", _contactBytes.Sum(b => b.Length), _contacts.Count);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Events", "Parse")]
    public int IcalNet_parse_events()
    {
        var n = 0;
        foreach (var e in _events) n += IcalCalendar.Load(e)!.Children.Count;
        return n;
    }

    [Benchmark, BenchmarkCategory("Events", "Parse")]
    public int Concord_parse_events()
    {
        var n = 0;
        foreach (var e in _eventBytes) n += PimDocument.Parse(e).Components.Count;
        return n;
    }

    [Benchmark, BenchmarkCategory("Events", "Parse")]
    public int Concord_parse_event_strings()
    {
        var n = 0;
        foreach (var e in _events) n += PimDocument.Parse(e).Components.Count;
        return n;
    }

    [Benchmark, BenchmarkCategory("Events", "Parse")]
    public int Concord_read_event_lines()
    {
        var n = 0;
        foreach (var e in _eventBytes)
        {
            var reader = new ContentLineReader(e);
            while (reader.Read()) n += reader.Value.Length;
            reader.Dispose();
        }
        return n;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Events", "Write")]
    public int IcalNet_write_events()
    {
        var n = 0;
        var serializer = new IcalSerializer();
        foreach (var c in _icalEvents) n += serializer.SerializeToString(c)!.Length;
        return n;
    }

    [Benchmark, BenchmarkCategory("Events", "Write")]
    public int Concord_write_events()
    {
        _output.ResetWrittenCount();
        foreach (var c in _parsedEvents) PimDocument.Write(c, _output);
        return _output.WrittenCount;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Contacts", "Parse")]
    public int Concord_parse_contacts()
    {
        var n = 0;
        foreach (var c in _contactBytes) n += PimDocument.Parse(c).Properties.Count;
        return n;
    }

    [Benchmark, BenchmarkCategory("Contacts", "Parse")]
    public int Concord_read_contact_lines()
    {
        var n = 0;
        foreach (var c in _contactBytes)
        {
            var reader = new ContentLineReader(c);
            while (reader.Read()) n += reader.Value.Length;
            reader.Dispose();
        }
        return n;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Contacts", "Write")]
    public int Concord_write_contacts()
    {
        _output.ResetWrittenCount();
        foreach (var c in _parsedContacts) PimDocument.Write(c, _output);
        return _output.WrittenCount;
    }
}
