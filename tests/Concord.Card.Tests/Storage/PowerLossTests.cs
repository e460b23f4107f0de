using Concord.Card.Apdu;
using Concord.Card.Phonebook;
using Concord.Card.Storage;
using Concord.Card.Uicc;
using static Concord.Card.Tests.CardTestSupport;

namespace Concord.Card.Tests.Storage;

/// <summary>
/// Cuts power at every write step of every mutating command, each step torn several ways, and checks that the card
/// boots with its whole state (records, change registers, sync objects, PINs) exactly as before or as after.
/// </summary>
public class PowerLossTests
{
    private const string Pin0000 = "30303030FFFFFFFF";
    private const string Pin1234 = "31323334FFFFFFFF";

    // Bytes of a torn step that reach the memory before the cut: none (all garbage), one, eight, and all of them.
    private static readonly int[] Tears = [0, 1, 8, int.MaxValue];

    private static readonly AdnRecordCodec Codec = new(Small.AdnRecordLength);

    private sealed record Scenario(Func<UiccCard, string> Arrange, Func<string, string> Command);

    private static string Record(string name, string number)
    {
        Assert.True(Codec.TryEncode(new AdnRecord(name, number), [1], out var encoding));
        return ToHex(encoding.Record);
    }

    /// <summary>A card with entries, a long number in EXT1, two peers and a verified PIN1; EF_ADN selected.</summary>
    private static string Common(UiccCard card)
    {
        var t = card.Terminal();
        t.VerifyPin("0000");
        Assert.True(Codec.TryEncode(new AdnRecord("Long", new string('4', 28)), [1], out var longOne));
        t.SelectPath(0x7F10, 0x6F4A);
        t.UpdateRecord(1, longOne.Extensions[0].Bytes);
        t.SelectAdn();
        t.UpdateRecord(1, Hex(Record("Ann", "+33100")));
        t.UpdateRecord(2, Hex(Record("Bob", "200")));
        t.UpdateRecord(3, longOne.Record);
        t.StoreSync(t.NewSync("server").Proposed);
        t.UpdateRecord(4, Hex(Record("Dan", "400")));
        t.StoreSync(t.NewSync("PDA").Proposed);
        t.UpdateRecord(1, Hex(Record("Ann", "+33101")));
        return "";
    }

    public static TheoryData<string> Names => new(Scenarios.Keys);

    private static readonly Dictionary<string, Scenario> Scenarios = new()
    {
        ["UPDATE RECORD adds an entry"] = new(Common, _ => "00 DC 05 04 1C " + Record("Eve", "500")),
        ["UPDATE RECORD changes an entry"] = new(Common, _ => "00 DC 02 04 1C " + Record("Bobby", "201")),
        ["UPDATE RECORD deletes an entry"] = new(Common, _ => "00 DC 04 04 1C " + new string('F', 56)),
        ["UPDATE RECORD next"] = new(c => Common(c) + c.Send("00 B2 01 04 1C"), _ => "00 DC 00 02 1C " + Record("X", "9")),
        ["UPDATE RECORD of EXT1"] = new(c => Common(c) + c.Send("00 A4 00 0C 02 6F4A"),
            _ => "00 DC 01 04 0D 020155FFFFFFFFFFFFFFFFFFFF"),
        ["UPDATE BINARY of EF_PL"] = new(c => Common(c) + c.Send("00 A4 08 0C 02 2F05"), _ => "00 D6 00 00 04 66726465"),
        ["VERIFY with a wrong PIN"] = new(Common, _ => "00 20 00 01 08 " + Pin1234),
        ["VERIFY with the right PIN after a wrong one"] = new(c => Common(c) + c.Send("00 20 00 01 08 " + Pin1234),
            _ => "00 20 00 01 08 " + Pin0000),
        ["CHANGE PIN"] = new(Common, _ => $"00 24 00 01 10 {Pin0000} {Pin1234}"),
        ["DISABLE PIN"] = new(Common, _ => "00 26 00 01 08 " + Pin0000),
        ["ENABLE PIN"] = new(c => Common(c) + c.Send("00 26 00 01 08 " + Pin0000), _ => "00 28 00 01 08 " + Pin0000),
        ["UNBLOCK PIN"] = new(Common, _ => $"00 2C 00 01 10 3132333435363738 {Pin1234}"),
        ["UNBLOCK PIN with a wrong PUK"] = new(Common, _ => $"00 2C 00 01 10 3030303030303030 {Pin1234}"),
        ["StoreSync of a known peer"] = new(c => Common(c) + c.Terminal().NewSync("server").Proposed,
            proposal => "80 54 00 00 08 " + proposal),
        ["StoreSync of a new peer that evicts another"] = new(c =>
            {
                Common(c);
                var t = c.Terminal();
                t.StoreSync(t.NewSync("third").Proposed);
                return t.NewSync("fourth").Proposed.ToString();
            },
            proposal => "80 54 00 00 08 " + proposal),
        ["ForgetSync"] = new(Common, _ => "80 56 00 00 05 6F3A 504441"),
    };

    private static (UiccCard Card, MemoryEeprom Eeprom, string Command) Build(Scenario scenario)
    {
        var (card, eeprom) = NewCard();
        var context = scenario.Arrange(card);
        return (card, eeprom, scenario.Command(context));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_power_cut_at_any_write_step_leaves_the_card_before_or_after_the_command(string name)
    {
        var scenario = Scenarios[name];
        var (card, eeprom, command) = Build(scenario);
        var before = card.Memory.Committed.ToArray();
        var start = eeprom.WriteSteps;
        var answer = card.Send(command);
        Assert.Matches("(9000|63C.)$", answer);
        var after = card.Memory.Committed.ToArray();
        var steps = eeprom.WriteSteps - start;
        Assert.NotEqual(before, after);
        Assert.InRange(steps, 3, 64);

        var sawAfter = false;
        for (var step = 0; step < steps; step++)
        {
            foreach (var tear in Tears)
            {
                (card, eeprom, command) = Build(scenario);
                eeprom.CutPowerAt(step, tear);
                Assert.Throws<PowerLossException>(() => card.Transmit(Hex(command)));
                Assert.Throws<ObjectDisposedException>(() => card.Transmit(Hex("80 F2 00 0C")));

                eeprom.PowerOn();
                var booted = UiccCard.Boot(eeprom).Memory.Committed.ToArray();
                var isAfter = booted.AsSpan().SequenceEqual(after);
                Assert.True(isAfter || booted.AsSpan().SequenceEqual(before),
                    $"{name}: cut at step {step} of {steps} (tear {tear}) booted into neither state");

                // Once a cut leaves the command done, every later cut does too: one commit point.
                if (tear == 0) Assert.False(sawAfter && !isAfter, $"{name}: step {step} undid a committed command");
                sawAfter |= isAfter && tear == 0;

                // Booting again changes nothing, and the card still works.
                var again = UiccCard.Boot(eeprom);
                Assert.Equal(booted, again.Memory.Committed.ToArray());
                Assert.Equal("9000", again.Sw("80 F2 00 0C"));
            }
        }
        Assert.True(sawAfter, $"{name}: no cut left the command done, yet it completed without one");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_power_cut_while_booting_finishes_the_interrupted_command_on_the_next_boot(string name)
    {
        var scenario = Scenarios[name];
        var (card, eeprom, command) = Build(scenario);
        var start = eeprom.WriteSteps;
        card.Send(command);
        var after = card.Memory.Committed.ToArray();
        var steps = eeprom.WriteSteps - start;

        // The step before the last is sealed and partly applied: the boot must replay it, and may be cut itself.
        for (var replayStep = 0; ; replayStep++)
        {
            (card, eeprom, command) = Build(scenario);
            eeprom.CutPowerAt(steps - 2);
            Assert.Throws<PowerLossException>(() => card.Transmit(Hex(command)));
            eeprom.PowerOn();
            eeprom.CutPowerAt(replayStep, 1);
            try
            {
                UiccCard.Boot(eeprom);
                Assert.Equal(after, UiccCard.Boot(eeprom).Memory.Committed.ToArray());
                break;  // the replay needed fewer steps than this
            }
            catch (PowerLossException)
            {
                eeprom.PowerOn();
                Assert.Equal(after, UiccCard.Boot(eeprom).Memory.Committed.ToArray());
            }
        }
    }

    [Fact]
    public void A_card_cut_while_being_formatted_is_refused_not_half_read()
    {
        var reference = new MemoryEeprom(UiccCard.RequiredEepromSize(Small));
        UiccCard.Format(reference, new UiccCardOptions { Geometry = Small });
        var steps = reference.WriteSteps;
        for (var step = 0; step < steps; step++)
        {
            var eeprom = new MemoryEeprom(UiccCard.RequiredEepromSize(Small));
            eeprom.CutPowerAt(step);
            Assert.Throws<PowerLossException>(() => UiccCard.Format(eeprom, new UiccCardOptions { Geometry = Small }));
            eeprom.PowerOn();
            Assert.Throws<CardImageException>(() => UiccCard.Boot(eeprom));
        }
    }

    [Fact]
    public void A_card_image_in_a_file_keeps_its_state_across_processes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"concord-card-{Guid.NewGuid():N}.img");
        try
        {
            using (var file = FileEeprom.Create(path, UiccCard.RequiredEepromSize(Small)))
            {
                var card = UiccCard.Format(file, new UiccCardOptions { Geometry = Small }).Unlocked();
                card.Send("00 A4 08 0C 04 7F10 6F3A");
                card.Send("00 DC 01 04 1C " + Record("Ann", "1"));
            }

            using var reopened = FileEeprom.Open(path);
            var booted = UiccCard.Boot(reopened).Unlocked();
            booted.Send("00 A4 08 0C 04 7F10 6F3A");
            Assert.Equal(Record("Ann", "1") + " 9000", booted.Send("00 B2 01 04 1C"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
