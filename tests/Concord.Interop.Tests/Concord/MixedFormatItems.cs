namespace Concord.Interop.Tests.Concord;

/// <summary>
/// Items with the tricky fields of each format, as an old phone (vCard 2.1, vCalendar 1.0) and a newer client
/// (vCard 3.0, iCalendar 2.0) would write them: charsets and accents, birthdays, all-day events, recurrences with
/// EXDATE and a RECURRENCE-ID exception, alarms, attendees, time zones.
/// </summary>
internal static class MixedFormatItems
{
    public const string OldContact =
        "BEGIN:VCARD\r\nVERSION:2.1\r\n" +
        "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen;;;\r\n" +
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller\r\n" +
        "TEL;CELL:+49 170 1234567\r\n" +
        "TEL;WORK;VOICE:+49 30 555 0100\r\n" +
        "EMAIL;INTERNET:juergen@example.de\r\n" +
        "ADR;HOME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;Stra=C3=9Fe 5;K=C3=B6ln;;50667;Deutschland\r\n" +
        "BDAY:1975-02-28\r\n" +
        "NOTE;ENCODING=QUOTED-PRINTABLE:Zeile eins=0D=0A=\r\nZeile zwei\r\n" +
        "ORG:Beispiel GmbH;Vertrieb\r\n" +
        "TITLE:Leiter\r\n" +
        "URL:http://example.de/\r\n" +
        "END:VCARD\r\n";

    public const string NewContact =
        "BEGIN:VCARD\r\nVERSION:3.0\r\n" +
        "N:Åström;Zoë;;Dr.;\r\n" +
        "FN:Dr. Zoë Åström\r\n" +
        "TEL;TYPE=HOME,VOICE:+46 8 123 456\r\n" +
        "EMAIL;TYPE=INTERNET,WORK:zoe@example.se\r\n" +
        "ADR;TYPE=WORK:;;Kungsgatan 1;Stockholm;;111 43;Sverige\r\n" +
        "BDAY:1980-12-31\r\n" +
        "NOTE:Första raden\\nandra raden\\, med komma\r\n" +
        "NICKNAME:Zozo\r\n" +
        "END:VCARD\r\n";

    // Weekly on Mondays at 09:00 CET (08:00 UTC), ten times, without 19 January; a 15-minute alarm; one attendee.
    public const string OldMeeting =
        "BEGIN:VCALENDAR\r\nVERSION:1.0\r\n" +
        "TZ:+01:00\r\n" +
        "DAYLIGHT:TRUE;+02:00;20260329T010000Z;20261025T010000Z;CET;CEST\r\n" +
        "BEGIN:VEVENT\r\n" +
        "UID:old-weekly@example.de\r\n" +
        "SUMMARY;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Caf=C3=A9 mit Kunden\r\n" +
        "LOCATION:Raum 1\r\n" +
        "DTSTART:20260105T080000Z\r\n" +
        "DTEND:20260105T090000Z\r\n" +
        "RRULE:W1 MO #10\r\n" +
        "EXDATE:20260119T080000Z\r\n" +
        "AALARM:20260105T074500Z;;0;\r\n" +
        "ATTENDEE;ROLE=ATTENDEE;STATUS=ACCEPTED:ann@example.com\r\n" +
        "CATEGORIES:BUSINESS\r\n" +
        "END:VEVENT\r\nEND:VCALENDAR\r\n";

    public const string OldAllDay =
        "BEGIN:VCALENDAR\r\nVERSION:1.0\r\n" +
        "BEGIN:VEVENT\r\n" +
        "UID:old-allday@example.de\r\n" +
        "SUMMARY:Betriebsausflug\r\n" +
        "DTSTART:20260612T000000\r\n" +
        "DTEND:20260612T235959\r\n" +
        "END:VEVENT\r\nEND:VCALENDAR\r\n";

    public const string OldTask =
        "BEGIN:VCALENDAR\r\nVERSION:1.0\r\n" +
        "BEGIN:VTODO\r\n" +
        "UID:old-task@example.de\r\n" +
        "SUMMARY;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Gr=C3=BC=C3=9Fe senden\r\n" +
        "DUE:20260301T170000Z\r\n" +
        "PRIORITY:1\r\n" +
        "STATUS:NEEDS ACTION\r\n" +
        "END:VTODO\r\nEND:VCALENDAR\r\n";

    private const string Berlin =
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n" +
        "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\n" +
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n" +
        "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\n" +
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

    // Weekly on Mondays at 10:00 Berlin time, eight times, without 16 March; 23 March moved to 14:00.
    public const string NewMeeting =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Concord//interop//EN\r\n" + Berlin +
        "BEGIN:VEVENT\r\n" +
        "UID:new-weekly@example.se\r\n" +
        "SUMMARY:Fika i Malmö ☕\r\n" +
        "DTSTART;TZID=Europe/Berlin:20260302T100000\r\n" +
        "DTEND;TZID=Europe/Berlin:20260302T110000\r\n" +
        "RRULE:FREQ=WEEKLY;COUNT=8\r\n" +
        "EXDATE;TZID=Europe/Berlin:20260316T100000\r\n" +
        "ORGANIZER;CN=Zoë Åström:mailto:zoe@example.se\r\n" +
        "ATTENDEE;CN=Ann Lee;PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT:mailto:ann@example.com\r\n" +
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Fika\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n" +
        "END:VEVENT\r\nEND:VCALENDAR\r\n";

    // The detached exception of NewMeeting, as clients that keep one item per instance send it (RFC 5545 §3.8.4.4).
    public const string NewMeetingException =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Concord//interop//EN\r\n" + Berlin +
        "BEGIN:VEVENT\r\n" +
        "UID:new-weekly@example.se\r\n" +
        "RECURRENCE-ID;TZID=Europe/Berlin:20260323T100000\r\n" +
        "SUMMARY:Fika i Malmö (flyttad)\r\n" +
        "DTSTART;TZID=Europe/Berlin:20260323T140000\r\n" +
        "DTEND;TZID=Europe/Berlin:20260323T150000\r\n" +
        "END:VEVENT\r\nEND:VCALENDAR\r\n";

    public const string NewBirthday =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Concord//interop//EN\r\n" +
        "BEGIN:VEVENT\r\n" +
        "UID:new-birthday@example.se\r\n" +
        "SUMMARY:Zoës födelsedag\r\n" +
        "DTSTART;VALUE=DATE:20261231\r\n" +
        "DTEND;VALUE=DATE:20270101\r\n" +
        "RRULE:FREQ=YEARLY\r\n" +
        "TRANSP:TRANSPARENT\r\n" +
        "END:VEVENT\r\nEND:VCALENDAR\r\n";

    public const string NewTask =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Concord//interop//EN\r\n" +
        "BEGIN:VTODO\r\n" +
        "UID:new-task@example.se\r\n" +
        "SUMMARY:Köpa kaffe\r\n" +
        "DUE:20260310T160000Z\r\n" +
        "PRIORITY:5\r\n" +
        "STATUS:NEEDS-ACTION\r\n" +
        "END:VTODO\r\nEND:VCALENDAR\r\n";
}
