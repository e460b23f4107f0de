using Concord.Pim.ContentLines;
using Concord.Pim.Documents;

namespace Concord.Pim.Converters;

/// <summary>
/// Converts between vCalendar 1.0 and iCalendar 2.0: the 1.0 recurrence grammar and RRULE, AALARM/DALARM/MALARM/
/// PALARM and VALARM, TZ/DAYLIGHT and VTIMEZONE, all-day events, floating, zoned and UTC times, RECURRENCE-ID
/// exceptions and EXDATE lists, attendees and organizer, status values, list and text escaping. What has no place
/// in the target is copied as written, so a round trip loses nothing the target format can carry.
/// </summary>
public static partial class VCalendarConverter
{
    private static readonly HashSet<string> TextProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "CONTACT",
    };

    private static readonly HashSet<string> ListProperties = new(StringComparer.OrdinalIgnoreCase) { "CATEGORIES", "RESOURCES" };

    private static readonly HashSet<string> Items = new(StringComparer.OrdinalIgnoreCase) { "VEVENT", "VTODO", "VJOURNAL" };

    /// <summary>A copy of <paramref name="calendar"/> (a VCALENDAR) in <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentException">The item is not a VCALENDAR or the target is not a calendar format.</exception>
    /// <exception cref="PimFormatException">A value cannot be read (a recurrence rule, a date).</exception>
    public static PimComponent Convert(PimComponent calendar, PimFormat target)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var source = calendar.Format;
        if (source is not (PimFormat.VCalendar10 or PimFormat.ICalendar20)) throw new ArgumentException(Errors.WrongComponent("vCalendar", calendar.Name), nameof(calendar));
        if (target is not (PimFormat.VCalendar10 or PimFormat.ICalendar20)) throw new ArgumentException(Errors.WrongComponent("calendar format", target.ToString()), nameof(target));
        if (source == target) return calendar.Clone();
        return target == PimFormat.ICalendar20 ? From10(calendar) : To10(calendar);
    }

    private static PimComponent From10(PimComponent calendar)
    {
        var result = new PimComponent(calendar.Name);
        string? tzid = null;
        TimeZoneRules? zone = null;
        if (calendar.Find("TZ") is { } tz && BuildVTimeZone(tz, calendar.FindAll("DAYLIGHT").ToList()) is { } vtimezone)
        {
            tzid = vtimezone.Find("TZID")!.Value;
            zone = TimeZoneRules.FromVTimeZone(vtimezone);
            result.Components.Add(vtimezone);
        }
        foreach (var p in calendar.Properties)
        {
            if (p.NameIs("VERSION")) result.Properties.Add(new PimProperty(p.Name, "2.0", p.Parameters, p.Group));
            else if (!p.NameIs("TZ") && !p.NameIs("DAYLIGHT")) result.Properties.Add(Plain(p, PimFormat.VCalendar10, PimFormat.ICalendar20));
        }
        foreach (var c in calendar.Components)
        {
            result.Components.Add(Items.Contains(c.Name) ? ItemFrom10(c, tzid, zone) : c.Clone());
        }
        // An EXDATE that names a detached exception's RECURRENCE-ID was added for 1.0 devices: iCalendar needs none.
        foreach (var exception in result.Components.Where(c => c.Find("RECURRENCE-ID") is not null).ToList())
        {
            var rid = exception.Find("RECURRENCE-ID")!.Value;
            foreach (var exdate in MasterOf(result, exception)?.FindAll("EXDATE").ToList() ?? [])
            {
                var values = exdate.Value.Split(',').Where(v => v != rid).ToList();
                if (values.Count == 0) MasterOf(result, exception)!.Properties.Remove(exdate);
                else exdate.Value = string.Join(',', values);
            }
        }
        return result;
    }

    private static PimComponent ItemFrom10(PimComponent item, string? tzid, TimeZoneRules? zone)
    {
        var result = new PimComponent(item.Name);
        var allDay = item.NameIs("VEVENT") && IsAllDay10(item);
        var start = Date(item.Find("DTSTART"));
        if (allDay && start is { } s0) start = PimDateTime.Date(s0.Value);
        foreach (var p in item.Properties)
        {
            var name = p.Name.ToUpperInvariant();
            switch (name)
            {
                case "DTSTART" or "DTEND" or "DUE" or "RECURRENCE-ID":
                    result.Properties.Add(DateFrom10(p, allDay && name != "DUE", name == "DTEND" ? start : null, tzid));
                    break;
                case "EXDATE" or "RDATE":
                    var values = p.Value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var converted = values.Select(v => DateFrom10(new PimProperty(name, v), allDay, null, tzid)).ToList();
                    if (converted.Count == 0) break;
                    var first = converted[0];
                    first.Value = string.Join(',', converted.Select(x => x.Value));
                    result.Properties.Add(first);
                    break;
                case "DCREATED" or "CREATED" or "COMPLETED" or "LAST-MODIFIED":
                    // Kept as written: RFC 5545 wants UTC here, and a local value is the client's, not ours to shift.
                    result.Properties.Add(new PimProperty(name == "DCREATED" ? "CREATED" : p.Name, p.Value, Keep(p), p.Group));
                    break;
                case "RRULE":
                    result.Properties.Add(new PimProperty(p.Name, VCalendarRecurrence.ToICalendar(p.Value, allDay), null, p.Group));
                    break;
                case "AALARM" or "DALARM" or "PALARM" or "MALARM":
                    result.Components.Add(AlarmFrom10(p, start, zone));
                    break;
                case "ATTENDEE":
                    result.Properties.Add(AttendeeFrom10(p));
                    break;
                case "STATUS":
                    result.Properties.Add(new PimProperty(p.Name, StatusFrom10(p.Value), Keep(p), p.Group));
                    break;
                case "TRANSP":
                    var transp = p.Value.Trim() switch { "0" => "OPAQUE", var t when t.Length > 0 && t.All(char.IsAsciiDigit) => "TRANSPARENT", var t => t };
                    result.Properties.Add(new PimProperty(p.Name, transp, Keep(p), p.Group));
                    break;
                case "X-CONCORD-RRULE":
                    if (!item.Properties.Any(x => x.NameIs("RRULE"))) result.Properties.Add(new PimProperty("RRULE", p.Value));
                    break;
                default:
                    result.Properties.Add(Plain(p, PimFormat.VCalendar10, PimFormat.ICalendar20));
                    break;
            }
        }
        foreach (var c in item.Components) result.Components.Add(c.Clone());
        return result;
    }

    // vCalendar 1.0 has no all-day flag: an event from local midnight to local midnight (or 23:59), a date-only
    // start, or the X- flags Funambol and Outlook write, is one.
    private static bool IsAllDay10(PimComponent item)
    {
        var flag = item.Find("X-FUNAMBOL-ALLDAY")?.Value ?? item.Find("X-MICROSOFT-CDO-ALLDAYEVENT")?.Value;
        if (flag is not null && (flag.Trim() == "1" || flag.Trim().Equals("TRUE", StringComparison.OrdinalIgnoreCase))) return true;
        if (Date(item.Find("DTSTART")) is not { } start) return false;
        if (start.Kind == PimTimeKind.Date) return true;
        if (start.Kind != PimTimeKind.Local || start.Value.TimeOfDay != TimeSpan.Zero) return false;
        if (Date(item.Find("DTEND")) is not { } end || end.Kind == PimTimeKind.Utc) return false;
        var t = end.Value.TimeOfDay;
        return end.Kind == PimTimeKind.Date || t == TimeSpan.Zero || t >= new TimeSpan(23, 59, 0);
    }

    private static PimProperty DateFrom10(PimProperty p, bool allDay, PimDateTime? start, string? tzid)
    {
        if (!PimDateTime.TryParse(p.Value, out var value)) return Plain(p, PimFormat.VCalendar10, PimFormat.ICalendar20);
        var result = new PimProperty(p.Name, value.ToString(), Keep(p).Where(x => !x.Is("VALUE") && !x.Is("TZID")), p.Group);
        if (allDay)
        {
            var date = value.Value.Date;
            if (start is not null && (value.Value.TimeOfDay >= new TimeSpan(23, 59, 0) || date <= start.Value.Value)) date = date.AddDays(1);
            result.Value = PimDateTime.Date(date).ToString();
            result.Parameters.Insert(0, new PimParameter("VALUE", "DATE"));
        }
        else if (value.Kind == PimTimeKind.Date)
        {
            result.Parameters.Insert(0, new PimParameter("VALUE", "DATE"));
        }
        else if (value.Kind == PimTimeKind.Local && tzid is not null)
        {
            result.Parameters.Insert(0, PimParameter.Quoting("TZID", tzid));
        }
        return result;
    }

    private static PimComponent? MasterOf(PimComponent calendar, PimComponent exception)
    {
        var uid = exception.Find("UID")?.Value;
        return uid is null ? null : calendar.Components.Find(c => c != exception && c.NameIs(exception.Name)
            && c.Find("UID")?.Value == uid && c.Find("RECURRENCE-ID") is null);
    }

    private static PimDateTime? Date(PimProperty? p) =>
        p is not null && PimDateTime.TryParse(p.Value, out var d) ? d : null;

    // Parameters that survive a change of format: transfer encodings and charsets go, since values are decoded.
    private static IEnumerable<PimParameter> Keep(PimProperty p) =>
        p.Parameters.Where(x => !x.Is("CHARSET") && !(x.Is("ENCODING") && !x.Unquoted.Equals("BASE64", StringComparison.OrdinalIgnoreCase)
            && !x.Unquoted.Equals("B", StringComparison.OrdinalIgnoreCase)) && !(x.Value is null && PimProperty.IsEncodingWord(x.Name)));

    // Text and list values change their escaping; 1.0 separates lists with ';', 2.0 with ','.
    private static PimProperty Plain(PimProperty p, PimFormat from, PimFormat to)
    {
        var value = p.Value;
        if (ListProperties.Contains(p.Name))
        {
            var items = from.IsOld() ? PimText.Split(value, from) : PimText.Split(value, from, ',');
            value = string.Join(to.IsOld() ? ";" : ",", items.Select(i => PimText.Escape(i, to)));
        }
        else if (TextProperties.Contains(p.Name) || p.Name.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
        {
            value = PimText.Convert(value, from, to, structured: false);
        }
        var result = new PimProperty(p.Name, value, Keep(p), p.Group);
        if (to.IsOld()) MarkEncoding(result);
        return result;
    }

    // vCalendar 1.0 carries line breaks and 8-bit text in QUOTED-PRINTABLE with a CHARSET, as vCard 2.1 does.
    private static void MarkEncoding(PimProperty p)
    {
        if (p.Encoding != ContentEncoding.None) return;
        var ascii = Charsets.IsAscii(p.Value);
        if (!ascii && p.Param("CHARSET") is null) p.Parameters.Add(new PimParameter("CHARSET", "UTF-8"));
        if (!ascii || p.Value.Contains('\n', StringComparison.Ordinal)) p.Parameters.Add(new PimParameter("ENCODING", "QUOTED-PRINTABLE"));
    }
}
