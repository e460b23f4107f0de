namespace Concord.Card.Storage;

/// <summary>An EEPROM image is not a card this code formatted (bad magic, version, checksum or size).</summary>
public sealed class CardImageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CardImageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CardImageException()
        : this(Errors.NotACardImage)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CardImageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
