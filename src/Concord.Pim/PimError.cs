namespace Concord.Pim;

/// <summary>
/// Why a PIM item was refused. Every reason maps once to the SyncML item status 415
/// (<see cref="PimErrorExtensions.ToSyncMLStatus"/>); the reason itself goes to the device in the Status's Item.
/// </summary>
public enum PimError
{
    /// <summary>A physical line is neither a content line nor a folded continuation of one.</summary>
    BrokenFolding,

    /// <summary>A line has no valid property name (letters, digits, '-') before its ':' or ';'.</summary>
    BadName,

    /// <summary>A QUOTED-PRINTABLE value has '=' followed by something other than two hex digits or a line break.</summary>
    BadQuotedPrintable,

    /// <summary>A BASE64 / b value is not base64.</summary>
    BadBase64,

    /// <summary>A CHARSET parameter names a character set this server does not know.</summary>
    UnsupportedCharset,

    /// <summary>The content is no vCard, vCalendar, iCalendar or SIF item, or a version this server does not read.</summary>
    UnsupportedFormat,

    /// <summary>BEGIN and END lines do not pair up, or there is no BEGIN.</summary>
    UnbalancedComponents,

    /// <summary>Components nest deeper than <see cref="ContentLines.ContentLineReaderOptions.MaxDepth"/>.</summary>
    TooDeep,

    /// <summary>The item or one of its lines is over the configured size bound.</summary>
    ItemTooLarge,

    /// <summary>A date or time value names a day or time that does not exist (month 13, 30 February, 25:00).</summary>
    ImpossibleDate,

    /// <summary>A value does not follow its property's grammar (a recurrence rule, a SIF document).</summary>
    BadValue,
}
