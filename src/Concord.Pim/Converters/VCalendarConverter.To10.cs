using Concord.Pim.Documents;

namespace Concord.Pim.Converters;

public static partial class VCalendarConverter
{
    private static PimComponent To10(PimComponent calendar)
    {
        var result = new PimComponent(calendar.Name);
        var zones = new Dictionary<string, TimeZoneRules>(StringComparer.Ordinal);
        foreach (var vtimezone in calendar.Children("VTIMEZONE"))
        {
            if (vtimezone.Find("TZID")?.Value is { } id && TimeZoneRules.FromVTimeZone(vtimezone) is { } rules) zones[id] = rules;
        }
        var items = calendar.Components.Where(c => Items.Contains(c.Name)).ToList();
        foreach (var p in calendar.Properties)
        {
            result.Properties.Add(p.NameIs("VERSION") ? new PimProperty(p.Name, "1.0", p.Parameters, p.Group) : Plain(p, PimFormat.ICalendar20, PimFormat.VCalendar10));
        }
        var primary = PrimaryZone(calendar, items, zones);
        if (primary is not null) AddTzAndDaylight(result, primary, calendar, items);
        foreach (var c in calendar.Components)
        {
            if (c.NameIs("VTIMEZONE")) continue;
            result.Components.Add(Items.Contains(c.Name) ? ItemTo10(c, calendar, zones) : c.Clone());
        }
        // RFC 5545 §3.8.4.4: a detached exception replaces its instance; 1.0 devices see that only through EXDATE.
        foreach (var exception in result.Components.Where(c => c.Find("RECURRENCE-ID") is not null).ToList())
        {
            var master = MasterOf(result, exception);
            var rid = exception.Find("RECURRENCE-ID")!.Value;
            if (master is null || master.FindAll("EXDATE").Any(e => e.Value.Split(';').Contains(rid))) continue;
            master.Properties.Add(new PimProperty("EXDATE", rid));
        }
        return result;
    }

    private static PimComponent ItemTo10(PimComponent item, PimComponent calendar, Dictionary<string, TimeZoneRules> zones)
    {
        var result = new PimComponent(item.Name);
        var start = Resolved(item.Find("DTSTART"), calendar, zones);
        var end = Resolved(item.Find("DTEND") ?? item.Find("DUE"), calendar, zones);
        if (end is null && start is not null && item.Find("DURATION") is { } d && PimDuration.TryParse(d.Value, out var length))
        {
            end = start.Value with { Value = start.Value.Value + length };
        }
        foreach (var p in item.Properties)
        {
            var name = p.Name.ToUpperInvariant();
            switch (name)
            {
                case "DTSTART" or "DTEND" or "DUE" or "RECURRENCE-ID":
                    // Only events have the all-day convention of local midnights; a task's date stays a date.
                    result.Properties.Add(DateTo10(p, p.Value, calendar, zones, datesStay: !item.NameIs("VEVENT")));
                    break;
                case "DURATION" when item.NameIs("VEVENT") && end is not null && item.Find("DTEND") is null:
                    result.Properties.Add(new PimProperty("DTEND", To10Text(end.Value)));
                    break;
                case "EXDATE" or "RDATE":
                    var values = p.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(v => DateTo10(p, v, calendar, zones, datesStay: true).Value);
                    result.Properties.Add(new PimProperty(p.Name, string.Join(';', values), null, p.Group));
                    break;
                case "CREATED":
                    result.Properties.Add(new PimProperty("DCREATED", p.Value, Keep(p), p.Group));
                    break;
                case "RRULE":
                    var rule = VCalendarRecurrence.ToVCalendar(p.Value);
                    result.Properties.Add(rule is null ? new PimProperty("X-CONCORD-RRULE", p.Value) : new PimProperty(p.Name, rule, null, p.Group));
                    break;
                case "ATTENDEE" or "ORGANIZER":
                    result.Properties.Add(AttendeeTo10(p));
                    break;
                case "STATUS":
                    result.Properties.Add(new PimProperty(p.Name, StatusTo10(p.Value), Keep(p), p.Group));
                    break;
                case "TRANSP":
                    var transp = p.Value.Trim().ToUpperInvariant() switch { "OPAQUE" => "0", "TRANSPARENT" => "1", _ => p.Value };
                    result.Properties.Add(new PimProperty(p.Name, transp, Keep(p), p.Group));
                    break;
                default:
                    result.Properties.Add(Plain(p, PimFormat.ICalendar20, PimFormat.VCalendar10));
                    break;
            }
        }
        foreach (var c in item.Components)
        {
            if (c.NameIs("VALARM")) result.Properties.Add(AlarmTo10(c, start, end));
            else result.Components.Add(c.Clone());
        }
        return result;
    }

    // 1.0 times are UTC when the 2.0 time names a zone this converter can resolve; dates become local midnight.
    // EXDATE and RDATE dates stay dates (vCalendar 1.0 readers take them); DTSTART and DTEND become local midnight.
    private static PimProperty DateTo10(PimProperty p, string value, PimComponent calendar, Dictionary<string, TimeZoneRules> zones,
        bool datesStay = false)
    {
        var keep = Keep(p).Where(x => !x.Is("TZID") && !x.Is("VALUE")).ToList();
        if (!PimDateTime.TryParse(value, out var date)) return new PimProperty(p.Name, value, keep, p.Group);
        var resolved = Resolve(date, p.Param("TZID"), calendar, zones);
        return new PimProperty(p.Name, datesStay ? resolved.ToString() : To10Text(resolved), keep, p.Group);
    }

    private static string To10Text(PimDateTime value) =>
        value.Kind == PimTimeKind.Date ? PimDateTime.Local(value.Value).ToString() : value.ToString();

    private static PimDateTime? Resolved(PimProperty? p, PimComponent calendar, Dictionary<string, TimeZoneRules> zones) =>
        p is not null && PimDateTime.TryParse(p.Value, out var d) ? Resolve(d, p.Param("TZID"), calendar, zones) : null;

    private static PimDateTime Resolve(PimDateTime value, string? tzid, PimComponent calendar, Dictionary<string, TimeZoneRules> zones)
    {
        if (value.Kind != PimTimeKind.Local || tzid is null) return value;
        var rules = Rules(tzid, zones);
        return rules is null ? value : PimDateTime.Utc(rules.ToUtc(value.Value));
    }

    private static TimeZoneRules? Rules(string tzid, Dictionary<string, TimeZoneRules> zones)
    {
        if (zones.TryGetValue(tzid, out var rules)) return rules;
        rules = TimeZoneRules.FromTzdb(tzid);
        if (rules is not null) zones[tzid] = rules;
        return rules;
    }

    private static TimeZoneRules? PrimaryZone(PimComponent calendar, List<PimComponent> items, Dictionary<string, TimeZoneRules> zones)
    {
        foreach (var item in items)
        {
            if (item.Find("DTSTART")?.Param("TZID") is { } tzid && Rules(tzid, zones) is { } rules) return rules;
        }
        var defined = calendar.Children("VTIMEZONE").Select(v => v.Find("TZID")?.Value).OfType<string>().ToList();
        return defined.Count == 1 ? zones.GetValueOrDefault(defined[0]) : null;
    }
}
