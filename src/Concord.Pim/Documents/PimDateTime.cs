using System.Globalization;

namespace Concord.Pim.Documents;

/// <summary>How a date-time value is anchored (RFC 5545 §3.3.5).</summary>
public enum PimTimeKind
{
    /// <summary>A date without a time (VALUE=DATE, all-day).</summary>
    Date,

    /// <summary>A local time not tied to a zone ("floating"), or tied to one by a TZID parameter.</summary>
    Local,

    /// <summary>A UTC time (trailing Z).</summary>
    Utc,
}

/// <summary>
/// A date or date-time value of vCard, vCalendar or iCalendar: basic (20060406T160000Z) or extended
/// (2006-04-06T16:00:00Z) ISO 8601, with <see cref="Kind"/> saying whether it is a date, local or UTC.
/// </summary>
/// <param name="Value">The date and time as written (UTC when <see cref="Kind"/> is Utc).</param>
/// <param name="Kind">Date, local or UTC.</param>
public readonly record struct PimDateTime(DateTime Value, PimTimeKind Kind)
{
    /// <summary>Parses a value; false when it is no date at all or names a day or time that does not exist.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PimDateTime result) => Parse(text, out result) == DateParse.Ok;

    /// <summary>Parses a value and says whether it is fine, no date, or an impossible one (30 February, 25:00).</summary>
    public static DateParse Parse(ReadOnlySpan<char> text, out PimDateTime result)
    {
        result = default;
        text = text.Trim();
        Span<char> digits = stackalloc char[16];
        var n = 0;
        var hasTime = false;
        var utc = false;
        TimeSpan? offset = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (n == digits.Length) return DateParse.NotADate;
                digits[n++] = c;
            }
            else if (c == 'T' || c == 't')
            {
                if (n != 8 || hasTime) return DateParse.NotADate;
                hasTime = true;
            }
            else if ((c == 'Z' || c == 'z') && i == text.Length - 1 && hasTime)
            {
                utc = true;
            }
            else if (c is '+' or '-' && hasTime && n >= 12)
            {
                if (!TryOffset(text[i..], out var o)) return DateParse.NotADate;
                offset = o;
                break;
            }
            else if (!(c == '-' && !hasTime) && !(c == ':' && hasTime))
            {
                return DateParse.NotADate;
            }
        }
        if (n != 8 && !(hasTime && n is 12 or 14)) return DateParse.NotADate;
        var year = Number(digits[..4]);
        var month = Number(digits[4..6]);
        var day = Number(digits[6..8]);
        var hour = hasTime ? Number(digits[8..10]) : 0;
        var minute = hasTime ? Number(digits[10..12]) : 0;
        var second = hasTime && n == 14 ? Number(digits[12..14]) : 0;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 24 || minute > 59 || second > 60 || (hour == 24 && (minute > 0 || second > 0)))
        {
            return DateParse.Impossible;
        }
        // 24:00 and leap second 60 are what some phones write for the end of a day; read as the next instant.
        var value = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified)
            .AddHours(hour).AddMinutes(minute).AddSeconds(second);
        if (offset is { } off)
        {
            value -= off;
            utc = true;
        }
        result = new PimDateTime(utc ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value,
            !hasTime ? PimTimeKind.Date : utc ? PimTimeKind.Utc : PimTimeKind.Local);
        return DateParse.Ok;
    }

    /// <summary>The value in basic format: 20060406, 20060406T160000 or 20060406T160000Z.</summary>
    public override string ToString() => Kind switch
    {
        PimTimeKind.Date => Value.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        PimTimeKind.Utc => Value.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
        _ => Value.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture),
    };

    /// <summary>A UTC date-time.</summary>
    public static PimDateTime Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), PimTimeKind.Utc);

    /// <summary>A local (floating or zoned) date-time.</summary>
    public static PimDateTime Local(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), PimTimeKind.Local);

    /// <summary>A date.</summary>
    public static PimDateTime Date(DateTime value) => new(value.Date, PimTimeKind.Date);

    private static int Number(ReadOnlySpan<char> s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool TryOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = default;
        var sign = s[0] == '-' ? -1 : 1;
        var rest = s[1..].ToString().Replace(":", "", StringComparison.Ordinal);
        if (rest.Length is not (2 or 4) || !rest.All(char.IsAsciiDigit)) return false;
        var h = Number(rest.AsSpan(0, 2));
        var m = rest.Length == 4 ? Number(rest.AsSpan(2, 2)) : 0;
        offset = sign * new TimeSpan(h, m, 0);
        return true;
    }
}

/// <summary>The outcome of parsing a date-time value.</summary>
public enum DateParse
{
    /// <summary>A valid value.</summary>
    Ok,

    /// <summary>Not a date-time in any form this reader knows.</summary>
    NotADate,

    /// <summary>Date-time syntax for a day or time that does not exist.</summary>
    Impossible,
}
