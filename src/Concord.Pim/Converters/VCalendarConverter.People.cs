using Concord.Pim.Documents;

namespace Concord.Pim.Converters;

public static partial class VCalendarConverter
{
    // vCalendar 1.0 §2.1.9.7 ROLE/EXPECT/STATUS/RSVP against RFC 5545 §3.2.16 ROLE, §3.2.12 PARTSTAT, §3.2.17 RSVP.
    private static readonly (string Expect, string Role)[] Expectations =
    [
        ("REQUIRE", "REQ-PARTICIPANT"), ("REQUEST", "OPT-PARTICIPANT"), ("FYI", "NON-PARTICIPANT"), ("IMMEDIATE", "REQ-PARTICIPANT"),
    ];

    private static PimProperty AttendeeFrom10(PimProperty p)
    {
        var role = p.Param("ROLE")?.ToUpperInvariant();
        var organizer = role == "ORGANIZER";
        var result = new PimProperty(organizer ? "ORGANIZER" : p.Name, "", null, p.Group);
        foreach (var param in Keep(p))
        {
            if (param.Is("ROLE"))
            {
                if (role == "OWNER") result.Parameters.Add(new PimParameter(param.Name, "CHAIR"));
                else if (role is not ("ATTENDEE" or "ORGANIZER")) result.Parameters.Add(param);
            }
            else if (param.Is("EXPECT"))
            {
                var mapped = Expectations.FirstOrDefault(e => e.Expect.Equals(param.Unquoted, StringComparison.OrdinalIgnoreCase)).Role;
                result.Parameters.Add(mapped is null ? param : new PimParameter("ROLE", mapped));
            }
            else if (param.Is("STATUS"))
            {
                if (!organizer) result.Parameters.Add(new PimParameter("PARTSTAT", param.Unquoted.Replace(' ', '-').ToUpperInvariant()));
            }
            else if (param.Is("RSVP"))
            {
                var yes = param.Unquoted.Equals("YES", StringComparison.OrdinalIgnoreCase) || param.Unquoted.Equals("TRUE", StringComparison.OrdinalIgnoreCase);
                result.Parameters.Add(new PimParameter(param.Name, yes ? "TRUE" : "FALSE"));
            }
            else
            {
                result.Parameters.Add(param);
            }
        }
        // "Jane Doe <jane@example.com>" or a bare address.
        var value = PimText.Unescape(p.Value, PimFormat.VCalendar10).Trim();
        var lt = value.LastIndexOf('<');
        var address = value;
        if (lt >= 0 && value.EndsWith('>'))
        {
            address = value[(lt + 1)..^1].Trim();
            var cn = value[..lt].Trim().Trim('"');
            if (cn.Length > 0 && result.Param("CN") is null) result.Parameters.Insert(0, PimParameter.Quoting("CN", cn));
        }
        result.Value = address.Contains('@', StringComparison.Ordinal) && !address.Contains(':', StringComparison.Ordinal) ? "mailto:" + address : address;
        return result;
    }

    private static PimProperty AttendeeTo10(PimProperty p)
    {
        var organizer = p.NameIs("ORGANIZER");
        var result = new PimProperty("ATTENDEE", "", null, p.Group);
        result.Parameters.Add(new PimParameter("ROLE", organizer ? "ORGANIZER" : "ATTENDEE"));
        string? cn = null;
        foreach (var param in Keep(p))
        {
            if (param.Is("CN")) cn = param.Unquoted;
            else if (param.Is("ROLE"))
            {
                var role = param.Unquoted.ToUpperInvariant();
                if (role == "CHAIR") result.Parameters[0] = new PimParameter("ROLE", "OWNER");
                else
                {
                    var expect = Expectations.FirstOrDefault(e => e.Role == role).Expect;
                    result.Parameters.Add(expect is null ? param : new PimParameter("EXPECT", expect));
                }
            }
            else if (param.Is("PARTSTAT"))
            {
                result.Parameters.Add(new PimParameter("STATUS", param.Unquoted.Equals("NEEDS-ACTION", StringComparison.OrdinalIgnoreCase) ? "NEEDS ACTION" : param.Unquoted));
            }
            else if (param.Is("RSVP"))
            {
                result.Parameters.Add(new PimParameter(param.Name, param.Unquoted.Equals("TRUE", StringComparison.OrdinalIgnoreCase) ? "YES" : "NO"));
            }
            else
            {
                result.Parameters.Add(param);
            }
        }
        var address = p.Value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? p.Value[7..] : p.Value;
        result.Value = PimText.Escape(cn is null ? address : cn + " <" + address + ">", PimFormat.VCalendar10);
        MarkEncoding(result);
        return result;
    }

    private static string StatusFrom10(string value) => value.Trim().ToUpperInvariant() switch
    {
        "NEEDS ACTION" => "NEEDS-ACTION",
        "DECLINED" => "CANCELLED",
        _ => value,
    };

    private static string StatusTo10(string value) => value.Trim().ToUpperInvariant() switch
    {
        "NEEDS-ACTION" => "NEEDS ACTION",
        "CANCELLED" => "DECLINED",
        _ => value,
    };

    // vCalendar 1.0 §2.1.9.1: AALARM/DALARM/PALARM/MALARM are RunTime;SnoozeTime;RepeatCount;content[;note].
    private static PimComponent AlarmFrom10(PimProperty p, PimDateTime? start, TimeZoneRules? zone)
    {
        var parts = PimText.Split(p.Value, PimFormat.VCalendar10);
        string Part(int i) => i < parts.Count ? (i < 3 ? parts[i].Trim() : parts[i]) : "";
        var alarm = new PimComponent("VALARM");
        var action = p.Name.ToUpperInvariant() switch { "AALARM" => "AUDIO", "DALARM" => "DISPLAY", "MALARM" => "EMAIL", _ => "PROCEDURE" };
        alarm.Properties.Add(new PimProperty("ACTION", action));
        if (PimDateTime.TryParse(Part(0), out var run))
        {
            if (run.Kind == PimTimeKind.Local && zone is not null) run = PimDateTime.Utc(zone.ToUtc(run.Value));
            var anchor = start;
            if (anchor is { Kind: PimTimeKind.Local } a && zone is not null && run.Kind == PimTimeKind.Utc) anchor = PimDateTime.Utc(zone.ToUtc(a.Value));
            if (anchor is { } s && (s.Kind == run.Kind || (s.Kind == PimTimeKind.Date && run.Kind == PimTimeKind.Local)))
            {
                alarm.Properties.Add(new PimProperty("TRIGGER", PimDuration.Format(run.Value - s.Value)));
            }
            else
            {
                alarm.Properties.Add(new PimProperty("TRIGGER", run.ToString(), [new PimParameter("VALUE", "DATE-TIME")]));
            }
        }
        if (Part(1).Length > 0) alarm.Properties.Add(new PimProperty("DURATION", Part(1)));
        if (Part(2).Length > 0 && Part(2) != "0") alarm.Properties.Add(new PimProperty("REPEAT", Part(2)));
        var content = Part(3);
        switch (action)
        {
            case "DISPLAY":
                alarm.Properties.Add(new PimProperty("DESCRIPTION", PimText.Escape(content, PimFormat.ICalendar20)));
                break;
            case "EMAIL":
                if (content.Length > 0) alarm.Properties.Add(new PimProperty("ATTENDEE", "mailto:" + content));
                alarm.Properties.Add(new PimProperty("DESCRIPTION", PimText.Escape(Part(4), PimFormat.ICalendar20)));
                break;
            default:
                if (content.Length > 0) alarm.Properties.Add(new PimProperty("ATTACH", content));
                break;
        }
        return alarm;
    }

    private static PimProperty AlarmTo10(PimComponent alarm, PimDateTime? start, PimDateTime? end)
    {
        var action = alarm.Find("ACTION")?.Value.Trim().ToUpperInvariant() ?? "DISPLAY";
        var name = action switch { "AUDIO" => "AALARM", "EMAIL" => "MALARM", "PROCEDURE" => "PALARM", _ => "DALARM" };
        var runtime = "";
        if (alarm.Find("TRIGGER") is { } trigger)
        {
            if (PimDuration.TryParse(trigger.Value, out var offset))
            {
                var related = trigger.Param("RELATED")?.Equals("END", StringComparison.OrdinalIgnoreCase) == true ? end : start;
                if (related is { } r) runtime = To10Text(r with { Value = r.Value + offset, Kind = r.Kind == PimTimeKind.Date ? PimTimeKind.Local : r.Kind });
            }
            else if (PimDateTime.TryParse(trigger.Value, out var absolute))
            {
                runtime = absolute.ToString();
            }
        }
        var description = PimText.Unescape(alarm.Find("DESCRIPTION")?.Value ?? "", PimFormat.ICalendar20);
        var content = action switch
        {
            "DISPLAY" => description,
            "EMAIL" => (alarm.Find("ATTENDEE")?.Value ?? "").Replace("mailto:", "", StringComparison.OrdinalIgnoreCase),
            _ => alarm.Find("ATTACH")?.Value ?? "",
        };
        var parts = new List<string> { runtime, alarm.Find("DURATION")?.Value ?? "", alarm.Find("REPEAT")?.Value ?? "0", content };
        if (action == "EMAIL") parts.Add(description);
        var p = new PimProperty(name, string.Join(';', parts.Select((x, i) => i >= 3 ? PimText.Escape(x, PimFormat.VCalendar10) : x)));
        MarkEncoding(p);
        return p;
    }
}
