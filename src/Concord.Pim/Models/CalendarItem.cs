using Concord.Pim.Converters;
using Concord.Pim.Documents;

namespace Concord.Pim.Models;

/// <summary>
/// An event, task or journal note: a typed view over its canonical iCalendar 2.0 VCALENDAR and the item component in
/// it (the master when there are RECURRENCE-ID exceptions). What the typed members do not name stays as it came.
/// </summary>
public abstract class CalendarItem
{
    private protected const PimFormat Canonical = PimFormat.ICalendar20;

    private protected CalendarItem(string componentName)
    {
        Calendar = new PimComponent("VCALENDAR");
        Calendar.Properties.Add(new PimProperty("VERSION", "2.0"));
        Calendar.Properties.Add(new PimProperty("PRODID", "-//Concord//NONSGML Concord//EN"));
        Component = new PimComponent(componentName);
        Calendar.Components.Add(Component);
    }

    private protected CalendarItem(PimComponent calendar, string componentName)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Calendar = calendar.Format == Canonical ? calendar : VCalendarConverter.Convert(calendar, Canonical);
        Component = Calendar.Components.Find(c => c.NameIs(componentName) && c.Find("RECURRENCE-ID") is null)
            ?? Calendar.Components.Find(c => c.NameIs(componentName))
            ?? throw new ArgumentException(Errors.WrongComponent(componentName, calendar.Name), nameof(calendar));
    }

    /// <summary>The iCalendar 2.0 VCALENDAR.</summary>
    public PimComponent Calendar { get; }

    /// <summary>The item component (VEVENT, VTODO, VJOURNAL).</summary>
    public PimComponent Component { get; }

    /// <summary>SUMMARY.</summary>
    public string? Summary { get => Text("SUMMARY"); set => SetText("SUMMARY", value); }

    /// <summary>DESCRIPTION.</summary>
    public string? Description { get => Text("DESCRIPTION"); set => SetText("DESCRIPTION", value); }

    /// <summary>LOCATION.</summary>
    public string? Location { get => Text("LOCATION"); set => SetText("LOCATION", value); }

    /// <summary>UID.</summary>
    public string? Uid { get => Component.Find("UID")?.Value; set => SetRaw("UID", value); }

    /// <summary>CLASS: PUBLIC, PRIVATE, CONFIDENTIAL.</summary>
    public string? Class { get => Component.Find("CLASS")?.Value; set => SetRaw("CLASS", value); }

    /// <summary>PRIORITY, 1 (highest) to 9, 0 undefined.</summary>
    public int? Priority
    {
        get => int.TryParse(Component.Find("PRIORITY")?.Value, out var p) ? p : null;
        set => SetRaw("PRIORITY", value?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>RRULE as written, or null.</summary>
    public string? RecurrenceRule { get => Component.Find("RRULE")?.Value; set => SetRaw("RRULE", value); }

    /// <summary>CATEGORIES, every value of every CATEGORIES property.</summary>
    public IReadOnlyList<string> Categories
    {
        get => [.. Component.FindAll("CATEGORIES").SelectMany(p => PimText.Split(p.Value, Canonical, ','))];
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Component.Remove("CATEGORIES");
            if (value.Count > 0) Component.Properties.Add(new PimProperty("CATEGORIES", PimText.Join(value, Canonical, ',')));
        }
    }

    /// <summary>DTSTART.</summary>
    public PimDateTime? Start { get => Date("DTSTART"); set => SetDate("DTSTART", value); }

    /// <summary>The TZID of DTSTART, or null.</summary>
    public string? StartZone => Component.Find("DTSTART")?.Param("TZID");

    /// <summary>Minutes before the start of the first alarm with a relative trigger, or null.</summary>
    public int? ReminderMinutesBefore
    {
        get
        {
            foreach (var alarm in Component.Children("VALARM"))
            {
                if (alarm.Find("TRIGGER") is { } t && PimDuration.TryParse(t.Value, out var d)) return (int)-d.TotalMinutes;
            }
            return null;
        }
        set
        {
            Component.Components.RemoveAll(c => c.NameIs("VALARM"));
            if (value is not { } minutes) return;
            var alarm = new PimComponent("VALARM");
            alarm.Properties.Add(new PimProperty("ACTION", "DISPLAY"));
            alarm.Properties.Add(new PimProperty("TRIGGER", PimDuration.Format(TimeSpan.FromMinutes(-minutes))));
            alarm.Properties.Add(new PimProperty("DESCRIPTION", Component.Find("SUMMARY")?.Value ?? ""));
            Component.Components.Add(alarm);
        }
    }

    /// <summary>The EXDATE values.</summary>
    public IReadOnlyList<PimDateTime> ExceptionDates =>
        [.. Component.FindAll("EXDATE").SelectMany(p => p.Value.Split(',')).Select(v => PimDateTime.TryParse(v, out var d) ? d : (PimDateTime?)null).OfType<PimDateTime>()];

    /// <summary>Adds an EXDATE.</summary>
    public void AddExceptionDate(PimDateTime date) =>
        Component.Properties.Add(new PimProperty("EXDATE", date.ToString(), date.Kind == PimTimeKind.Date ? [new PimParameter("VALUE", "DATE")] : null));

    /// <summary>The TEXT value of a property of the item, unescaped, or null.</summary>
    public string? Text(string name) => Component.Find(name) is { } p ? PimText.Unescape(p.Value, Canonical) : null;

    /// <summary>Sets (or with null removes) a TEXT property of the item.</summary>
    public void SetText(string name, string? text) => SetRaw(name, text is null ? null : PimText.Escape(text, Canonical));

    /// <summary>Sets (or with null removes) a property of the item, value as written.</summary>
    public void SetRaw(string name, string? value)
    {
        if (value is null) Component.Remove(name);
        else Component.Set(name, value);
    }

    /// <summary>A date-time property, or null.</summary>
    public PimDateTime? Date(string name) =>
        Component.Find(name) is { } p && PimDateTime.TryParse(p.Value, out var d) ? d : null;

    /// <summary>Sets (or with null removes) a date-time property; dates get VALUE=DATE.</summary>
    public void SetDate(string name, PimDateTime? value, string? tzid = null)
    {
        Component.Remove(name);
        if (value is not { } v) return;
        var p = new PimProperty(name, v.ToString());
        if (v.Kind == PimTimeKind.Date) p.Parameters.Add(new PimParameter("VALUE", "DATE"));
        else if (tzid is not null && v.Kind == PimTimeKind.Local) p.Parameters.Add(PimParameter.Quoting("TZID", tzid));
        Component.Properties.Add(p);
    }

    /// <summary>The item as vCalendar 1.0 or iCalendar 2.0 text.</summary>
    public string ToCalendar(PimFormat format = Canonical) =>
        PimDocument.Write(format == Canonical ? Calendar : VCalendarConverter.Convert(Calendar, format));

    /// <summary>The iCalendar 2.0 text.</summary>
    public override string ToString() => ToCalendar();
}

/// <summary>An event (VEVENT).</summary>
public sealed class CalendarEvent : CalendarItem
{
    /// <summary>An empty event.</summary>
    public CalendarEvent() : base("VEVENT") { }

    /// <summary>The event of a vCalendar 1.0 or iCalendar 2.0 VCALENDAR.</summary>
    public CalendarEvent(PimComponent calendar) : base(calendar, "VEVENT") { }

    /// <summary>DTEND.</summary>
    public PimDateTime? End { get => Date("DTEND"); set => SetDate("DTEND", value, StartZone); }

    /// <summary>Whether DTSTART is a DATE.</summary>
    public bool AllDay => Start?.Kind == PimTimeKind.Date;

    /// <summary>Whether the event blocks time (TRANSP:OPAQUE, the default).</summary>
    public bool Busy
    {
        get => !string.Equals(Component.Find("TRANSP")?.Value, "TRANSPARENT", StringComparison.OrdinalIgnoreCase);
        set => SetRaw("TRANSP", value ? "OPAQUE" : "TRANSPARENT");
    }

    /// <summary>Parses a vCalendar 1.0 or iCalendar 2.0 event.</summary>
    /// <exception cref="PimFormatException">The text is not a calendar item.</exception>
    public static CalendarEvent Parse(string text) => new(PimDocument.Parse(text));
}

/// <summary>A task (VTODO).</summary>
public sealed class CalendarTask : CalendarItem
{
    /// <summary>An empty task.</summary>
    public CalendarTask() : base("VTODO") { }

    /// <summary>The task of a vCalendar 1.0 or iCalendar 2.0 VCALENDAR.</summary>
    public CalendarTask(PimComponent calendar) : base(calendar, "VTODO") { }

    /// <summary>DUE.</summary>
    public PimDateTime? Due { get => Date("DUE"); set => SetDate("DUE", value, StartZone); }

    /// <summary>COMPLETED (UTC).</summary>
    public PimDateTime? Completed { get => Date("COMPLETED"); set => SetDate("COMPLETED", value); }

    /// <summary>STATUS: NEEDS-ACTION, IN-PROCESS, COMPLETED, CANCELLED.</summary>
    public string? Status { get => Component.Find("STATUS")?.Value; set => SetRaw("STATUS", value); }

    /// <summary>PERCENT-COMPLETE.</summary>
    public int? PercentComplete
    {
        get => int.TryParse(Component.Find("PERCENT-COMPLETE")?.Value, out var p) ? p : null;
        set => SetRaw("PERCENT-COMPLETE", value?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Parses a vCalendar 1.0 or iCalendar 2.0 task.</summary>
    /// <exception cref="PimFormatException">The text is not a calendar item.</exception>
    public static CalendarTask Parse(string text) => new(PimDocument.Parse(text));
}
