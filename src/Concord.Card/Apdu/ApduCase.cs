namespace Concord.Card.Apdu;

/// <summary>The four command cases of ISO/IEC 7816-3 §12.1.2 / 7816-4 §5.1 (short form only).</summary>
public enum ApduCase
{
    /// <summary>Case 1: header only, no data either way.</summary>
    NoData = 1,

    /// <summary>Case 2: header and Le, response data expected.</summary>
    ResponseData = 2,

    /// <summary>Case 3: header, Lc and command data, no response data expected.</summary>
    CommandData = 3,

    /// <summary>Case 4: command data and Le.</summary>
    CommandAndResponseData = 4,
}
