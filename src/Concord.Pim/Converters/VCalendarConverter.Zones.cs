using Concord.Pim.Documents;

namespace Concord.Pim.Converters;

public static partial class VCalendarConverter
{
    private const string ZonePrefix = "/concord/vcalendar/";

    // vCalendar 1.0 §2.1.4: TZ is the standard offset; each DAYLIGHT line one summer (TRUE;offset;start;end;
    // standard name;daylight name, as in its example "EST;EDT"). In iCalendar each becomes a DAYLIGHT and a STANDARD
    // onset.
    private static PimComponent? BuildVTimeZone(PimProperty tz, List<PimProperty> daylights)
    {
        if (!TimeZoneRules.TryOffset(tz.Value, out var standard)) return null;
        var vtimezone = new PimComponent("VTIMEZONE");
        var id = ZonePrefix + TimeZoneRules.FormatOffset(standard);
        var first = true;
        foreach (var line in daylights)
        {
            var parts = line.Value.Split(';');
            if (parts.Length < 4 || !parts[0].Trim().Equals("TRUE", StringComparison.OrdinalIgnoreCase)) continue;
            if (!TimeZoneRules.TryOffset(parts[1], out var summer)) continue;
            if (!PimDateTime.TryParse(parts[2], out var begin) || !PimDateTime.TryParse(parts[3], out var end)) continue;
            if (first) id += "/" + TimeZoneRules.FormatOffset(summer);
            first = false;
            // Onsets are local times in the offset before the change.
            var beginLocal = begin.Kind == PimTimeKind.Utc ? begin.Value + standard : begin.Value;
            var endLocal = end.Kind == PimTimeKind.Utc ? end.Value + summer : end.Value;
            vtimezone.Components.Add(Observance("DAYLIGHT", beginLocal, standard, summer, parts.Length > 5 ? parts[5] : null));
            vtimezone.Components.Add(Observance("STANDARD", endLocal, summer, standard, parts.Length > 4 ? parts[4] : null));
        }
        if (vtimezone.Components.Count == 0) vtimezone.Components.Add(Observance("STANDARD", new DateTime(1970, 1, 1), standard, standard, null));
        vtimezone.Properties.Insert(0, new PimProperty("TZID", id));
        return vtimezone;
    }

    private static PimComponent Observance(string name, DateTime onset, TimeSpan from, TimeSpan to, string? tzName)
    {
        var c = new PimComponent(name);
        c.Properties.Add(new PimProperty("DTSTART", PimDateTime.Local(onset).ToString()));
        c.Properties.Add(new PimProperty("TZOFFSETFROM", TimeZoneRules.FormatOffset(from)));
        c.Properties.Add(new PimProperty("TZOFFSETTO", TimeZoneRules.FormatOffset(to)));
        if (!string.IsNullOrEmpty(tzName)) c.Properties.Add(new PimProperty("TZNAME", tzName));
        return c;
    }

    // TZ and one DAYLIGHT line per summer in the years the items span (up to 10; an open-ended rule gets 5).
    private static void AddTzAndDaylight(PimComponent result, TimeZoneRules zone, PimComponent calendar, List<PimComponent> items)
    {
        result.Properties.Add(new PimProperty("TZ", TimeZoneRules.FormatOffset(zone.StandardOffset, colon: true)));
        var years = new SortedSet<int>();
        foreach (var item in items)
        {
            if (!PimDateTime.TryParse(item.Find("DTSTART")?.Value ?? "", out var start)) continue;
            var last = start.Value.Year;
            if (item.Find("RRULE") is { } rrule && VCalendarRecurrence.Parts(rrule.Value) is { } parts)
            {
                last = parts.TryGetValue("UNTIL", out var until) && PimDateTime.TryParse(until, out var u) ? u.Value.Year
                    : parts.ContainsKey("COUNT") ? start.Value.Year + 1 : start.Value.Year + 4;
            }
            for (var y = start.Value.Year; y <= Math.Min(last, start.Value.Year + 9); y++) years.Add(y);
        }
        if (years.Count == 0)
        {
            foreach (var v in calendar.Children("VTIMEZONE").SelectMany(v => v.Components))
            {
                if (PimDateTime.TryParse(v.Find("DTSTART")?.Value ?? "", out var onset) && v.Find("RRULE") is null) years.Add(onset.Value.Year);
            }
        }
        foreach (var year in years)
        {
            var transitions = zone.Transitions(year).Concat(zone.Transitions(year + 1)).ToList();
            for (var i = 0; i < transitions.Count; i++)
            {
                var begin = transitions[i];
                if (!begin.Daylight || begin.Utc.Year != year) continue;
                var end = transitions.Skip(i + 1).FirstOrDefault(t => !t.Daylight);
                if (end == default) continue;
                var line = string.Join(';', "TRUE", TimeZoneRules.FormatOffset(begin.To, colon: true),
                    PimDateTime.Utc(begin.Utc).ToString(), PimDateTime.Utc(end.Utc).ToString(), end.Name ?? "", begin.Name ?? "");
                result.Properties.Add(new PimProperty("DAYLIGHT", line));
            }
        }
    }
}
