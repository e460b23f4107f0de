using System.Diagnostics;
using Concord.Card.Apdu;
using Concord.Card.Pcsc;
using Concord.Card.Phonebook;
using Concord.Card.Storage;
using Concord.Card.SyncObjects;
using Concord.Card.Uicc;
using static Concord.Card.Tests.CardTestSupport;

namespace Concord.Card.Tests.Pcsc;

[Collection(PcscdCollection.Name)]
public class PcscdTests(PcscdFixture pcscd)
{
    private static readonly AdnRecordCodec Codec = new(Small.AdnRecordLength);

    /// <summary>Plugs <paramref name="card"/> into the test pcscd and connects to it through PC/SC.</summary>
    private async Task<(VpcdConnection Vpcd, Task Run, PcscContext Context, PcscConnection Connection)> Insert(
        UiccCard card, CancellationToken token)
    {
        var (vpcd, run) = await pcscd.PlugAsync(card, token);
        var context = PcscContext.Establish();
        return (vpcd, run, context, context.Connect(pcscd.Reader));
    }

    [Fact]
    public async Task The_card_syncs_through_the_real_pcsc_stack_and_keeps_its_state_when_moved()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var eeprom = new MemoryEeprom(UiccCard.RequiredEepromSize(Small));
        var card = UiccCard.Format(eeprom, new UiccCardOptions { Geometry = Small }, new SeededRandom(7));

        SyncObject anchor;
        var (vpcd, run, context, connection) = await Insert(card, cts.Token);
        using (context)
        using (connection)
        using (vpcd)
        {
            Assert.Equal(ToHex(card.Atr.Span), ToHex(connection.Atr.Span));
            Assert.Equal(PcscNative.ProtocolT0, connection.Protocol);

            // T=0 as a handset sees it: the raw SELECT without Le answers 61xx through pcscd.
            Assert.Equal("611B", ToHex(connection.Transmit(Hex("00 A4 08 04 04 7F10 6F3A"))));

            var terminal = new CardTerminal(connection);
            Assert.Equal(StatusWord.Success, terminal.VerifyPin("0000"));
            terminal.SelectAdn();
            Assert.True(Codec.TryEncode(new AdnRecord("Zoë", "+33 6 12 34 56 78"), [], out var entry));
            terminal.UpdateRecord(1, entry.Record);
            anchor = terminal.NewSync("server").Proposed;
            terminal.StoreSync(anchor);
            terminal.UpdateRecord(2, entry.Record);
        }
        await run;
        using (var watcher = PcscContext.Establish())
            Assert.True(watcher.WaitForRemoval(pcscd.Reader, TimeSpan.FromSeconds(10)), "pcscd still sees the card");

        // The card moves to another handset: a new power-on from the same EEPROM, a new PC/SC connection.
        var moved = UiccCard.Boot(eeprom, new SeededRandom(8));
        (vpcd, run, context, connection) = await Insert(moved, cts.Token);
        using (context)
        using (connection)
        using (vpcd)
        {
            var terminal = new CardTerminal(connection);
            Assert.Equal(StatusWord.Success, terminal.VerifyPin("0000"));
            var start = terminal.NewSync("server");
            Assert.Equal(anchor, start.Last);
            Assert.Equal([new RecordChange(2, ChangeKind.Added)], terminal.GetChanges());
            terminal.SelectAdn();
            Assert.Equal(new AdnRecord("Zoë", "+33612345678"),
                Codec.Decode(terminal.ReadRecord(2, Small.AdnRecordLength)));
        }
        await run;
    }

    [Fact]
    public async Task A_card_reset_by_another_application_is_taken_up_again_and_its_ram_state_is_gone()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var eeprom = new MemoryEeprom(UiccCard.RequiredEepromSize(Small));
        var card = UiccCard.Format(eeprom, new UiccCardOptions { Geometry = Small }, new SeededRandom(9));
        var (vpcd, run, context, connection) = await Insert(card, cts.Token);
        using (context)
        using (connection)
        using (vpcd)
        {
            var terminal = new CardTerminal(connection);
            Assert.Equal(StatusWord.Success, terminal.VerifyPin("0000"));
            terminal.SelectAdn();
            Assert.Equal(Small.AdnRecordLength, terminal.ReadRecord(1, Small.AdnRecordLength).Length);

            using (var other = context.Connect(pcscd.Reader)) other.Reset();
            await PcscdFixture.UntilAnsweringAsync(connection, cts.Token);

            // Commands go through again (the reset acknowledged once), and the card answers as a card just reset: no
            // current file, PIN1 no longer verified.
            Assert.Equal(StatusWord.NoCurrentEf, terminal.Send(new CommandApdu(0x00, 0xB2, 1, 0x04, default, Small.AdnRecordLength)).StatusWord);
            Assert.Equal(1, connection.Resets);
            terminal.SelectAdn();
            Assert.Equal(StatusWord.SecurityStatusNotSatisfied, terminal.Send(new CommandApdu(0x00, 0xB2, 1, 0x04, default, Small.AdnRecordLength)).StatusWord);
            Assert.Equal(StatusWord.Success, terminal.VerifyPin("0000"));
            Assert.Equal(Small.AdnRecordLength, terminal.ReadRecord(1, Small.AdnRecordLength).Length);
        }
        await run;
    }
}
