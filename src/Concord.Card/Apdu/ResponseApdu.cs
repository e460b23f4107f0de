namespace Concord.Card.Apdu;

/// <summary>A response APDU (ISO/IEC 7816-4 §5.1): response data, then the status word.</summary>
public readonly record struct ResponseApdu(ReadOnlyMemory<byte> Data, StatusWord StatusWord)
{
    /// <summary>A response with no data.</summary>
    public ResponseApdu(StatusWord statusWord)
        : this(ReadOnlyMemory<byte>.Empty, statusWord)
    {
    }

    /// <summary>Parses the bytes a card answered: data, then SW1 SW2.</summary>
    /// <exception cref="ApduException">Fewer than two bytes.</exception>
    public static ResponseApdu Parse(ReadOnlySpan<byte> response)
    {
        if (response.Length < 2)
            throw new ApduException(ApduError.TooShort, response.Length, Errors.ShortResponse(response.Length));
        return new ResponseApdu(response[..^2].ToArray(), new StatusWord(response[^2], response[^1]));
    }

    /// <summary>The response as the card sends it: data then SW1 SW2.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Data.Length + 2];
        Data.Span.CopyTo(bytes);
        bytes[^2] = StatusWord.Sw1;
        bytes[^1] = StatusWord.Sw2;
        return bytes;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        Data.IsEmpty ? StatusWord.ToString() : Convert.ToHexString(Data.Span) + " " + StatusWord;
}
