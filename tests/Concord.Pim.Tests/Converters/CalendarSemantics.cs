using Concord.Pim.Converters;
using Concord.Pim.Documents;

namespace Concord.Pim.Tests.Converters;

/// <summary>
/// What a vCalendar 1.0 or iCalendar 2.0 item says, independent of format: instants in UTC, all-day dates,
/// recurrence rules as parts, alarms as offsets from the start, attendees as (role, address, name, status, rsvp),
/// status and transparency in 2.0 words, lists as sets, text unescaped. Property order, encodings and time zone
/// definitions are how, not what.
/// </summary>
internal static class CalendarSemantics
{
    public static List<string> Of(PimComponent calendar)
    {
        var format = calendar.Format;
        var zones = new Dictionary<string, TimeZoneRules>();
        foreach (var v in calendar.Children("VTIMEZONE"))
        {
            if (v.Find("TZID")?.Value is { } id && TimeZoneRules.FromVTimeZone(v) is { } r) zones[id] = r;
        }
        var lines = new List<string>();
        foreach (var p in calendar.Properties)
        {
            if (p.Name.ToUpperInvariant() is not ("VERSION" or "PRODID" or "TZ" or "DAYLIGHT")) lines.Add("CAL " + p.Name + ":" + p.Value);
        }
        var items = calendar.Components.Where(c => !c.NameIs("VTIMEZONE")).ToList();
        // EXDATEs that name a detached exception are how 1.0 says "replaced", not what the item says.
        var replaced = items.Where(c => c.Find("RECURRENCE-ID") is not null)
            .Select(c => c.Find("UID")?.Value + " EXDATE " + Instant(c.Find("RECURRENCE-ID"), zones)).ToHashSet();
        foreach (var item in items)
        {
            var rid = item.Find("RECURRENCE-ID") is { } r ? Instant(r, zones) : "";
            var prefix = item.Name.ToUpperInvariant() + " " + item.Find("UID")?.Value + " " + rid + " ";
            foreach (var line in OfItem(item, format, zones))
            {
                if (!replaced.Contains(item.Find("UID")?.Value + " " + line)) lines.Add(prefix + line);
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static List<string> OfItem(PimComponent item, PimFormat format, Dictionary<string, TimeZoneRules> zones)
    {
        var lines = new List<string>();
        var start = Instant(item.Find("DTSTART"), zones);
        var allDay = start.StartsWith("D:", StringComparison.Ordinal) || (start.StartsWith("L:", StringComparison.Ordinal) && start.EndsWith("T000000", StringComparison.Ordinal)
            && Instant(item.Find("DTEND"), zones) is var e && e.StartsWith("L:", StringComparison.Ordinal) && (e.EndsWith("T000000", StringComparison.Ordinal) || e.EndsWith("T235900", StringComparison.Ordinal)));
        string Day(string instant) => allDay ? "D:" + instant[2..10] : instant;
        foreach (var p in item.Properties)
        {
            var name = p.Name.ToUpperInvariant();
            switch (name)
            {
                case "DTSTART" or "DTEND" or "DUE" or "RECURRENCE-ID":
                    lines.Add(name + " " + (name == "DUE" ? Instant(p, zones) : Day(Instant(p, zones))));
                    break;
                case "DURATION" when item.Find("DTEND") is null && PimDuration.TryParse(p.Value, out var d) && PimDateTime.TryParse(item.Find("DTSTART")!.Value, out var s):
                    lines.Add("DTEND " + Day(Instant(new PimProperty("DTEND", (s with { Value = s.Value + d }).ToString(), item.Find("DTSTART")!.Parameters), zones)));
                    break;
                case "EXDATE" or "RDATE":
                    foreach (var v in p.Value.Split([',', ';'])) lines.Add(name + " " + Day(Instant(new PimProperty(name, v, p.Parameters), zones)));
                    break;
                case "DCREATED" or "CREATED":
                    lines.Add("CREATED " + Instant(p, zones));
                    break;
                case "RRULE" or "X-CONCORD-RRULE":
                    var rule = format == PimFormat.VCalendar10 && name == "RRULE" ? VCalendarRecurrence.ToICalendar(p.Value, allDay) : p.Value;
                    var parts = VCalendarRecurrence.Parts(rule)!;
                    parts.Remove("WKST");
                    parts.TryAdd("INTERVAL", "1");
                    if (parts.TryGetValue("UNTIL", out var until)) parts["UNTIL"] = until[..8];
                    lines.Add("RRULE " + string.Join(";", parts.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => x.Key + "=" + string.Join(",", x.Value.Split(',').Order(StringComparer.Ordinal)))));
                    break;
                case "AALARM" or "DALARM" or "MALARM" or "PALARM":
                    var a = PimText.Split(p.Value, format);
                    string At(int i) => i < a.Count ? a[i] : "";
                    var action = name switch { "AALARM" => "AUDIO", "DALARM" => "DISPLAY", "MALARM" => "EMAIL", _ => "PROCEDURE" };
                    lines.Add($"ALARM {action} {Offset(Instant(new PimProperty("X", At(0)), zones), start)} {At(1)} {(At(2) is "" or "0" ? "" : At(2))} {At(3)}");
                    break;
                case "ATTENDEE" or "ORGANIZER":
                    lines.Add(Person(p, format));
                    break;
                case "STATUS":
                    lines.Add("STATUS " + p.Value.Trim().ToUpperInvariant().Replace("NEEDS ACTION", "NEEDS-ACTION", StringComparison.Ordinal).Replace("DECLINED", "CANCELLED", StringComparison.Ordinal));
                    break;
                case "TRANSP":
                    lines.Add("TRANSP " + (p.Value.Trim() switch { "0" => "OPAQUE", "1" => "TRANSPARENT", var t => t.ToUpperInvariant() }));
                    break;
                case "CATEGORIES" or "RESOURCES":
                    var items = format.IsOld() ? PimText.Split(p.Value, format) : PimText.Split(p.Value, format, ',');
                    lines.AddRange(items.Select(i => name + " " + i));
                    break;
                default:
                    var text = name is "SUMMARY" or "DESCRIPTION" or "LOCATION" or "COMMENT" || name.StartsWith("X-", StringComparison.Ordinal) ? PimText.Unescape(p.Value, format) : p.Value;
                    var ps = p.Parameters.Where(x => !x.Is("ENCODING") && !x.Is("CHARSET")).Select(x => x.ToString());
                    lines.Add(name + ";" + string.Join(";", ps) + ":" + text);
                    break;
            }
        }
        foreach (var alarm in item.Children("VALARM"))
        {
            var trigger = alarm.Find("TRIGGER");
            var offset = trigger is null ? "" : PimDuration.TryParse(trigger.Value, out var t) ? ((int)t.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : Offset(Instant(trigger, zones), start);
            var action = alarm.Find("ACTION")?.Value.ToUpperInvariant();
            var content = action switch
            {
                "DISPLAY" => PimText.Unescape(alarm.Find("DESCRIPTION")?.Value ?? "", PimFormat.ICalendar20),
                "EMAIL" => alarm.Find("ATTENDEE")?.Value.Replace("mailto:", "", StringComparison.OrdinalIgnoreCase) ?? "",
                _ => alarm.Find("ATTACH")?.Value ?? "",
            };
            lines.Add($"ALARM {action} {offset} {alarm.Find("DURATION")?.Value} {alarm.Find("REPEAT")?.Value} {content}");
        }
        return lines;
    }

    private static string Person(PimProperty p, PimFormat format)
    {
        string? role = p.NameIs("ORGANIZER") ? "ORGANIZER" : null, cn = p.Param("CN"), status = null, rsvp = null;
        var value = PimText.Unescape(p.Value, format).Trim();
        if (value.LastIndexOf('<') is var lt and >= 0 && value.EndsWith('>'))
        {
            cn = value[..lt].Trim();
            value = value[(lt + 1)..^1];
        }
        var others = new List<string>();
        foreach (var x in p.Parameters)
        {
            var v = x.Unquoted.ToUpperInvariant();
            if (x.Is("ROLE")) role = v switch { "ORGANIZER" => "ORGANIZER", "OWNER" or "CHAIR" => "CHAIR", "ATTENDEE" => role, _ => v };
            else if (x.Is("EXPECT")) role = v switch { "REQUIRE" or "IMMEDIATE" => "REQ-PARTICIPANT", "REQUEST" => "OPT-PARTICIPANT", "FYI" => "NON-PARTICIPANT", _ => v };
            else if (x.Is("STATUS") || x.Is("PARTSTAT")) status = v.Replace(' ', '-');
            else if (x.Is("RSVP")) rsvp = v is "YES" or "TRUE" ? "TRUE" : "FALSE";
            else if (!x.Is("CN") && !x.Is("ENCODING") && !x.Is("CHARSET")) others.Add(x.ToString());
        }
        if (role == "ORGANIZER") status = null;
        return $"PERSON {role} {value.Replace("mailto:", "", StringComparison.OrdinalIgnoreCase).ToLowerInvariant()} {cn} {status} {rsvp} {string.Join(";", others.Order(StringComparer.Ordinal))}";
    }

    // U: UTC instant, D: date, L: floating local time.
    private static string Instant(PimProperty? p, Dictionary<string, TimeZoneRules> zones)
    {
        if (p is null || !PimDateTime.TryParse(p.Value, out var d)) return "?" + p?.Value;
        if (d.Kind == PimTimeKind.Date) return "D:" + d;
        if (d.Kind == PimTimeKind.Utc) return "U:" + d;
        var tzid = p.Param("TZID");
        var rules = tzid is null ? null : zones.GetValueOrDefault(tzid) ?? TimeZoneRules.FromTzdb(tzid);
        return rules is null ? "L:" + d : "U:" + PimDateTime.Utc(rules.ToUtc(d.Value));
    }

    private static string Offset(string instant, string start)
    {
        if (instant.Length < 17 || start.Length < 10 || instant[0] != start[0] && start[0] != 'D') return instant;
        var i = PimDateTime.TryParse(instant.AsSpan(2), out var a) ? a.Value : default;
        var s = PimDateTime.TryParse(start.AsSpan(2), out var b) ? b.Value : default;
        return ((int)(i - s).TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
