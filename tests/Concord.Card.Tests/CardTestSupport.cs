using System.Security.Cryptography;
using Concord.Card.Apdu;
using Concord.Card.Storage;
using Concord.Card.Uicc;

namespace Concord.Card.Tests;

/// <summary>Hex helpers, a deterministic random source and fresh cards for the card tests.</summary>
internal static class CardTestSupport
{
    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    public static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    /// <summary>The bytes surrounded by junk, and where they start.</summary>
    public static (byte[] Padded, int Start) Padded(byte[] bytes)
    {
        var padded = new byte[bytes.Length + 7];
        padded.AsSpan().Fill(0xEE);
        bytes.CopyTo(padded, 3);
        return (padded, 3);
    }

    public static readonly CardGeometry Small = new(20, 28, 4, 3);

    public static (UiccCard Card, MemoryEeprom Eeprom) NewCard(
        CardGeometry? geometry = null, bool pinEnabled = true, int seed = 1)
    {
        var g = geometry ?? Small;
        var eeprom = new MemoryEeprom(UiccCard.RequiredEepromSize(g));
        var card = UiccCard.Format(eeprom, new UiccCardOptions { Geometry = g, Pin1Enabled = pinEnabled },
            new SeededRandom(seed));
        return (card, eeprom);
    }

    /// <summary>Sends hex, returns the response as hex with a space before the status word.</summary>
    public static string Send(this UiccCard card, string hex)
    {
        var response = ResponseApdu.Parse(card.Transmit(Hex(hex)));
        return response.Data.IsEmpty
            ? response.StatusWord.ToString()
            : ToHex(response.Data.Span) + " " + response.StatusWord;
    }

    /// <summary>The status word only.</summary>
    public static string Sw(this UiccCard card, string hex) => card.Send(hex)[^4..];

    public static CardTerminal Terminal(this UiccCard card) => new(new InProcessConnection(card));

    /// <summary>Verifies the default PIN1 0000.</summary>
    public static UiccCard Unlocked(this UiccCard card)
    {
        Assert.Equal("9000", card.Sw("00 20 00 01 08 30303030FFFFFFFF"));
        return card;
    }
}

/// <summary>A repeatable "random" source, so sync objects are the same on every run.</summary>
internal sealed class SeededRandom(int seed) : RandomNumberGenerator
{
    private readonly Random _random = new(seed);

    public override void GetBytes(byte[] data) => _random.NextBytes(data);

    public override void GetBytes(Span<byte> data) => _random.NextBytes(data);
}
