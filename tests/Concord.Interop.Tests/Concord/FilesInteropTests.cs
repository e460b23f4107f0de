using Concord.Interop.Tests.SyncEvolution;
using Xunit.Abstractions;

namespace Concord.Interop.Tests.Concord;

/// <summary>
/// Every test file of SyncEvolution's own client tests, up from one SyncEvolution client and down to another through
/// <c>concord serve</c>: each item the server sent the second client says, field by field, everything the first one
/// sent, or the field is still on the server (kept, not sent to a device whose CTCap does not declare it).
/// </summary>
public sealed class FilesInteropTests(ITestOutputHelper output)
{
    private const string User = "bob";
    private const string Secret = "pw";

    public static TheoryData<string> Files =>
    [
        "carddav.vcf", "eds_contact.vcf", "qt_contact.vcf", "vcard21.vcf", "yahoo_contact.vcf", "eds_event.ics",
        "eds_event-alarms-2010-12-31.ics", "google_event.ics", "vcal10.ics", "eds_task.ics", "eds_memo.ics",
    ];

    private static (SyncEvolutionDatastore Store, string ServerStore, SyncEvolutionItemFormat Format) StoreOf(string file) => file switch
    {
        "vcard21.vcf" => (SyncEvolutionDatastore.Contacts, "contacts", SyncEvolutionItemFormat.VCard21),
        _ when file.EndsWith(".vcf", StringComparison.Ordinal) => (SyncEvolutionDatastore.Contacts, "contacts", SyncEvolutionItemFormat.VCard30),
        "vcal10.ics" => (SyncEvolutionDatastore.Calendar, "calendar", SyncEvolutionItemFormat.VCalendar10),
        "eds_task.ics" => (SyncEvolutionDatastore.Todo, "tasks", SyncEvolutionItemFormat.ICalendar20),
        "eds_memo.ics" => (SyncEvolutionDatastore.Memo, "notes", SyncEvolutionItemFormat.ICalendar20),
        _ => (SyncEvolutionDatastore.Calendar, "calendar", SyncEvolutionItemFormat.ICalendar20),
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task No_field_of_a_test_file_is_lost_between_two_clients(string file)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var token = timeout.Token;
        var (store, serverStore, format) = StoreOf(file);
        await using var server = await ConcordServerProcess.StartAsync([(User, Secret)], [], token);
        SyncEvolutionClientOptions Options(string id) => new()
        {
            ServerUrl = server.Url, Username = User, Password = Secret, DeviceId = id, Encoding = SyncEvolutionMessageEncoding.Xml,
            AuthType = SyncEvolutionAuthType.Basic, Datastores = [store],
            ContactFormat = store == SyncEvolutionDatastore.Contacts ? format : SyncEvolutionItemFormat.VCard30,
            CalendarFormat = store == SyncEvolutionDatastore.Calendar ? format : SyncEvolutionItemFormat.ICalendar20,
            MemoFormat = store == SyncEvolutionDatastore.Memo ? format : SyncEvolutionItemFormat.PlainText,
        };
        using var a = await SyncEvolutionClient.CreateAsync(Options("device-a"), token);
        using var b = await SyncEvolutionClient.CreateAsync(Options("device-b"), token);
        var items = TestItems.Read(file);
        for (var i = 0; i < items.Count; i++) a.WriteItem(store, $"{i:00}.item", items[i]);
        var up = await a.SyncAsync(SyncEvolutionSyncMode.Slow, token);
        Assert.True(up.Succeeded, $"{up}\n{server.Log}");
        var down = await b.SyncAsync(SyncEvolutionSyncMode.Slow, token);
        Assert.True(down.Succeeded, $"{down}\n{server.Log}");

        var log = await server.SettledLogAsync(token);
        var sent = WireTrace.Sent(log, "device-a").Select(i => i.Content).ToList();
        var received = WireTrace.Received(log, "device-b").Select(i => i.Content).ToList();
        var onServer = ItemLines.ServerItems(server.DataFolder, User, serverStore);
        Assert.Equal(items.Count, sent.Count);
        Assert.Equal(items.Count, onServer.Count);
        Assert.Equal(items.Count, received.Count);
        Assert.Equal(items.Count, b.ReadItems(store).Count);
        var kept = onServer.SelectMany(i => ItemMeaning.Of(i)).ToHashSet();
        var problems = new List<string>();
        var fields = 0;
        foreach (var item in sent)
        {
            var lost = ItemMeaning.Lost(item, ItemMeaning.Closest(item, received));
            fields += ItemMeaning.Of(item).Count;
            foreach (var line in lost) output.WriteLine($"{(kept.Contains(line) ? "kept on the server, not sent:" : "LOST:")} {line}");
            problems.AddRange(lost.Where(l => !kept.Contains(l)));
        }
        output.WriteLine($"{file}: {items.Count} items, {fields} fields sent by A, {problems.Count} lost");
        Assert.Empty(problems);
    }
}
