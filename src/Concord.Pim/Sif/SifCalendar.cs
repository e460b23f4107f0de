using System.Globalization;
using Concord.Pim.Converters;
using Concord.Pim.Documents;
using Concord.Pim.Models;

namespace Concord.Pim.Sif;

/// <summary>
/// SIF-E (text/x-s4j-sife), SIF-T (text/x-s4j-sift) and SIF-N (text/x-s4j-sifn): events, tasks and notes of the
/// Funambol Outlook and Windows Mobile clients, with Outlook's recurrence fields mapped to and from RRULE.
/// </summary>
public static partial class SifCalendar
{
    /// <summary>The MIME type of SIF events.</summary>
    public const string EventType = "text/x-s4j-sife";

    /// <summary>The MIME type of SIF tasks.</summary>
    public const string TaskType = "text/x-s4j-sift";

    /// <summary>The MIME type of SIF notes.</summary>
    public const string NoteType = "text/x-s4j-sifn";

    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "Subject", "Body", "Location", "Categories", "Sensitivity", "Importance", "ReminderSet", "ReminderMinutesBeforeStart",
        "IsRecurring", "RecurrenceType", "Interval", "DayOfWeekMask", "DayOfMonth", "Instance", "MonthOfYear",
        "PatternStartDate", "PatternEndDate", "NoEndDate", "Occurrences", "Exceptions",
    };

    /// <summary>Reads a SIF-E event.</summary>
    /// <exception cref="PimFormatException">The XML is malformed or not an appointment.</exception>
    public static CalendarEvent ReadEvent(string xml)
    {
        var sif = SifDocument.Read(xml, "appointment");
        var e = new CalendarEvent();
        var allDay = sif["AllDayEvent"] is "1" or "True" or "true";
        ReadCommon(sif, e);
        if (Date(sif["Start"]) is { } start) e.Start = allDay ? PimDateTime.Date(start.Value) : start;
        // SIF's all-day End is the last day; iCalendar's DTEND is the day after.
        if (Date(sif["End"]) is { } end) e.End = allDay ? PimDateTime.Date(end.Value.Date.AddDays(1)) : end;
        if (sif["BusyStatus"] is { } busy)
        {
            e.Busy = busy != "0";
            if (busy is "1" or "3") e.SetRaw("X-MICROSOFT-CDO-BUSYSTATUS", busy == "1" ? "TENTATIVE" : "OOF");
        }
        ReadRecurrence(sif, e);
        e.Component.Properties.AddRange(sif.Unmapped(new HashSet<string>(Common) { "Start", "End", "AllDayEvent", "BusyStatus" }));
        return e;
    }

    /// <summary>Writes an event as SIF-E; times in UTC, all-day events as dates.</summary>
    public static string WriteEvent(CalendarEvent calendarEvent)
    {
        ArgumentNullException.ThrowIfNull(calendarEvent);
        var fields = new List<(string, string, bool)>();
        WriteCommon(calendarEvent, fields);
        var allDay = calendarEvent.AllDay;
        Add(fields, "AllDayEvent", allDay ? "1" : "0");
        if (Resolve(calendarEvent, "DTSTART") is { } start) Add(fields, "Start", Text(start, allDay));
        if (Resolve(calendarEvent, "DTEND") is { } end) Add(fields, "End", Text(allDay ? end with { Value = end.Value.AddDays(-1) } : end, allDay));
        var cdo = calendarEvent.Component.Find("X-MICROSOFT-CDO-BUSYSTATUS")?.Value.ToUpperInvariant();
        Add(fields, "BusyStatus", cdo == "TENTATIVE" ? "1" : cdo == "OOF" ? "3" : calendarEvent.Busy ? "2" : "0");
        WriteRecurrence(calendarEvent, fields);
        fields.AddRange(SifDocument.Kept(calendarEvent.Component.Properties, PimFormat.ICalendar20));
        return SifDocument.Write("appointment", fields);
    }

    /// <summary>Reads a SIF-T task.</summary>
    /// <exception cref="PimFormatException">The XML is malformed or not a task.</exception>
    public static CalendarTask ReadTask(string xml)
    {
        var sif = SifDocument.Read(xml, "task");
        var t = new CalendarTask();
        ReadCommon(sif, t);
        if (Date(sif["StartDate"]) is { } start) t.Start = start;
        if (Date(sif["DueDate"]) is { } due) t.Due = due;
        if (Date(sif["DateCompleted"]) is { } done) t.Completed = done;
        if (sif["PercentComplete"] is { } percent && int.TryParse(percent, CultureInfo.InvariantCulture, out var p)) t.PercentComplete = p;
        t.Status = sif["Status"] switch
        {
            "1" => "IN-PROCESS",
            "2" => "COMPLETED",
            "4" => "CANCELLED",
            "0" or "3" => "NEEDS-ACTION",
            _ => sif["Complete"] is "1" or "True" or "true" ? "COMPLETED" : null,
        };
        if (sif["Status"] == "3") t.SetRaw("X-SIF-Status", "3");
        ReadRecurrence(sif, t);
        t.Component.Properties.AddRange(sif.Unmapped(new HashSet<string>(Common) { "StartDate", "DueDate", "DateCompleted", "PercentComplete", "Status", "Complete" }));
        return t;
    }

    /// <summary>Writes a task as SIF-T.</summary>
    public static string WriteTask(CalendarTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var fields = new List<(string, string, bool)>();
        WriteCommon(task, fields);
        if (Resolve(task, "DTSTART") is { } start) Add(fields, "StartDate", Text(start, start.Kind == PimTimeKind.Date));
        if (Resolve(task, "DUE") is { } due) Add(fields, "DueDate", Text(due, due.Kind == PimTimeKind.Date));
        if (task.Completed is { } done) Add(fields, "DateCompleted", done.ToString());
        if (task.PercentComplete is { } percent) Add(fields, "PercentComplete", percent.ToString(CultureInfo.InvariantCulture));
        var status = task.Status?.ToUpperInvariant();
        Add(fields, "Complete", status == "COMPLETED" ? "1" : "0");
        if (task.Component.Find("X-SIF-Status") is null && status is not null)
        {
            Add(fields, "Status", status switch { "IN-PROCESS" => "1", "COMPLETED" => "2", "CANCELLED" => "4", _ => "0" });
        }
        WriteRecurrence(task, fields);
        fields.AddRange(SifDocument.Kept(task.Component.Properties, PimFormat.ICalendar20));
        return SifDocument.Write("task", fields);
    }

    /// <summary>Reads a SIF-N note.</summary>
    /// <exception cref="PimFormatException">The XML is malformed or not a note.</exception>
    public static Note ReadNote(string xml)
    {
        var sif = SifDocument.Read(xml, "note");
        var n = new Note { Summary = sif["Subject"], Body = sif["Body"] };
        if (sif["Categories"] is { } categories) n.Categories = categories.Split([',', ';'], StringSplitOptions.TrimEntries);
        n.Component.Properties.AddRange(sif.Unmapped(new HashSet<string>(StringComparer.Ordinal) { "Subject", "Body", "Categories" }));
        return n;
    }

    /// <summary>Writes a note as SIF-N.</summary>
    public static string WriteNote(Note note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var fields = new List<(string, string, bool)>();
        Add(fields, "Subject", note.Summary);
        Add(fields, "Body", note.Body);
        if (note.Categories.Count > 0) Add(fields, "Categories", string.Join(',', note.Categories));
        fields.AddRange(SifDocument.Kept(note.Component.Properties, PimFormat.ICalendar20));
        return SifDocument.Write("note", fields);
    }

    /// <summary>CLASS for an Outlook Sensitivity: 0 normal, 1 personal, 2 private, 3 confidential.</summary>
    public static string ClassOf(string sensitivity) => sensitivity.Trim() switch
    {
        "2" => "PRIVATE",
        "3" => "CONFIDENTIAL",
        "1" => "X-PERSONAL",
        _ => "PUBLIC",
    };

    /// <summary>The Outlook Sensitivity for a CLASS.</summary>
    public static string SensitivityOf(string cls) => cls.Trim().ToUpperInvariant() switch
    {
        "PRIVATE" => "2",
        "CONFIDENTIAL" => "3",
        "X-PERSONAL" => "1",
        _ => "0",
    };

    private static void ReadCommon(SifDocument sif, CalendarItem item)
    {
        item.Summary = sif["Subject"];
        item.Description = sif["Body"];
        item.Location = sif["Location"];
        if (sif["Categories"] is { } categories) item.Categories = categories.Split([',', ';'], StringSplitOptions.TrimEntries);
        if (sif["Sensitivity"] is { } sensitivity) item.Class = ClassOf(sensitivity);
        // Outlook Importance 0 low, 1 normal, 2 high; iCalendar PRIORITY 9, 5, 1.
        if (sif["Importance"] is { } importance) item.Priority = importance switch { "0" => 9, "2" => 1, _ => 5 };
        if (sif["ReminderSet"] is "1" or "True" or "true")
        {
            item.ReminderMinutesBefore = int.TryParse(sif["ReminderMinutesBeforeStart"], CultureInfo.InvariantCulture, out var m) ? m : 15;
        }
    }

    private static void WriteCommon(CalendarItem item, List<(string, string, bool)> fields)
    {
        Add(fields, "Subject", item.Summary);
        Add(fields, "Body", item.Description);
        Add(fields, "Location", item.Location);
        if (item.Categories.Count > 0) Add(fields, "Categories", string.Join(',', item.Categories));
        if (item.Class is { } cls) Add(fields, "Sensitivity", SensitivityOf(cls));
        if (item.Priority is { } priority && priority > 0) Add(fields, "Importance", priority <= 4 ? "2" : priority >= 6 ? "0" : "1");
        var reminder = item.ReminderMinutesBefore;
        Add(fields, "ReminderSet", reminder is null ? "0" : "1");
        if (reminder is { } r) Add(fields, "ReminderMinutesBeforeStart", r.ToString(CultureInfo.InvariantCulture));
    }

    private static void Add(List<(string, string, bool)> fields, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) fields.Add((name, value, false));
    }

    private static PimDateTime? Date(string? text) => text is not null && PimDateTime.TryParse(text, out var d) ? d : null;

    private static string Text(PimDateTime value, bool asDate) =>
        asDate ? value.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value.ToString();

    // A zoned time in UTC, by the item's VTIMEZONE or the tz database.
    private static PimDateTime? Resolve(CalendarItem item, string name)
    {
        if (item.Component.Find(name) is not { } p || !PimDateTime.TryParse(p.Value, out var value)) return null;
        if (value.Kind != PimTimeKind.Local || p.Param("TZID") is not { } tzid) return value;
        var vtimezone = item.Calendar.Children("VTIMEZONE").FirstOrDefault(v => v.Find("TZID")?.Value == tzid);
        var rules = (vtimezone is null ? null : TimeZoneRules.FromVTimeZone(vtimezone)) ?? TimeZoneRules.FromTzdb(tzid);
        return rules is null ? value : PimDateTime.Utc(rules.ToUtc(value.Value));
    }
}
