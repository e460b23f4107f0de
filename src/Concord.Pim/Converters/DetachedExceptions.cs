using Concord.Pim.Documents;

namespace Concord.Pim.Converters;

/// <summary>
/// Detached recurrence exceptions stored as items of their own (RFC 5545 §3.8.4.4: the master's UID and a
/// RECURRENCE-ID naming the instance they replace). A format without RECURRENCE-ID (vCalendar 1.0) sees them as plain
/// events, so its master must leave those instances out with EXDATE or the moved instance shows twice.
/// </summary>
public static class DetachedExceptions
{
    /// <summary>
    /// The master (iCalendar 2.0) with an EXDATE for the RECURRENCE-ID of each exception given that it does not
    /// exclude yet; a zone the RECURRENCE-ID names and the master lacks comes along as a VTIMEZONE. Exceptions that do
    /// not parse or name no instance are passed over; a master that does not recur comes back as it was.
    /// </summary>
    /// <exception cref="PimFormatException">The master does not parse.</exception>
    public static string AddExceptionDates(string master, IEnumerable<string> exceptions)
    {
        ArgumentNullException.ThrowIfNull(master);
        ArgumentNullException.ThrowIfNull(exceptions);
        var calendar = PimDocument.Parse(master);
        var item = calendar.Components.Find(c => c.Name.ToUpperInvariant() is "VEVENT" or "VTODO"
            && c.Find("RECURRENCE-ID") is null && (c.Find("RRULE") is not null || c.Find("RDATE") is not null));
        if (item is null) return master;
        var changed = false;
        foreach (var text in exceptions)
        {
            PimComponent exception;
            try
            {
                exception = PimDocument.Parse(text);
            }
            catch (PimFormatException)
            {
                continue;
            }
            var rid = exception.Components.Select(c => c.Find("RECURRENCE-ID")).FirstOrDefault(p => p is not null);
            if (rid is null) continue;
            var zone = rid.Param("TZID");
            if (item.FindAll("EXDATE").Any(e => e.Param("TZID") == zone && e.Value.Split(',').Contains(rid.Value, StringComparer.OrdinalIgnoreCase))) continue;
            item.Properties.Add(new PimProperty("EXDATE", rid.Value, rid.Parameters.Where(p => p.Is("TZID") || p.Is("VALUE")).ToList()));
            if (zone is not null && !calendar.Children("VTIMEZONE").Any(z => z.Find("TZID")?.Value == zone)
                && exception.Children("VTIMEZONE").FirstOrDefault(z => z.Find("TZID")?.Value == zone) is { } vtimezone)
            {
                calendar.Components.Insert(calendar.Components.IndexOf(item), vtimezone.Clone());
            }
            changed = true;
        }
        return changed ? PimDocument.Write(calendar) : master;
    }

    /// <summary>
    /// A detached exception stored on its own as a plain event for a format without RECURRENCE-ID: no RECURRENCE-ID,
    /// and a UID of its own (the master's, a dash, the instance), so the device does not take it for its master, nor
    /// does a slow sync pair the two. An item that holds its master too, or no exception, comes back as it was.
    /// </summary>
    /// <exception cref="PimFormatException">The item does not parse.</exception>
    public static string AsPlainEvent(string exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var calendar = PimDocument.Parse(exception);
        var items = calendar.Components.Where(c => c.Name.ToUpperInvariant() is "VEVENT" or "VTODO").ToList();
        if (items.Count == 0 || items.Any(c => c.Find("RECURRENCE-ID") is null)) return exception;
        foreach (var item in items)
        {
            var rid = item.Find("RECURRENCE-ID")!;
            item.Properties.Remove(rid);
            if (item.Find("UID") is { } uid) uid.Value += "-" + new string(rid.Value.Where(char.IsAsciiLetterOrDigit).ToArray());
        }
        return PimDocument.Write(calendar);
    }
}
