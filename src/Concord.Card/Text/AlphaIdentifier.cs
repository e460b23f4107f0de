using System.Text;

namespace Concord.Card.Text;

/// <summary>
/// Reads and writes alpha identifiers, the names of EF_ADN records (TS 102 221 Annex A, TS 31.102 §4.4.2.3): the
/// GSM default alphabet or one of the three UCS2 forms, padded with FF. Reads all four forms; writes the most
/// compact that fits.
/// </summary>
public static class AlphaIdentifier
{
    private const byte Padding = 0xFF;

    /// <summary>Decodes an alpha identifier; unused FF bytes end it. Reads leniently: a bad byte reads as U+FFFD.</summary>
    public static string Decode(ReadOnlySpan<byte> alpha)
    {
        if (alpha.IsEmpty || alpha[0] == Padding) return string.Empty;
        return alpha[0] switch
        {
            0x80 => DecodeUcs2(alpha[1..]),
            0x81 when alpha.Length >= 3 => DecodeWindowed(alpha[3..], alpha[1], alpha[2] << 7),
            0x82 when alpha.Length >= 4 => DecodeWindowed(alpha[4..], alpha[1], (alpha[2] << 8) | alpha[3]),
            0x81 or 0x82 => string.Empty,
            _ => DecodeGsm(alpha),
        };
    }

    /// <summary>The format the first byte announces; an empty identifier reads as <see cref="AlphaFormat.Gsm"/>.</summary>
    public static AlphaFormat FormatOf(ReadOnlySpan<byte> alpha) => alpha.IsEmpty ? AlphaFormat.Gsm : alpha[0] switch
    {
        0x80 => AlphaFormat.Ucs2,
        0x81 => AlphaFormat.Ucs2Base81,
        0x82 => AlphaFormat.Ucs2Base82,
        _ => AlphaFormat.Gsm,
    };

    private static string DecodeGsm(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        for (var i = 0; i < bytes.Length && bytes[i] != Padding; i++)
        {
            var b = bytes[i];
            if (b >= 0x80) text.Append('\uFFFD');
            else if (b != GsmAlphabet.Escape) text.Append(GsmAlphabet.BasicChar(b));
            else if (i + 1 < bytes.Length && bytes[i + 1] < 0x80) text.Append(GsmAlphabet.ExtensionChar(bytes[++i]));
            else text.Append(' ');  // TS 23.038 §6.2.1.1: an escape with nothing after it reads as a space
        }
        return text.ToString();
    }

    private static string DecodeUcs2(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length / 2);
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            var unit = (char)((bytes[i] << 8) | bytes[i + 1]);
            if (unit == '\uFFFF') break;  // unused bytes are FF FF
            text.Append(unit);
        }
        return text.ToString();
    }

    private static string DecodeWindowed(ReadOnlySpan<byte> bytes, int count, int windowBase)
    {
        var text = new StringBuilder(count);
        for (var i = 0; i < count && i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b >= 0x80) text.Append((char)((windowBase + (b & 0x7F)) & 0xFFFF));
            else if (b != GsmAlphabet.Escape) text.Append(GsmAlphabet.BasicChar(b));
            else if (i + 1 < bytes.Length && i + 1 < count && bytes[i + 1] < 0x80)
                text.Append(GsmAlphabet.ExtensionChar(bytes[++i]));
            else text.Append(' ');
        }
        return text.ToString();
    }

    /// <summary>Encodes <paramref name="name"/> into exactly <paramref name="capacity"/> bytes, padded with FF.</summary>
    /// <exception cref="ArgumentException">The name does not fit in any format; the message says how long it is.</exception>
    public static byte[] Encode(string name, int capacity)
    {
        var alpha = new byte[capacity];
        if (!TryEncode(name, alpha, out _))
            throw new ArgumentException(Errors.AlphaTooLong(name, MinimumLength(name), capacity), nameof(name));
        return alpha;
    }

    /// <summary>
    /// Writes <paramref name="name"/> into <paramref name="destination"/> (its whole length, padded with FF) in the
    /// most compact format; false, writing nothing, if no format fits.
    /// </summary>
    public static bool TryEncode(string name, Span<byte> destination, out AlphaFormat format)
    {
        ArgumentNullException.ThrowIfNull(name);
        format = default;
        var capacity = destination.Length;
        var best = Candidates(name).Where(c => c.Length <= capacity).OrderBy(c => c.Length).FirstOrDefault();
        if (best.Length == 0 && name.Length > 0) return false;

        destination.Fill(Padding);
        if (name.Length == 0) return true;
        format = best.Format;
        Write(name, best, destination);
        return true;
    }

    /// <summary>The fewest bytes <paramref name="name"/> takes in any format.</summary>
    public static int MinimumLength(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length == 0 ? 0 : Candidates(name).Min(c => c.Length);
    }

    private readonly record struct Candidate(AlphaFormat Format, int Length, int WindowBase);

    // Every format that can hold the name, with its length; the order breaks ties towards the plain GSM form.
    private static IEnumerable<Candidate> Candidates(string name)
    {
        var gsm = 0;
        var outside = new List<char>();  // characters the basic table does not have
        foreach (var c in name)
        {
            var n = GsmAlphabet.EncodedLength(c);
            gsm = n == 0 || gsm < 0 ? -1 : gsm + n;
            if (!GsmAlphabet.TryGetBasicCode(c, out _)) outside.Add(c);
        }

        if (gsm >= 0) yield return new Candidate(AlphaFormat.Gsm, gsm, 0);

        if (name.Length <= 255)
        {
            if (outside.Count == 0)
            {
                yield return new Candidate(AlphaFormat.Ucs2Base81, 3 + name.Length, 0);
            }
            else
            {
                var (min, max) = (outside.Min(), outside.Max());
                // TS 102 221 Annex A: the 0x81 base has bit 16 and bits 7 to 1 zero, so one 128-character block.
                if ((min & 0xFF80) == (max & 0xFF80) && min < 0x8000)
                    yield return new Candidate(AlphaFormat.Ucs2Base81, 3 + name.Length, min & 0xFF80);
                if (max - min <= 0x7F)
                    yield return new Candidate(AlphaFormat.Ucs2Base82, 4 + name.Length, min);
            }
        }

        yield return new Candidate(AlphaFormat.Ucs2, 1 + (2 * name.Length), 0);
    }

    private static void Write(string name, Candidate how, Span<byte> destination)
    {
        var at = 0;
        switch (how.Format)
        {
            case AlphaFormat.Gsm:
                foreach (var c in name)
                {
                    if (GsmAlphabet.TryGetBasicCode(c, out var code))
                    {
                        destination[at++] = code;
                    }
                    else
                    {
                        GsmAlphabet.TryGetExtensionCode(c, out code);
                        destination[at++] = GsmAlphabet.Escape;
                        destination[at++] = code;
                    }
                }
                break;
            case AlphaFormat.Ucs2:
                destination[at++] = 0x80;
                foreach (var c in name)
                {
                    destination[at++] = (byte)(c >> 8);
                    destination[at++] = (byte)(c & 0xFF);
                }
                break;
            default:
                destination[at++] = how.Format == AlphaFormat.Ucs2Base81 ? (byte)0x81 : (byte)0x82;
                destination[at++] = (byte)name.Length;
                if (how.Format == AlphaFormat.Ucs2Base81)
                {
                    destination[at++] = (byte)(how.WindowBase >> 7);
                }
                else
                {
                    destination[at++] = (byte)(how.WindowBase >> 8);
                    destination[at++] = (byte)(how.WindowBase & 0xFF);
                }
                foreach (var c in name)
                {
                    destination[at++] = GsmAlphabet.TryGetBasicCode(c, out var code)
                        ? code
                        : (byte)(0x80 | (c - how.WindowBase));
                }
                break;
        }
    }
}
