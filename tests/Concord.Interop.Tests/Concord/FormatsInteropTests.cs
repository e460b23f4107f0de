using Concord.Interop.Tests.SyncEvolution;
using Xunit.Abstractions;
using static Concord.Interop.Tests.Concord.MixedFormatItems;

namespace Concord.Interop.Tests.Concord;

/// <summary>
/// Two SyncEvolution clients on one account, one speaking vCard 2.1 and vCalendar 1.0, the other vCard 3.0 and
/// iCalendar 2.0: each item is compared field by field on the device that did not write it.
/// </summary>
public sealed class FormatsInteropTests(ITestOutputHelper output)
{
    private const string User = "bob";
    private const string Secret = "pw";
    private const SyncEvolutionDatastore C = SyncEvolutionDatastore.Contacts;
    private const SyncEvolutionDatastore E = SyncEvolutionDatastore.Calendar;
    private const SyncEvolutionDatastore T = SyncEvolutionDatastore.Todo;

    private static SyncEvolutionClientOptions Options(ConcordServerProcess server, string id, bool old) => new()
    {
        ServerUrl = server.Url, Username = User, Password = Secret, DeviceId = id,
        Encoding = SyncEvolutionMessageEncoding.Xml, AuthType = SyncEvolutionAuthType.Basic,
        Datastores = [C, E, T],
        ContactFormat = old ? SyncEvolutionItemFormat.VCard21 : SyncEvolutionItemFormat.VCard30,
        CalendarFormat = old ? SyncEvolutionItemFormat.VCalendar10 : SyncEvolutionItemFormat.ICalendar20,
        TodoFormat = old ? SyncEvolutionItemFormat.VCalendar10 : SyncEvolutionItemFormat.ICalendar20,
    };

    private async Task SyncOk(SyncEvolutionClient client, SyncEvolutionSyncMode mode, ConcordServerProcess server, CancellationToken token)
    {
        var result = await client.SyncAsync(mode, token);
        output.WriteLine($"{client.Options.DeviceId} {mode}: {result.Duration.TotalSeconds:0.00} s");
        Assert.True(result.Succeeded, $"{mode} failed:\n{result}\n--- server log ---\n{server.Log[^Math.Min(server.Log.Length, 20000)..]}");
    }

    private void Dump(string title, IEnumerable<string> items)
    {
        output.WriteLine($"===== {title}");
        foreach (var i in items) output.WriteLine(i);
    }

    [Fact]
    public async Task An_old_phone_and_a_new_client_on_one_account_see_each_others_items_field_by_field()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var token = timeout.Token;
        await using var server = await ConcordServerProcess.StartAsync([(User, Secret)], [], token);
        using var old = await SyncEvolutionClient.CreateAsync(Options(server, "old-phone", old: true), token);
        using var neu = await SyncEvolutionClient.CreateAsync(Options(server, "new-client", old: false), token);

        old.WriteItem(C, "juergen.vcf", OldContact);
        old.WriteItem(E, "meeting.vcs", OldMeeting);
        old.WriteItem(E, "allday.vcs", OldAllDay);
        old.WriteItem(T, "task.vcs", OldTask);
        neu.WriteItem(C, "zoe.vcf", NewContact);
        neu.WriteItem(E, "meeting.ics", NewMeeting);
        neu.WriteItem(E, "meeting-moved.ics", NewMeetingException);
        neu.WriteItem(E, "birthday.ics", NewBirthday);
        neu.WriteItem(T, "task.ics", NewTask);

        await SyncOk(old, SyncEvolutionSyncMode.Slow, server, token);
        await SyncOk(neu, SyncEvolutionSyncMode.Slow, server, token);
        await SyncOk(old, SyncEvolutionSyncMode.TwoWay, server, token);

        Assert.Equal([2, 5, 2], new[] { old.ReadItems(C).Count, old.ReadItems(E).Count, old.ReadItems(T).Count });
        Assert.Equal([2, 5, 2], new[] { neu.ReadItems(C).Count, neu.ReadItems(E).Count, neu.ReadItems(T).Count });
        var problems = new List<string>();
        var onServer = new[] { "contacts", "calendar", "tasks" }.SelectMany(s => ItemLines.ServerItems(server.DataFolder, User, s)).ToList();
        var log = await server.SettledLogAsync(token);
        foreach (var (from, to) in new[] { ("old-phone", "new-client"), ("new-client", "old-phone") })
        {
            var toOld = to == "old-phone";
            var received = WireTrace.Received(log, to).Select(i => i.Content).ToList();
            var kept = onServer.SelectMany(i => ItemMeaning.Of(i, toOld)).ToHashSet();
            foreach (var sent in WireTrace.Sent(log, from))
            {
                var closest = ItemMeaning.Closest(sent.Content, received, toOld);
                var lost = ItemMeaning.Lost(sent.Content, closest, toOld);
                output.WriteLine($"{from} -> {to}: {ItemMeaning.Of(sent.Content).Count} fields");
                foreach (var line in lost) output.WriteLine($"   {(kept.Contains(line) ? "kept on the server, not sent" : "LOST")} {line}");
                // A field the server keeps but does not send is one the receiving device's CTCap does not declare.
                problems.AddRange(lost.Where(l => !kept.Contains(l)).Select(l => $"{from} -> {to}: {l}"));
            }
        }
        Assert.Empty(problems);
    }
}
