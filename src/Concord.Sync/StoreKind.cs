namespace Concord.Sync;

/// <summary>The kinds of data store each user has.</summary>
public enum StoreKind
{
    /// <summary>Contacts: vCard 2.1 / 3.0 / 4.0.</summary>
    Contacts,

    /// <summary>Calendar events: vCalendar 1.0 / iCalendar 2.0.</summary>
    Calendar,

    /// <summary>Tasks: vCalendar 1.0 / iCalendar 2.0 VTODO.</summary>
    Tasks,

    /// <summary>Notes: text/plain (and iCalendar VJOURNAL).</summary>
    Notes,
}
