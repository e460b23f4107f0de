using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Concord.Pim.Converters;
using Concord.Pim.Documents;
using Concord.Pim.Models;

namespace Concord.Pim.Sif;

public static partial class SifCalendar
{
    // Outlook's DayOfWeekMask: 1 Sunday, 2 Monday ... 64 Saturday.
    private static readonly string[] Days = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    // Outlook RecurrenceType: 0 daily, 1 weekly, 2 monthly, 3 monthly on the nth weekday, 5 yearly, 6 yearly on
    // the nth weekday of a month; Instance 5 is the last.
    private static void ReadRecurrence(SifDocument sif, CalendarItem item)
    {
        if (sif["IsRecurring"] is not ("1" or "True" or "true")) return;
        int Number(string field, int fallback) => int.TryParse(sif[field], CultureInfo.InvariantCulture, out var n) ? n : fallback;
        var type = Number("RecurrenceType", 0);
        var mask = Number("DayOfWeekMask", 0);
        var instance = Number("Instance", 1);
        var days = Enumerable.Range(0, 7).Where(i => (mask & (1 << i)) != 0).Select(i => Days[i]).ToList();
        var nth = (instance >= 5 ? "-1" : instance.ToString(CultureInfo.InvariantCulture));
        var rule = new StringBuilder("FREQ=").Append(type switch { 0 => "DAILY", 1 => "WEEKLY", 2 or 3 => "MONTHLY", _ => "YEARLY" });
        rule.Append(";INTERVAL=").Append(Number("Interval", 1).ToString(CultureInfo.InvariantCulture));
        if (type is 5 or 6 && sif["MonthOfYear"] is { } month) rule.Append(";BYMONTH=").Append(month);
        if (type is 2 or 5 && sif["DayOfMonth"] is { } day) rule.Append(";BYMONTHDAY=").Append(day);
        if (type is 0 or 1 && days.Count > 0) rule.Append(";BYDAY=").AppendJoin(',', days);
        if (type is 3 or 6 && days.Count > 0) rule.Append(";BYDAY=").AppendJoin(',', days.Select(d => nth + d));
        if (sif["NoEndDate"] is not ("1" or "True" or "true"))
        {
            if (Number("Occurrences", 0) is var count and > 0) rule.Append(";COUNT=").Append(count.ToString(CultureInfo.InvariantCulture));
            else if (Date(sif["PatternEndDate"]) is { } end)
            {
                rule.Append(";UNTIL=").Append(item.Start?.Kind == PimTimeKind.Date ? PimDateTime.Date(end.Value).ToString() : end.ToString());
            }
        }
        item.RecurrenceRule = rule.ToString();
        var exceptions = sif.Fields.FirstOrDefault(f => f.Name == "Exceptions").Value ?? "";
        foreach (Match m in ExcludeDate().Matches(exceptions))
        {
            if (Date(m.Groups[1].Value) is { } date) item.AddExceptionDate(date);
        }
    }

    private static void WriteRecurrence(CalendarItem item, List<(string, string, bool)> fields)
    {
        var parts = item.RecurrenceRule is { } r ? VCalendarRecurrence.Parts(r) : null;
        if (parts is null || !parts.TryGetValue("FREQ", out var freq))
        {
            Add(fields, "IsRecurring", "0");
            return;
        }
        var byDay = parts.TryGetValue("BYDAY", out var d) ? d.Split(',') : [];
        var ordinal = byDay.Select(x => x[..^2]).FirstOrDefault(x => x.Length > 0);
        var mask = byDay.Sum(x => 1 << Array.IndexOf(Days, x[^2..]));
        var start = item.Start?.Value;
        var type = freq switch
        {
            "DAILY" => 0,
            "WEEKLY" => 1,
            "MONTHLY" => ordinal is null ? 2 : 3,
            _ => ordinal is null ? 5 : 6,
        };
        Add(fields, "IsRecurring", "1");
        Add(fields, "RecurrenceType", type.ToString(CultureInfo.InvariantCulture));
        Add(fields, "Interval", parts.GetValueOrDefault("INTERVAL", "1"));
        if (type == 1 && mask == 0 && start is { } s) mask = 1 << (int)s.DayOfWeek;
        if (mask > 0) Add(fields, "DayOfWeekMask", mask.ToString(CultureInfo.InvariantCulture));
        if (ordinal is not null) Add(fields, "Instance", ordinal == "-1" ? "5" : ordinal.TrimStart('+'));
        if (type is 2 or 5) Add(fields, "DayOfMonth", parts.GetValueOrDefault("BYMONTHDAY", start?.Day.ToString(CultureInfo.InvariantCulture) ?? "1"));
        if (type is 5 or 6) Add(fields, "MonthOfYear", parts.GetValueOrDefault("BYMONTH", start?.Month.ToString(CultureInfo.InvariantCulture) ?? "1"));
        if (Resolve(item, "DTSTART") is { } first) Add(fields, "PatternStartDate", first.ToString());
        if (parts.TryGetValue("COUNT", out var count))
        {
            Add(fields, "NoEndDate", "0");
            Add(fields, "Occurrences", count);
        }
        else if (parts.TryGetValue("UNTIL", out var until))
        {
            Add(fields, "NoEndDate", "0");
            Add(fields, "PatternEndDate", until);
        }
        else
        {
            Add(fields, "NoEndDate", "1");
        }
        var exdates = item.ExceptionDates;
        if (exdates.Count > 0)
        {
            var xml = string.Concat(exdates.Select(x => "<ExcludeDate>" + Text(x, x.Kind == PimTimeKind.Date) + "</ExcludeDate>"));
            fields.Add(("Exceptions", xml, true));
        }
    }

    [GeneratedRegex("<ExcludeDate>([^<]*)</ExcludeDate>")]
    private static partial Regex ExcludeDate();
}
