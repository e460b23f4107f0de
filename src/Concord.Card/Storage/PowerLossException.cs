namespace Concord.Card.Storage;

/// <summary>
/// Power was cut while the card ran a command: the command did not answer and the card must boot again from its
/// EEPROM (<see cref="Uicc.UiccCard.Boot"/>), where the journal puts it back to before or after that command.
/// </summary>
public sealed class PowerLossException : Exception
{
    /// <summary>Creates the exception for a cut at write step <paramref name="step"/>.</summary>
    public PowerLossException(int step)
        : base(Errors.PowerLost(step))
    {
        Step = step;
    }

    /// <summary>Creates the exception with no step.</summary>
    public PowerLossException()
        : this(-1)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PowerLossException(string message)
        : base(message)
    {
        Step = -1;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public PowerLossException(string message, Exception innerException)
        : base(message, innerException)
    {
        Step = -1;
    }

    /// <summary>The write step (counted from power on) that the cut hit, or -1.</summary>
    public int Step { get; }
}
