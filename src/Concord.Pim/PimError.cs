namespace Concord.Pim;

/// <summary>
/// Why a PIM item was refused. Each reason maps once to a SyncML item status
/// (<see cref="PimErrorExtensions.ToSyncMLStatus"/>): 415 for content this server cannot take
/// (<see cref="UnsupportedCharset"/>, <see cref="UnsupportedFormat"/>), 413 for <see cref="ItemTooLarge"/>, and 400
/// for every malformed item.
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
