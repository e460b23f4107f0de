using System.Globalization;
using System.Text;

namespace Concord.Pim.Documents;

/// <summary>ISO 8601 / RFC 5545 §3.3.6 durations such as -PT15M, P1D, P1W, PT1H30M.</summary>
public static class PimDuration
{
    /// <summary>Parses a duration; false when it is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim();
        var sign = 1;
        if (text.Length > 0 && text[0] is '+' or '-')
        {
            sign = text[0] == '-' ? -1 : 1;
            text = text[1..];
        }
        if (text.Length < 2 || text[0] is not ('P' or 'p')) return false;
        var total = TimeSpan.Zero;
        var inTime = false;
        var number = -1L;
        foreach (var c in text[1..])
        {
            if (char.IsAsciiDigit(c))
            {
                number = (number < 0 ? 0 : number * 10) + (c - '0');
                if (number > 1_000_000) return false;
                continue;
            }
            if (c is 'T' or 't')
            {
                inTime = true;
                continue;
            }
            if (number < 0) return false;
            total += (char.ToUpperInvariant(c), inTime) switch
            {
                ('W', false) => TimeSpan.FromDays(7 * number),
                ('D', false) => TimeSpan.FromDays(number),
                ('H', true) => TimeSpan.FromHours(number),
                ('M', true) => TimeSpan.FromMinutes(number),
                ('S', true) => TimeSpan.FromSeconds(number),
                _ => TimeSpan.MinValue,
            };
            if (total < TimeSpan.Zero) return false;
            number = -1;
        }
        if (number >= 0) return false;
        duration = sign * total;
        return true;
    }

    /// <summary>Formats a duration the way RFC 5545 writes it: -PT15M, P1D, PT1H30M.</summary>
    public static string Format(TimeSpan duration)
    {
        var sb = new StringBuilder();
        if (duration < TimeSpan.Zero)
        {
            sb.Append('-');
            duration = duration.Negate();
        }
        sb.Append('P');
        if (duration.Days > 0 && duration.Days % 7 == 0 && duration.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return sb.Append(CultureInfo.InvariantCulture, $"{duration.Days / 7}W").ToString();
        }
        if (duration.Days > 0) sb.Append(CultureInfo.InvariantCulture, $"{duration.Days}D");
        if (duration.Ticks % TimeSpan.TicksPerDay != 0 || duration == TimeSpan.Zero)
        {
            sb.Append('T');
            if (duration.Hours > 0) sb.Append(CultureInfo.InvariantCulture, $"{duration.Hours}H");
            if (duration.Minutes > 0) sb.Append(CultureInfo.InvariantCulture, $"{duration.Minutes}M");
            if (duration.Seconds > 0 || (duration.Hours == 0 && duration.Minutes == 0)) sb.Append(CultureInfo.InvariantCulture, $"{duration.Seconds}S");
        }
        return sb.ToString();
    }
}
