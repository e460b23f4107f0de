using System.Diagnostics;
using Concord.Card.Apdu;
using Concord.Card.Handset;
using Concord.Card.Pcsc;
using Concord.Card.Storage;
using Concord.Card.Tests.Pcsc;
using Concord.Card.Uicc;
using Concord.CardSync.Tests.Support;
using Concord.Storage.Client;
using Concord.Sync;
using Concord.SyncML.Client;

namespace Concord.CardSync.Tests;

/// <summary>
/// The card served into the tests' own pcscd through vpcd, and reached the way a handset or a PC reaches a real one:
/// through libpcsclite, by the card data store and by <c>concord sync --store card:=contacts</c>.
/// </summary>
[Collection(PcscdCollection.Name)]
public sealed class PcscdCardSyncTests(PcscdFixture pcscd)
{
    private const string Pin = "4711";

    private static UiccCard NewCard(MemoryEeprom eeprom) =>
        UiccCard.Format(eeprom, new UiccCardOptions { Pin1 = Pin }, System.Security.Cryptography.RandomNumberGenerator.Create());

    private static void Fill(CardDataStore phonebook, int count)
    {
        for (var i = 1; i <= count; i++) phonebook.Put(i, $"Person {i}", $"+3315550{i:D3}");
    }

    [Fact]
    public async Task Through_pcscd_the_first_sync_is_slow_and_the_next_reads_only_the_changed_record()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var server = await ServerHost.StartAsync();
        using var handset = new Handset();
        var eeprom = new MemoryEeprom(UiccCard.RequiredEepromSize(CardGeometry.Default));
        var (vpcd, run) = await pcscd.PlugAsync(NewCard(eeprom), cts.Token);
        using (vpcd)
        {
            using var context = PcscContext.Establish();
            using var connection = context.Connect(pcscd.Reader);
            Fill(CardDataStore.Open(new CardTerminal(connection), Pin), 25);

            async Task<(SyncReport Report, int Apdus, int Reads)> SyncAsync()
            {
                var counting = new CountingConnection(connection);
                var terminal = new CardTerminal(counting);
                var store = CardDataStore.Open(terminal, Pin, CardMemoryCopy.Load(handset.CopyPath));
                using var http = new HttpSyncMLTransport(TimeSpan.FromSeconds(30));
                var options = new SyncMLClientOptions { ServerUrl = server.Url, User = "bob", Password = "secret", Retries = 0 };
                var report = await new SyncMLClient(http, options).SyncAsync([new ClientStoreBinding(store, handset.State, "./contacts", SyncType.TwoWay)]);
                Assert.True(report.Succeeded, report.Error ?? report.Stores[0].Error);
                return (report, terminal.ApduCount, counting.RecordReads);
            }

            var first = await SyncAsync();
            Assert.Equal((SyncType.Slow, 250), (first.Report.Stores[0].Performed, first.Reads));
            Assert.Equal(25, server.Contacts().Count);

            CardDataStore.Open(new CardTerminal(connection), Pin).Put(12, "Person Twelve", "+33155500012");
            var second = await SyncAsync();
            Assert.Equal((SyncType.TwoWay, 1, 8), (second.Report.Stores[0].Performed, second.Reads, second.Apdus));
            Assert.Single(server.Contacts(), c => c.FormattedName == "Person Twelve");
            Assert.Equal(25, server.Contacts().Count);
        }
        await run;
    }

    [Fact]
    public async Task Concord_sync_with_a_card_store_syncs_the_card_in_the_first_reader_and_keeps_its_state_by_iccid()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var server = await ServerHost.StartAsync();
        var stateRoot = Directory.CreateTempSubdirectory("concord-card-state-").FullName;
        var eeprom = new MemoryEeprom(UiccCard.RequiredEepromSize(CardGeometry.Default));
        var card = NewCard(eeprom);
        try
        {
            var (vpcd, run) = await pcscd.PlugAsync(card, cts.Token);
            using (vpcd)
            {
                using (var context = PcscContext.Establish())
                using (var connection = context.Connect(pcscd.Reader))
                {
                    Fill(CardDataStore.Open(new CardTerminal(connection), Pin), 3);
                }
                var environment = new Dictionary<string, string?>
                {
                    ["PCSCLITE_CSOCK_NAME"] = pcscd.Socket, ["CONCORD_PASSWORD"] = "secret", ["CONCORD_CARD_PIN"] = Pin,
                    ["CONCORD_CARD_STATE"] = stateRoot, ["CONCORD_PROFILES"] = Path.Combine(stateRoot, "profiles.json"),
                };
                string[] args = ["sync", "--url", server.Url.ToString(), "--user", "bob", "--store", "card:=contacts"];

                var first = await RunConcordAsync(args, environment, cts.Token);
                Assert.True(first.ExitCode == 0, first.Text);
                Assert.Contains("slow", first.Output, StringComparison.Ordinal);
                Assert.DoesNotContain(Pin, first.Text, StringComparison.Ordinal);
                Assert.Equal(3, server.Contacts().Count);
                var folder = Assert.Single(Directory.GetDirectories(stateRoot));
                Assert.Equal(new UiccCardOptions().Iccid, Path.GetFileName(folder));
                Assert.True(File.Exists(Path.Combine(folder, "card.json")) && File.Exists(Path.Combine(folder, "sync.db")));

                using (var context = PcscContext.Establish())
                using (var connection = context.Connect(pcscd.Reader))
                {
                    CardDataStore.Open(new CardTerminal(connection), Pin).Put(2, "Person Two", "+33155500002");
                }
                var second = await RunConcordAsync([.. args[..^2], "--store", $"card:{pcscd.Reader}=contacts"], environment, cts.Token);
                Assert.True(second.ExitCode == 0, second.Text);
                Assert.Contains("two-way", second.Output, StringComparison.Ordinal);
                Assert.Single(server.Contacts(), c => c.FormattedName == "Person Two");

                var wrongPin = await RunConcordAsync(args, new Dictionary<string, string?>(environment) { ["CONCORD_CARD_PIN"] = "9876" }, cts.Token);
                Assert.Equal(1, wrongPin.ExitCode);
                Assert.Contains("refused the PIN; 2 tries left", wrongPin.Error, StringComparison.Ordinal);
                Assert.DoesNotContain("9876", wrongPin.Text, StringComparison.Ordinal);
            }
            await run;
        }
        finally
        {
            Scratch.Delete(stateRoot);
        }
    }

    private sealed record CliRun(int ExitCode, string Output, string Error)
    {
        public string Text => $"exit {ExitCode}\n{Output}\n{Error}";
    }

    private static async Task<CliRun> RunConcordAsync(string[] args, IReadOnlyDictionary<string, string?> environment, CancellationToken token)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "concord.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment) start.Environment[k] = v;
        using var p = Process.Start(start)!;
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync(token);
        var error = p.StandardError.ReadToEndAsync(token);
        await p.WaitForExitAsync(token);
        return new CliRun(p.ExitCode, await output, await error);
    }
}
