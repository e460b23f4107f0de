using System.Globalization;
using System.Text;
using Concord.Pim.Documents;

namespace Concord.Pim.Converters;

/// <summary>
/// The vCalendar 1.0 recurrence grammar (vCalendar 1.0 §3.7.1: <c>D1 #0</c>, <c>W1 MO TU #10</c>,
/// <c>MP1 1+ SU #2</c>, <c>MD1 1 15 #0</c>, <c>YM1 4 #2</c>, <c>YD1 100 20061231T000000Z</c>) to and from iCalendar
/// RRULE (RFC 5545 §3.3.10).
/// </summary>
public static class VCalendarRecurrence
{
    private static readonly string[] Weekdays = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    /// <summary>The iCalendar RRULE value for a vCalendar 1.0 rule.</summary>
    /// <param name="rule">The 1.0 rule.</param>
    /// <param name="allDay">Whether the event is all-day, so UNTIL is a DATE.</param>
    /// <exception cref="PimFormatException">The rule does not follow the 1.0 grammar.</exception>
    public static string ToICalendar(string rule, bool allDay)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var tokens = rule.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0) throw Bad(rule, "it is empty");
        var head = tokens[0].ToUpperInvariant();
        var letters = head.TakeWhile(char.IsAsciiLetter).Count();
        var freq = head[..letters] switch
        {
            "M" => "MINUTELY",
            "D" => "DAILY",
            "W" => "WEEKLY",
            "MP" or "MD" => "MONTHLY",
            "YM" or "YD" => "YEARLY",
            _ => throw Bad(rule, "it starts with '" + head + "', expected D, W, MP, MD, YM or YD and an interval"),
        };
        var interval = 1;
        if (letters < head.Length && !int.TryParse(head.AsSpan(letters), NumberStyles.None, CultureInfo.InvariantCulture, out interval))
        {
            throw Bad(rule, "the interval '" + head[letters..] + "' is not a number");
        }
        var byDay = new List<string>();
        var numbers = new List<string>();
        var pending = new List<string>();
        var groupDone = false;
        string? count = "2"; // vCalendar 1.0 §3.7.1: no duration means #2
        string? until = null;
        foreach (var raw in tokens.Skip(1))
        {
            var token = raw.ToUpperInvariant().TrimEnd('$');
            if (token.StartsWith('#'))
            {
                count = token[1..];
                if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out _)) throw Bad(rule, "'" + raw + "' is no count");
                continue;
            }
            if (token.Length >= 8 && char.IsAsciiDigit(token[0]) && token.All(c => char.IsAsciiDigit(c) || c is 'T' or 'Z'))
            {
                if (PimDateTime.Parse(token, out var end) != DateParse.Ok) throw Bad(rule, "'" + raw + "' is no end date");
                until = allDay ? PimDateTime.Date(end.Value).ToString() : end.ToString();
                count = null;
                continue;
            }
            var day = Array.IndexOf(Weekdays, token);
            if (day >= 0)
            {
                if (freq == "MONTHLY" && pending.Count > 0)
                {
                    byDay.AddRange(pending.Select(o => o + token));
                    groupDone = true;
                }
                else
                {
                    byDay.Add(token);
                }
                continue;
            }
            if (groupDone)
            {
                pending.Clear();
                groupDone = false;
            }
            if (token == "LD")
            {
                numbers.Add("-1");
                continue;
            }
            var sign = token.EndsWith('-') ? "-" : "";
            var digits = token.TrimEnd('+', '-');
            if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) throw Bad(rule, "'" + raw + "' is not a day, number or duration");
            if (digits.Length == 4 && head[..letters] is "D" or "W") continue; // time lists: the start's time is kept
            var n = sign + int.Parse(digits, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            if (head.StartsWith("MP", StringComparison.Ordinal)) pending.Add(n);
            else numbers.Add(n);
        }
        var sb = new StringBuilder("FREQ=").Append(freq).Append(";INTERVAL=").Append(interval.ToString(CultureInfo.InvariantCulture));
        if (byDay.Count > 0) sb.Append(";BYDAY=").AppendJoin(',', byDay);
        if (numbers.Count > 0)
        {
            sb.Append(head[..letters] switch { "MD" => ";BYMONTHDAY=", "YM" => ";BYMONTH=", _ => ";BYYEARDAY=" }).AppendJoin(',', numbers);
        }
        if (until is not null) sb.Append(";UNTIL=").Append(until);
        else if (count is not null && count != "0") sb.Append(";COUNT=").Append(count);
        return sb.ToString();
    }

    /// <summary>The vCalendar 1.0 rule for an RRULE, or null when 1.0 cannot say it (BYSETPOS, BYHOUR...).</summary>
    public static string? ToVCalendar(string rrule)
    {
        ArgumentNullException.ThrowIfNull(rrule);
        var parts = Parts(rrule);
        if (parts is null || !parts.TryGetValue("FREQ", out var freq)) return null;
        foreach (var key in parts.Keys)
        {
            if (key is not ("FREQ" or "INTERVAL" or "COUNT" or "UNTIL" or "WKST" or "BYDAY" or "BYMONTHDAY" or "BYMONTH" or "BYYEARDAY")) return null;
        }
        var interval = parts.GetValueOrDefault("INTERVAL", "1");
        var byDay = parts.TryGetValue("BYDAY", out var d) ? d.Split(',') : [];
        var sb = new StringBuilder();
        switch (freq)
        {
            case "MINUTELY" when Only(parts):
                sb.Append('M').Append(interval);
                break;
            case "DAILY" when Only(parts):
                sb.Append('D').Append(interval);
                break;
            case "WEEKLY" when Only(parts, "BYDAY") && byDay.All(x => Weekdays.Contains(x)):
                sb.Append('W').Append(interval);
                foreach (var x in byDay) sb.Append(' ').Append(x);
                break;
            case "MONTHLY" when Only(parts, "BYDAY") && byDay.Length > 0:
                sb.Append("MP").Append(interval);
                foreach (var x in byDay)
                {
                    var day = x[^2..];
                    var n = x[..^2];
                    if (!Weekdays.Contains(day) || !int.TryParse(n, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var pos) || pos == 0) return null;
                    sb.Append(' ').Append(Math.Abs(pos).ToString(CultureInfo.InvariantCulture)).Append(pos < 0 ? '-' : '+').Append(' ').Append(day);
                }
                break;
            case "MONTHLY" when Only(parts, "BYMONTHDAY"):
                sb.Append("MD").Append(interval).Append(Numbers(parts, "BYMONTHDAY"));
                break;
            case "YEARLY" when Only(parts, "BYMONTH"):
                sb.Append("YM").Append(interval).Append(Numbers(parts, "BYMONTH"));
                break;
            case "YEARLY" when Only(parts, "BYYEARDAY"):
                sb.Append("YD").Append(interval).Append(Numbers(parts, "BYYEARDAY"));
                break;
            default:
                return null;
        }
        if (parts.TryGetValue("UNTIL", out var until))
        {
            if (PimDateTime.Parse(until, out var end) != DateParse.Ok) return null;
            sb.Append(' ').Append(end.Kind == PimTimeKind.Date ? PimDateTime.Local(end.Value).ToString() : end.ToString());
        }
        else
        {
            sb.Append(" #").Append(parts.GetValueOrDefault("COUNT", "0"));
        }
        return sb.ToString();
    }

    /// <summary>The NAME=VALUE parts of an RRULE, names upper-cased; null when it has none.</summary>
    public static Dictionary<string, string>? Parts(string rrule)
    {
        ArgumentNullException.ThrowIfNull(rrule);
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in rrule.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) return null;
            parts[part[..eq].Trim().ToUpperInvariant()] = part[(eq + 1)..].Trim().ToUpperInvariant();
        }
        return parts.Count == 0 ? null : parts;
    }

    private static bool Only(Dictionary<string, string> parts, string? by = null) =>
        parts.Keys.All(k => k is "FREQ" or "INTERVAL" or "COUNT" or "UNTIL" or "WKST" || k == by);

    private static string Numbers(Dictionary<string, string> parts, string key)
    {
        if (!parts.TryGetValue(key, out var list)) return "";
        var sb = new StringBuilder();
        foreach (var n in list.Split(','))
        {
            sb.Append(' ').Append(n.StartsWith('-') ? n[1..] + "-" : n.TrimStart('+'));
        }
        return sb.ToString();
    }

    private static PimFormatException Bad(string rule, string detail) => new(PimError.BadValue, -1, Errors.BadRecurrence(rule, detail));
}
