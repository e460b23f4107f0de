namespace Concord.Card.Pcsc;

/// <summary>A pcsc-lite call failed; <see cref="Code"/> is its error (e.g. 0x8010001D, no service).</summary>
public sealed class PcscException : Exception
{
    /// <summary>Creates the exception for <paramref name="function"/> failing with <paramref name="code"/>.</summary>
    public PcscException(string function, long code)
        : base(Errors.Pcsc(function, code))
    {
        Code = code;
    }

    /// <summary>Creates the exception.</summary>
    public PcscException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public PcscException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PcscException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The PC/SC return code, as an unsigned 32-bit value.</summary>
    public long Code { get; }
}
