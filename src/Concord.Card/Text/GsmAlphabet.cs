using System.Collections.Frozen;

namespace Concord.Card.Text;

/// <summary>
/// The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038 §6.2.1), one character per byte as
/// alpha identifiers store them (TS 102 221 Annex A.1: bit 8 zero, unpacked).
/// </summary>
public static class GsmAlphabet
{
    /// <summary>The escape to the extension table (TS 23.038 §6.2.1.1).</summary>
    public const byte Escape = 0x1B;

    // TS 23.038 §6.2.1: the basic table; 0x1B is the escape, never a character of its own.
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // TS 23.038 §6.2.1.1: the extension table, reached by 0x1B then one of these bytes.
    private static readonly (byte Code, char Char)[] ExtensionPairs =
    [
        (0x0A, '\f'), (0x14, '^'), (0x28, '{'), (0x29, '}'), (0x2F, '\\'),
        (0x3C, '['), (0x3D, '~'), (0x3E, ']'), (0x40, '|'), (0x65, '€'),
    ];

    private static readonly FrozenDictionary<char, byte> BasicCodes = Basic
        .Select((c, i) => (c, i))
        .Where(p => p.i != Escape)
        .ToFrozenDictionary(p => p.c, p => (byte)p.i);

    private static readonly FrozenDictionary<char, byte> ExtensionCodes =
        ExtensionPairs.ToFrozenDictionary(p => p.Char, p => p.Code);

    private static readonly FrozenDictionary<byte, char> ExtensionChars =
        ExtensionPairs.ToFrozenDictionary(p => p.Code, p => p.Char);

    /// <summary>The character a basic-table code stands for (0x00 to 0x7F, not the escape).</summary>
    public static char BasicChar(byte code) => Basic[code & 0x7F];

    /// <summary>The basic-table code of <paramref name="c"/>, if the basic table has it.</summary>
    public static bool TryGetBasicCode(char c, out byte code) => BasicCodes.TryGetValue(c, out code);

    /// <summary>The extension-table code of <paramref name="c"/> (to follow 0x1B), if the table has it.</summary>
    public static bool TryGetExtensionCode(char c, out byte code) => ExtensionCodes.TryGetValue(c, out code);

    /// <summary>
    /// The character of an extension code; TS 23.038 §6.2.1.1 says a code the table does not define reads as the
    /// basic-table character of the same code.
    /// </summary>
    public static char ExtensionChar(byte code) =>
        ExtensionChars.TryGetValue(code, out var c) ? c : BasicChar(code);

    /// <summary>Bytes <paramref name="c"/> takes in the default alphabet: 1, 2 (escaped), or 0 if it has none.</summary>
    public static int EncodedLength(char c) =>
        BasicCodes.ContainsKey(c) ? 1 : ExtensionCodes.ContainsKey(c) ? 2 : 0;
}
