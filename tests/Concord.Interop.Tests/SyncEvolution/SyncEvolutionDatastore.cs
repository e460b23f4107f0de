namespace Concord.Interop.Tests.SyncEvolution;

/// <summary>
/// The four kinds of data a SyncEvolution peer configuration in this harness can hold, each backed by
/// SyncEvolution's file backend (one item per file in its own folder).
/// </summary>
public enum SyncEvolutionDatastore
{
    /// <summary>Contacts (vCard 3.0 or vCard 2.1); local datastore name <c>contacts</c>.</summary>
    Contacts,

    /// <summary>Calendar events (iCalendar 2.0 or vCalendar 1.0); local datastore name <c>calendar</c>.</summary>
    Calendar,

    /// <summary>Tasks (iCalendar 2.0 or vCalendar 1.0); local datastore name <c>todo</c>.</summary>
    Todo,

    /// <summary>Memos (plain text or iCalendar 2.0 VJOURNAL); local datastore name <c>memo</c>.</summary>
    Memo,
}
