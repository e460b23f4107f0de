using System.Globalization;

namespace Concord.Pim;

/// <summary>Every message text of the PIM assembly, so tests assert against the same source.</summary>
internal static class Errors
{
    public const string Refused = "The PIM item was refused; answering 415 (unsupported format).";

    public static string ItemTooLarge(long length, long max) =>
        I($"Item of {length} bytes is over the {max}-byte bound for one PIM item; answering 415. ") +
        "Split it, or shrink its photo or attachment.";

    public static string LineTooLong(long offset, long length, long max) =>
        I($"Content line at offset {offset} unfolds to {length} bytes, over the {max}-byte bound; answering 415.");

    public static string ContinuationFirst(long offset) =>
        I($"Line at offset {offset} starts with a space or tab but follows no content line; ") +
        "a folded continuation must come right after the line it continues. Answering 415.";

    public static string NotAContentLine(long offset, string text) =>
        I($"Line at offset {offset} ('{Clip(text)}') has no ':'; expected NAME[;PARAM=VALUE]:VALUE. ") +
        "If it continues the line above, its folding is broken: a folded line must start with a space or tab, " +
        "and a QUOTED-PRINTABLE line that continues must end in '='. Answering 415.";

    public static string BadName(long offset, string text) =>
        I($"Line at offset {offset} ('{Clip(text)}') has no valid property name before its ':' ") +
        "(expected [group.]NAME with letters, digits and '-'). Answering 415.";

    public static string BadQuotedPrintable(long offset, string found) =>
        I($"QUOTED-PRINTABLE value at offset {offset} has '={Clip(found)}'; expected '=' then two hex digits ") +
        "(RFC 2045 §6.7) or a soft line break. Answering 415.";

    public static string BadBase64(long offset, string name) =>
        I($"{name} value at offset {offset} is declared BASE64 but is not valid base64 (RFC 4648). Answering 415.");

    public static string UnsupportedCharset(long offset, string charset) =>
        I($"CHARSET={Clip(charset)} at offset {offset} names no character set this server knows; ") +
        "expected UTF-8, ISO-8859-x or a Windows code page. Answering 415.";

    public static string NoBegin(long offset) =>
        I($"Content at offset {offset} comes before any BEGIN line; a vCard or vCalendar item starts with ") +
        "BEGIN:VCARD or BEGIN:VCALENDAR. Answering 415.";

    public static string EndMismatch(long offset, string found, string expected) =>
        I($"END:{Clip(found)} at offset {offset} closes BEGIN:{expected}; expected END:{expected}. Answering 415.");

    public static string Unclosed(long offset, string component) =>
        I($"Item ends at offset {offset} with BEGIN:{component} still open; expected END:{component}. ") +
        "The item may have been cut. Answering 415.";

    public static string TooDeep(long offset, int max) =>
        I($"BEGIN at offset {offset} nests components deeper than {max}. Answering 415.");

    public static string TrailingContent(long offset) =>
        I($"Content at offset {offset} follows the item's last END line; one item per SyncML Item. Answering 415.");

    public static string Empty => "The item is empty; expected a vCard, vCalendar, iCalendar or SIF item. Answering 415.";

    public static string UnsupportedFormat(string what) =>
        "The item is " + Clip(what) + ", not a vCard 2.1/3.0/4.0, vCalendar 1.0, iCalendar 2.0 or SIF item. " +
        "Answering 415.";

    public static string ImpossibleDate(string property, string value) =>
        I($"{property} is '{Clip(value)}', a date or time that does not exist; expected ISO 8601 such as ") +
        "20060406T160000Z or 2006-04-06. Answering 415.";

    public static string BadRecurrence(string value, string detail) =>
        "Recurrence rule '" + Clip(value) + "' cannot be read: " + detail + ". Answering 415.";

    public static string BadSif(string detail) => "SIF item cannot be read: " + detail + ". Answering 415.";

    public static string WrongComponent(string expected, string found) =>
        "Expected a " + expected + " item but found " + Clip(found) + ".";

    private static string Clip(string s) => s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 37), "...");

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
