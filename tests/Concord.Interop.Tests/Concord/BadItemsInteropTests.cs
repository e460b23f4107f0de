using Concord.Interop.Tests.SyncEvolution;
using Xunit.Abstractions;

namespace Concord.Interop.Tests.Concord;

/// <summary>
/// A SyncEvolution client that passes its files through unparsed (<c>raw/text/vcard</c>) sends broken items among
/// good ones: each broken one is refused with its own status and reason, the good ones are stored, the session ends.
/// </summary>
public sealed class BadItemsInteropTests(ITestOutputHelper output)
{
    private const string User = "bob";
    private const string Secret = "pw";
    private const SyncEvolutionDatastore C = SyncEvolutionDatastore.Contacts;

    private static string Card(string family, string body) =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{family};Test;;;\r\nFN:Test {family}\r\n{body}END:VCARD\r\n";

    public static readonly (string File, string Content, int Status, string Reason)[] Items =
    [
        ("a-good.vcf", Card("Good", "TEL:+1 555 0100\r\n"), 201, ""),
        ("b-folding.vcf", Card("Folding", "NOTE:a note whose second line\r\nlost its leading space\r\n"), 415, "folding is broken"),
        ("c-qp.vcf", "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Qp;Test;;;\r\nNOTE;ENCODING=QUOTED-PRINTABLE:caf=XZ au lait\r\nEND:VCARD\r\n", 415, "QUOTED-PRINTABLE"),
        ("d-date.vcf", Card("Date", "BDAY:2026-02-30\r\n"), 415, "does not exist"),
        ("e-huge.vcf", Card("Huge", "NOTE:" + new string('x', 10 * 1024 * 1024) + "\r\n"), 415, "bound for one PIM item"),
        ("f-good.vcf", Card("Fine", "TEL:+1 555 0101\r\n"), 201, ""),
    ];

    [Fact]
    public async Task Broken_items_are_refused_one_by_one_with_a_reason_and_the_good_ones_are_stored()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var token = timeout.Token;
        await using var server = await ConcordServerProcess.StartAsync([(User, Secret)], [], token);
        SyncEvolutionClientOptions Options(string id) => new()
        {
            ServerUrl = server.Url, Username = User, Password = Secret, DeviceId = id, Encoding = SyncEvolutionMessageEncoding.Xml,
            AuthType = SyncEvolutionAuthType.Basic, Datastores = [C], Timeout = TimeSpan.FromMinutes(6),
        };
        using var sender = await SyncEvolutionClient.CreateAsync(Options("sender") with
        {
            ExtraDatastoreProperties = new Dictionary<string, string> { ["databaseFormat"] = "raw/text/vcard", ["syncFormat"] = "raw/text/vcard" },
        }, token);
        foreach (var (file, content, _, _) in Items) sender.WriteItem(C, file, content);
        var run = await sender.SyncAsync(SyncEvolutionSyncMode.Slow, token);
        output.WriteLine($"sender: exit {run.ExitCode}\n{run}");
        Assert.True(run.Session?.Status is not (400 or 413), run.ToString());

        // The server's console log is written by a background thread: the trace of its last answers can trail the
        // client's exit (seen once in CI), so wait until every item has its final status (213 is a chunk's) there.
        var statuses = WireTrace.ItemStatuses(server.Log, "sender");
        for (var wait = 0; wait < 300 && !Items.All(i => statuses.LastOrDefault(s => s.SourceRef == i.File) is { Code: not 213 }); wait++)
        {
            await Task.Delay(100, token);
            statuses = WireTrace.ItemStatuses(server.Log, "sender");
        }
        foreach (var s in statuses) output.WriteLine($"{s.SourceRef}: {s.Code} {s.Reason}");
        foreach (var (file, _, status, reason) in Items)
        {
            var answer = statuses.Last(s => s.SourceRef == file);
            Assert.Equal(status, answer.Code);
            if (status >= 400) Assert.Contains(reason, answer.Reason, StringComparison.Ordinal);
        }
        Assert.Equal(["Fine", "Good"], ItemLines.ServerItems(server.DataFolder, User, "contacts")
            .Select(i => i.Split("\r\n").Single(l => l.StartsWith("N:", StringComparison.Ordinal))[2..].Split(';')[0]).Order());
        Assert.Contains("Session", server.Log, StringComparison.Ordinal);

        // The session ended normally: another device gets exactly the good items.
        using var receiver = await SyncEvolutionClient.CreateAsync(Options("receiver"), token);
        Assert.True((await receiver.SyncAsync(SyncEvolutionSyncMode.Slow, token)).Succeeded, server.Log);
        Assert.Equal(2, receiver.ReadItems(C).Count);
    }
}
