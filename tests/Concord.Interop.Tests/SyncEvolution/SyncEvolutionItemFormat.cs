namespace Concord.Interop.Tests.SyncEvolution;

/// <summary>
/// Item format of a file-backend datastore: used both for the files in its folder (<c>databaseFormat</c>) and,
/// by default forced, on the wire (<c>syncFormat</c>).
/// </summary>
public enum SyncEvolutionItemFormat
{
    /// <summary>vCard 3.0, <c>text/vcard</c> (the old <c>type=file:text/vcard:3.0</c>).</summary>
    VCard30,

    /// <summary>vCard 2.1, <c>text/x-vcard</c> (the old <c>type=file:text/x-vcard:2.1</c>).</summary>
    VCard21,

    /// <summary>iCalendar 2.0, <c>text/calendar</c> (the old <c>type=file:text/calendar:2.0</c>).</summary>
    ICalendar20,

    /// <summary>vCalendar 1.0, <c>text/x-vcalendar</c> (the old <c>type=file:text/x-vcalendar:1.0</c>).</summary>
    VCalendar10,

    /// <summary>Plain UTF-8 text, <c>text/plain</c> (memos only; the old <c>type=file:text/plain:1.0</c>).</summary>
    PlainText,
}
