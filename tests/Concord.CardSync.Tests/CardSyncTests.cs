using Concord.CardSync.Tests.Support;
using Concord.Pim.Models;
using Concord.Sync;

namespace Concord.CardSync.Tests;

/// <summary>
/// The card's phonebook synced with <c>concord serve</c> over real HTTP on loopback, the card in process: the first
/// sync is slow, the next ones read only what the card's change register names.
/// </summary>
public sealed class CardSyncTests
{
    // SELECT EF_ICCID, READ BINARY, VERIFY, SELECT EF_ADN, NewSync, GetChanges, StoreSync.
    private const int FixedApdus = 7;

    private static void Fill(SimCard card, int count) => card.Edit(pb =>
    {
        for (var i = 1; i <= count; i++) pb.Put(i, $"Person {i}", $"+44207000{i:D4}");
    });

    private static string? Fn(Contact c) => c.FormattedName;

    private static List<string> Tels(Contact c) => [.. c.All("TEL").Select(t => new string(t.Value.Where(ch => char.IsAsciiDigit(ch) || ch == '+').ToArray()))];

    /// <summary>The server holds exactly these (name, number) pairs, each once.</summary>
    private static void AssertServerHolds(ServerHost server, IEnumerable<(string Name, string Number)> expected, string user = "bob")
    {
        var held = server.Contacts(user).Select(c => (Fn(c) ?? "", Tels(c).FirstOrDefault() ?? "")).Order().ToList();
        Assert.Equal(expected.Order().ToList(), held);
    }

    private static IEnumerable<(string, string)> People(int count, params int[] except) =>
        Enumerable.Range(1, count).Where(i => !except.Contains(i)).Select(i => ($"Person {i}", $"+44207000{i:D4}"));

    [Fact]
    public async Task The_first_sync_is_slow_and_the_next_ones_read_only_the_changed_records()
    {
        await using var server = await ServerHost.StartAsync();
        using var phone = new Handset();
        var card = new SimCard();
        Fill(card, 40);

        var first = await phone.SyncOkAsync(card, server.Url);
        Assert.Equal(SyncType.Slow, first.Performed);
        Assert.Equal(250, first.RecordReads);
        AssertServerHolds(server, People(40));
        // The server knows the card as a device of its own, with the properties it keeps.
        var devInf = server.DeviceInfo("ICCID:8944110000000000042");
        Assert.NotNull(devInf);
        Assert.Contains("<PropName>TEL</PropName><MaxOccur>1</MaxOccur>", devInf, StringComparison.Ordinal);
        Assert.Contains("<PropName>FN</PropName><MaxSize>18</MaxSize>", devInf, StringComparison.Ordinal);

        var idle = await phone.SyncOkAsync(card, server.Url);
        Assert.Equal(SyncType.TwoWay, idle.Performed);
        Assert.Equal((0, FixedApdus), (idle.RecordReads, idle.Apdus));

        card.Edit(pb =>
        {
            pb.Put(3, "Person Three", "+442070000003");
            pb.Put(41, "New Person", "+15550001");
            pb.Delete("7");
        });
        var changed = await phone.SyncOkAsync(card, server.Url);
        Assert.Equal(SyncType.TwoWay, changed.Performed);
        Assert.Equal(2, changed.RecordReads);   // 3 and 41; GetChanges says 7 is free
        Assert.Equal(FixedApdus + 2, changed.Apdus);
        var remote = changed.Report.Stores[0].Remote;
        Assert.Equal((1, 1, 1), (remote.Added, remote.Updated, remote.Deleted));
        AssertServerHolds(server, People(40, 3, 7).Append(("Person Three", "+442070000003")).Append(("New Person", "+15550001")));
    }

    [Fact]
    public async Task Changes_from_the_server_land_in_free_records_found_in_the_handsets_copy()
    {
        await using var server = await ServerHost.StartAsync();
        using var phone = new Handset();
        using var pda = new Pda();
        var card = new SimCard();
        Fill(card, 10);
        await phone.SyncOkAsync(card, server.Url);
        card.Edit(pb => pb.Delete("4"));
        await phone.SyncOkAsync(card, server.Url);

        await pda.SyncOkAsync(server.Url);
        var five = Directory.GetFiles(pda.Folder, "*.vcf").Single(f => File.ReadAllText(f).Contains("Person 5", StringComparison.Ordinal));
        File.WriteAllText(five, File.ReadAllText(five).Replace("+442070000005", "+442070009999", StringComparison.Ordinal));
        pda.Write("new.vcf", PlainPhone.VCard("From Pda", "+3312345678"));
        await pda.SyncOkAsync(server.Url);

        var run = await phone.SyncOkAsync(card, server.Url);
        Assert.Equal(SyncType.TwoWay, run.Performed);
        Assert.Equal((1, 1), (run.Report.Stores[0].Local.Added, run.Report.Stores[0].Local.Updated));
        Assert.Equal(0, run.RecordReads);   // the copy is current: free record 4 and record 5's old chain come from it
        Assert.Equal(2, run.RecordWrites);
        card.Edit(pb =>
        {
            Assert.Equal("From Pda", pb.Entry(4)!.Value.Name);
            Assert.Equal("+442070009999", pb.Entry(5)!.Value.Number);
        });
        AssertServerHolds(server, People(10, 4, 5).Append(("Person 5", "+442070009999")).Append(("From Pda", "+3312345678")));
    }

    [Fact]
    public async Task A_card_moved_to_a_handset_with_no_state_still_syncs_incrementally()
    {
        await using var server = await ServerHost.StartAsync();
        using var first = new Handset();
        using var second = new Handset();
        using var pda = new Pda();
        var card = new SimCard();
        Fill(card, 30);
        await first.SyncOkAsync(card, server.Url);

        card.Edit(pb =>
        {
            pb.Put(2, "Person Two", "+442070000002");
            pb.Put(9, "Person Nine", "+442070000009");
        });
        var moved = await second.SyncOkAsync(card, server.Url);
        Assert.Equal(SyncType.TwoWay, moved.Performed);
        Assert.Equal(2, moved.RecordReads);
        Assert.Equal(0, moved.Report.Stores[0].Remote.Added);
        AssertServerHolds(server, People(30, 2, 9).Append(("Person Two", "+442070000002")).Append(("Person Nine", "+442070000009")));

        // The new handset has no copy to find a free record in: it probes from the last record down.
        await pda.SyncOkAsync(server.Url);
        pda.Write("new.vcf", PlainPhone.VCard("From Pda", "+3312345678"));
        await pda.SyncOkAsync(server.Url);
        var added = await second.SyncOkAsync(card, server.Url);
        Assert.Equal((SyncType.TwoWay, 1, 1), (added.Performed, added.Report.Stores[0].Local.Added, added.RecordReads));
        card.Edit(pb => Assert.Equal("From Pda", pb.Entry(250)!.Value.Name));

        // Back in the first handset: its copy is out of date (other objects were stored since), still no slow sync.
        var back = await first.SyncOkAsync(card, server.Url);
        Assert.Equal((SyncType.TwoWay, 0), (back.Performed, back.RecordReads));
        Assert.Equal(31, server.Contacts().Count);
    }

    [Fact]
    public async Task A_server_restored_from_an_old_backup_gets_a_full_sync_without_duplicates()
    {
        await using var server = await ServerHost.StartAsync();
        using var phone = new Handset();
        var card = new SimCard();
        Fill(card, 20);
        await phone.SyncOkAsync(card, server.Url);
        await server.StopAsync();
        var backup = server.Backup();
        await server.StartAgainAsync();

        card.Edit(pb =>
        {
            pb.Put(5, "Person Five", "+442070000005");
            pb.Put(21, "Person 21", "+442070000021");
        });
        Assert.Equal(SyncType.TwoWay, (await phone.SyncOkAsync(card, server.Url)).Performed);

        await server.RestoreAsync(backup);
        var full = await phone.SyncOkAsync(card, server.Url);
        Assert.Equal(SyncType.Slow, full.Performed);
        AssertServerHolds(server, People(21, 5).Append(("Person Five", "+442070000005")));

        var after = await phone.SyncOkAsync(card, server.Url);
        Assert.Equal((SyncType.TwoWay, 0), (after.Performed, after.RecordReads));
    }

    [Fact]
    public async Task Two_peers_each_stay_incremental_without_disturbing_each_other()
    {
        await using var server = await ServerHost.StartAsync();
        using var phone = new Handset();
        var card = new SimCard();
        Fill(card, 15);
        Assert.Equal(SyncType.Slow, (await phone.SyncOkAsync(card, server.Url, "bob")).Performed);
        Assert.Equal(SyncType.Slow, (await phone.SyncOkAsync(card, server.Url, "alice")).Performed);

        card.Edit(pb => pb.Put(5, "Person Five", "+442070000005"));
        var bob = await phone.SyncOkAsync(card, server.Url, "bob");
        Assert.Equal((SyncType.TwoWay, 1), (bob.Performed, bob.RecordReads));
        var bobAgain = await phone.SyncOkAsync(card, server.Url, "bob");
        Assert.Equal((SyncType.TwoWay, 0), (bobAgain.Performed, bobAgain.RecordReads));

        // Alice's register still holds the change bob's sync took.
        var alice = await phone.SyncOkAsync(card, server.Url, "alice");
        Assert.Equal((SyncType.TwoWay, 1, 1), (alice.Performed, alice.RecordReads, alice.Report.Stores[0].Remote.Updated));
        var expected = People(15, 5).Append(("Person Five", "+442070000005")).ToList();
        AssertServerHolds(server, expected, "bob");
        AssertServerHolds(server, expected, "alice");
    }

    [Fact]
    public async Task An_item_for_a_full_phonebook_fails_on_the_card_and_stays_on_the_server()
    {
        await using var server = await ServerHost.StartAsync();
        using var phone = new Handset();
        using var pda = new Pda();
        var card = new SimCard(new Concord.Card.Storage.CardGeometry(5, 32, 2, 8));
        Fill(card, 5);
        await phone.SyncOkAsync(card, server.Url);
        await pda.SyncOkAsync(server.Url);
        pda.Write("sixth.vcf", PlainPhone.VCard("Sixth Person", "+15550006"));
        await pda.SyncOkAsync(server.Url);

        var full = await phone.SyncAsync(card, server.Url);
        var failure = Assert.Single(full.Report.Stores[0].Local.Failures);
        Assert.Equal(500, failure.Status);
        Assert.Contains("phonebook is full", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(6, server.Contacts().Count);
        card.Edit(pb => Assert.Equal(Enumerable.Range(1, 5).Select(i => $"Person {i}"), Enumerable.Range(1, 5).Select(n => pb.Entry(n)!.Value.Name)));
    }

    [Fact]
    public async Task A_one_way_sync_from_the_server_does_not_confirm_changes_the_card_did_not_send()
    {
        await using var server = await ServerHost.StartAsync();
        using var phone = new Handset();
        var card = new SimCard();
        Fill(card, 5);
        await phone.SyncOkAsync(card, server.Url);
        card.Edit(pb => pb.Put(2, "Person Two", "+442070000002"));

        var oneWay = await phone.SyncOkAsync(card, server.Url, mode: SyncType.OneWayFromServer);
        Assert.Equal((SyncType.OneWayFromServer, 0), (oneWay.Performed, oneWay.StoreSyncs));
        AssertServerHolds(server, People(5));

        var next = await phone.SyncOkAsync(card, server.Url);
        Assert.Equal(SyncType.Slow, next.Performed);
        AssertServerHolds(server, People(5, 2).Append(("Person Two", "+442070000002")));
    }
}
