namespace Concord.Pim.ContentLines;

/// <summary>The transfer encoding a content line's parameters declare for its value.</summary>
public enum ContentEncoding
{
    /// <summary>Plain text (7BIT, 8BIT or none).</summary>
    None,

    /// <summary>ENCODING=QUOTED-PRINTABLE or the bare vCard 2.1 QUOTED-PRINTABLE parameter.</summary>
    QuotedPrintable,

    /// <summary>ENCODING=BASE64 or bare BASE64 (vCard 2.1: continuation lines until a blank line).</summary>
    Base64,

    /// <summary>ENCODING=b (vCard 3.0) or ENCODING=BASE64 with VALUE=BINARY (iCalendar): base64 folded as usual.</summary>
    B,
}
