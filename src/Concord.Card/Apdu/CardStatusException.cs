namespace Concord.Card.Apdu;

/// <summary>The card answered a command with a status word the caller did not expect.</summary>
public sealed class CardStatusException : Exception
{
    /// <summary>Creates the exception for <paramref name="statusWord"/>.</summary>
    public CardStatusException(StatusWord statusWord, string message)
        : base(message)
    {
        StatusWord = statusWord;
    }

    /// <summary>Creates the exception.</summary>
    public CardStatusException()
        : this(StatusWord.TechnicalProblem, Errors.ApduRejected)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CardStatusException(string message)
        : this(StatusWord.TechnicalProblem, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CardStatusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What the card answered.</summary>
    public StatusWord StatusWord { get; }
}
