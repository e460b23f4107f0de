using Concord.Card.Apdu;
using Concord.Card.Phonebook;
using Concord.Card.Storage;
using Concord.Card.SyncObjects;
using Concord.Card.Uicc;
using static Concord.Card.Tests.CardTestSupport;

namespace Concord.Card.Tests.SyncObjects;

public class SyncCommandTests
{
    private static readonly AdnRecordCodec Codec = new(Small.AdnRecordLength);

    private static byte[] Entry(string name, string number = "0123")
    {
        Assert.True(Codec.TryEncode(new AdnRecord(name, number), [], out var encoding));
        return encoding.Record;
    }

    private static byte[] Free => Enumerable.Repeat((byte)0xFF, Small.AdnRecordLength).ToArray();

    private static (CardTerminal Terminal, UiccCard Card, MemoryEeprom Eeprom) Ready(CardGeometry? geometry = null)
    {
        var (card, eeprom) = NewCard(geometry);
        var terminal = card.Terminal();
        Assert.Equal(StatusWord.Success, terminal.VerifyPin("0000"));
        terminal.SelectAdn();
        return (terminal, card, eeprom);
    }

    private static SyncObject FullSync(CardTerminal terminal, string peer)
    {
        var start = terminal.NewSync(peer);
        terminal.StoreSync(start.Proposed);
        return start.Proposed;
    }

    [Fact]
    public void A_new_peer_gets_no_last_object_and_a_proposal_in_exact_bytes()
    {
        var (_, card, _) = Ready();
        var answer = card.Send("80 50 00 00 05 6F3A 504441 13");  // peer "PDA"
        Assert.Equal(19 * 2 + 5, answer.Length);
        Assert.StartsWith("00" + "0000000000000000", answer, StringComparison.Ordinal);
        Assert.EndsWith("0000 9000", answer, StringComparison.Ordinal);
        Assert.Equal("6A88", card.Send("80 52 00 00 00"));  // no last object: a full sync is due
    }

    [Fact]
    public void After_store_sync_the_proposal_comes_back_as_the_last_object()
    {
        var (terminal, _, _) = Ready();
        var first = FullSync(terminal, "server");
        var second = terminal.NewSync("server");
        Assert.Equal(first, second.Last);
        Assert.NotEqual(first, second.Proposed);
        Assert.Equal(0, second.ChangeCount);
        Assert.Empty(terminal.GetChanges());
    }

    [Fact]
    public void Get_changes_lists_added_modified_and_deleted_records_as_the_seed_example()
    {
        var (terminal, _, _) = Ready();
        terminal.UpdateRecord(4, Entry("Dora"));
        terminal.UpdateRecord(7, Entry("Gus"));
        FullSync(terminal, "PDA");

        terminal.UpdateRecord(1, Entry("Ann"));
        terminal.UpdateRecord(2, Entry("Bob"));
        terminal.UpdateRecord(4, Entry("Dora", "999"));
        terminal.UpdateRecord(7, Free);

        var start = terminal.NewSync("PDA");
        Assert.Equal(4, start.ChangeCount);
        Assert.Equal(
            [new(1, ChangeKind.Added), new(2, ChangeKind.Added), new(4, ChangeKind.Modified), new(7, ChangeKind.Deleted)],
            terminal.GetChanges());
    }

    [Fact]
    public void The_register_reports_what_the_peer_last_saw_not_every_write()
    {
        var (terminal, _, _) = Ready();
        terminal.UpdateRecord(5, Entry("Eve"));
        FullSync(terminal, "PDA");

        terminal.UpdateRecord(1, Entry("Tmp"));
        terminal.UpdateRecord(1, Free);                 // added then deleted: nothing
        terminal.UpdateRecord(5, Free);
        terminal.UpdateRecord(5, Entry("Eva"));         // deleted then written: modified
        terminal.UpdateRecord(6, Free);                 // free to free: nothing
        terminal.UpdateRecord(3, Entry("Cy"));
        terminal.UpdateRecord(3, Entry("Cy"));          // the same bytes again: still just added

        terminal.NewSync("PDA");
        Assert.Equal([new(3, ChangeKind.Added), new(5, ChangeKind.Modified)], terminal.GetChanges());
    }

    [Fact]
    public void Peers_are_independent()
    {
        var (terminal, _, _) = Ready();
        FullSync(terminal, "server");
        terminal.UpdateRecord(1, Entry("Ann"));
        FullSync(terminal, "PDA");
        terminal.UpdateRecord(2, Entry("Bob"));

        terminal.NewSync("server");
        Assert.Equal([new(1, ChangeKind.Added), new(2, ChangeKind.Added)], terminal.GetChanges());
        terminal.NewSync("PDA");
        Assert.Equal([new(2, ChangeKind.Added)], terminal.GetChanges());
    }

    [Fact]
    public void A_sync_survives_moving_the_card_to_another_handset()
    {
        var (terminal, _, eeprom) = Ready();
        var anchor = FullSync(terminal, "server");
        terminal.UpdateRecord(9, Entry("Ivy"));

        var other = UiccCard.Boot(eeprom).Terminal();  // a new power-on: nothing in RAM, all in EEPROM
        other.VerifyPin("0000");
        var start = other.NewSync("server");
        Assert.Equal(anchor, start.Last);
        Assert.Equal([new(9, ChangeKind.Added)], other.GetChanges());
    }

    [Fact]
    public void Store_sync_needs_the_proposal_of_this_power_on()
    {
        var (terminal, card, _) = Ready();
        var start = terminal.NewSync("server");
        Assert.Equal("6A80", card.Send("80 54 00 00 08 0000000000000000"));
        card.Reset();
        card.Unlocked();
        Assert.Equal("6985", card.Send($"80 54 00 00 08 {start.Proposed}"));
        Assert.Null(terminal.NewSync("server").Last);
    }

    [Fact]
    public void Many_changes_come_over_several_responses()
    {
        var geometry = new CardGeometry(200, 28, 0, 2);
        var (terminal, card, _) = Ready(geometry);
        FullSync(terminal, "server");
        for (var n = 1; n <= 200; n++) terminal.UpdateRecord(n, Entry("N" + n));

        Assert.Equal(200, terminal.NewSync("server").ChangeCount);
        var first = card.Send("80 52 00 00 00");
        Assert.Equal((128 * 4) + 5, first.Length);                // 128 entries, then 6310
        Assert.StartsWith("0101" + "0102", first, StringComparison.Ordinal);
        Assert.EndsWith("0180 6310", first, StringComparison.Ordinal);
        var rest = card.Send("80 52 00 80 00");
        Assert.Equal((72 * 4) + 5, rest.Length);
        Assert.EndsWith("01C8 9000", rest, StringComparison.Ordinal);
        Assert.Equal("0181 6310", card.Send("80 52 00 80 02"));   // Le 2: one entry at a time
        Assert.Equal("9000", card.Send("80 52 00 C8 00"));         // at the end: nothing more
        Assert.Equal("6B00", card.Send("80 52 00 C9 00"));
        Assert.Equal(200, terminal.GetChanges().Count);
    }

    [Fact]
    public void A_changed_ext1_record_marks_the_entry_using_it_modified()
    {
        var (terminal, _, _) = Ready();
        var codec = new AdnRecordCodec(Small.AdnRecordLength);
        Assert.True(codec.TryEncode(new AdnRecord("Long", new string('7', 30)), [2], out var encoding));
        terminal.SelectPath(0x7F10, 0x6F4A);
        terminal.UpdateRecord(2, encoding.Extensions[0].Bytes);
        terminal.SelectAdn();
        terminal.UpdateRecord(6, encoding.Record);
        FullSync(terminal, "server");

        var ext = (byte[])encoding.Extensions[0].Bytes.Clone();
        ext[2] = 0x88;
        terminal.SelectPath(0x7F10, 0x6F4A);
        terminal.UpdateRecord(2, ext);
        terminal.NewSync("server");
        Assert.Equal([new(6, ChangeKind.Modified)], terminal.GetChanges());
    }

    [Fact]
    public void A_full_peer_table_evicts_the_least_recently_synchronized_peer()
    {
        var (terminal, _, _) = Ready();  // room for 3 peers
        FullSync(terminal, "A");
        FullSync(terminal, "B");
        FullSync(terminal, "C");
        FullSync(terminal, "A");          // A is now the most recent; B the least

        var start = terminal.NewSync("D");
        Assert.True(start.WouldEvict);
        terminal.StoreSync(start.Proposed);

        Assert.Null(terminal.NewSync("B").Last);        // B lost its object: its next sync is full
        Assert.NotNull(terminal.NewSync("A").Last);
        Assert.NotNull(terminal.NewSync("C").Last);
        Assert.NotNull(terminal.NewSync("D").Last);
    }

    [Fact]
    public void A_peer_that_asks_for_refusal_gets_6a84_when_the_table_is_full()
    {
        var (terminal, _, _) = Ready();
        FullSync(terminal, "A");
        FullSync(terminal, "B");
        FullSync(terminal, "C");
        var e = Assert.Throws<CardStatusException>(() => terminal.NewSync("D", refuseWhenFull: true));
        Assert.Equal(StatusWord.NotEnoughMemory, e.StatusWord);
        Assert.False(terminal.NewSync("A", refuseWhenFull: true).WouldEvict);  // a known peer always fits
    }

    [Fact]
    public void Forget_sync_frees_a_slot()
    {
        var (terminal, _, _) = Ready();
        FullSync(terminal, "A");
        FullSync(terminal, "B");
        FullSync(terminal, "C");
        terminal.ForgetSync("B");
        Assert.False(terminal.NewSync("D").WouldEvict);
        Assert.Null(terminal.NewSync("B").Last);
    }

    [Fact]
    public void Sync_commands_need_pin1()
    {
        var (card, _) = NewCard();
        Assert.Equal("6982", card.Send("80 50 00 00 05 6F3A 504441 00"));
        card.Unlocked();
        Assert.EndsWith("9000", card.Send("80 50 00 00 05 6F3A 504441 00"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_le_the_new_sync_answer_waits_for_get_response()
    {
        var (_, card, _) = Ready();
        Assert.Equal("6113", card.Send("80 50 00 00 05 6F3A 504441"));
        Assert.EndsWith("0000 9000", card.Send("00 C0 00 00 13"), StringComparison.Ordinal);
    }
}
