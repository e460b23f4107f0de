using System.Globalization;
using Concord.Pim.Documents;
using CsCheck;

namespace Concord.Pim.Tests.Properties;

/// <summary>Generators of random contacts and events, with the characters that trip escaping and encodings.</summary>
internal static class PimGen
{
    public static readonly Gen<string> Text = Gen.String[Gen.Char["abcXYZ 019\u00e4\u00f6\u00fc\u20ac,;:\\\n\"=\u00e9\u4e2d\t'"], 0, 40];

    public static readonly Gen<string> Word = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz"], 1, 10];

    private static readonly string[] PhoneTypes = ["HOME", "WORK", "CELL", "FAX", "VOICE", "PREF", "PAGER"];

    private static Gen<string[]> Subset(string[] all) =>
        Gen.Int[0, (1 << all.Length) - 1].Select(mask => all.Where((_, i) => (mask & (1 << i)) != 0).ToArray());

    private static readonly Gen<PimProperty> Phone =
        Gen.Select(Gen.String[Gen.Char["0123456789 +-"], 1, 16], Subset(PhoneTypes), (number, types) =>
            new PimProperty("TEL", number, types.Length == 0 ? null : [new PimParameter("TYPE", string.Join(',', types))]));

    private static readonly Gen<PimProperty> Extension =
        Gen.Select(Word, Word, Text, (name, param, value) =>
            new PimProperty("X-" + name.ToUpperInvariant(), PimText.Escape(value, PimFormat.VCard30), [new PimParameter("X-P", param)]));

    /// <summary>A vCard 3.0 with a name, a note, phones, emails, categories and X- properties.</summary>
    public static readonly Gen<PimComponent> Card =
        Gen.Select(Text.Array[5], Text, Text, Phone.List[0, 4], Word.List[0, 3], Word.List[0, 3], Extension.List[0, 3],
            (n, fn, note, phones, emails, categories, extensions) =>
            {
                var card = new PimComponent("VCARD");
                card.Properties.Add(new PimProperty("VERSION", "3.0"));
                card.Properties.Add(new PimProperty("N", PimText.Join(n, PimFormat.VCard30)));
                card.Properties.Add(new PimProperty("FN", PimText.Escape(fn, PimFormat.VCard30)));
                card.Properties.Add(new PimProperty("NOTE", PimText.Escape(note, PimFormat.VCard30)));
                card.Properties.AddRange(phones);
                card.Properties.AddRange(emails.Select(e => new PimProperty("EMAIL", e + "@example.org", [new PimParameter("TYPE", "INTERNET")])));
                if (categories.Count > 0) card.Properties.Add(new PimProperty("CATEGORIES", string.Join(',', categories)));
                card.Properties.AddRange(extensions);
                return card;
            });

    private static readonly Gen<DateTime> Instant = Gen.Select(Gen.Int[2000, 2030], Gen.Int[1, 12], Gen.Int[1, 28], Gen.Int[0, 23], Gen.Int[0, 3],
        (y, m, d, h, q) => new DateTime(y, m, d, h, q * 15, 0));

    // 0 UTC, 1 floating, 2 all-day, 3 zoned by a tz database name.
    private static readonly Gen<int> StartKind = Gen.Int[0, 3];

    private static readonly Gen<string> Rule = Gen.Select(Gen.Int[0, 4], Gen.Int[1, 3], Subset(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]), Gen.Int[1, 28], Gen.Int[0, 2], Gen.Int[1, 20],
        (freq, interval, days, day, end, count) =>
        {
            var i = interval.ToString(CultureInfo.InvariantCulture);
            var rule = freq switch
            {
                0 => "FREQ=DAILY;INTERVAL=" + i,
                1 => "FREQ=WEEKLY;INTERVAL=" + i + (days.Length > 0 ? ";BYDAY=" + string.Join(',', days) : ""),
                2 => "FREQ=MONTHLY;INTERVAL=" + i + ";BYMONTHDAY=" + day.ToString(CultureInfo.InvariantCulture),
                3 => "FREQ=MONTHLY;INTERVAL=" + i + ";BYDAY=" + (day % 2 == 0 ? "-1" : "2") + (days.FirstOrDefault() ?? "MO"),
                _ => "FREQ=YEARLY;INTERVAL=" + i + ";BYMONTH=" + (day % 12 + 1).ToString(CultureInfo.InvariantCulture),
            };
            return end switch { 0 => rule, 1 => rule + ";COUNT=" + count.ToString(CultureInfo.InvariantCulture), _ => rule + ";UNTIL=*" };
        });

    private static readonly Gen<PimProperty> Attendee = Gen.Select(Word, Word, Gen.Int[0, 4], Gen.Int[0, 2], Gen.Bool, (cn, mail, partstat, role, rsvp) =>
        new PimProperty("ATTENDEE", "mailto:" + mail + "@example.org",
        [
            new PimParameter("CN", cn),
            new PimParameter("ROLE", new[] { "REQ-PARTICIPANT", "OPT-PARTICIPANT", "NON-PARTICIPANT" }[role]),
            new PimParameter("PARTSTAT", new[] { "NEEDS-ACTION", "ACCEPTED", "DECLINED", "TENTATIVE", "DELEGATED" }[partstat]),
            new PimParameter("RSVP", rsvp ? "TRUE" : "FALSE"),
        ]));

    /// <summary>An iCalendar 2.0 event: any kind of start, a rule 1.0 can say, exceptions, alarms, attendees.</summary>
    public static readonly Gen<PimComponent> Event =
        Gen.Select(Gen.Select(Text, Text, Word.List[0, 3], Instant, StartKind, Gen.Int[1, 3]), Rule.List[0, 1], Gen.Int[0, 2], Gen.Int[0, 30].List[0, 2], Attendee.List[0, 2], Gen.Int[0, 2],
            (basics, rules, exceptions, alarms, attendees, status) =>
            {
                var (summary, description, categories, start, kind, length) = basics;
                var cal = new PimComponent("VCALENDAR");
                cal.Properties.Add(new PimProperty("VERSION", "2.0"));
                cal.Properties.Add(new PimProperty("PRODID", "-//Concord//NONSGML tests//EN"));
                var e = new PimComponent("VEVENT");
                cal.Components.Add(e);
                e.Properties.Add(new PimProperty("UID", "gen-" + summary.GetHashCode(StringComparison.Ordinal).ToString(CultureInfo.InvariantCulture)));
                e.Properties.Add(new PimProperty("SUMMARY", PimText.Escape(summary, PimFormat.ICalendar20)));
                e.Properties.Add(new PimProperty("DESCRIPTION", PimText.Escape(description, PimFormat.ICalendar20)));
                if (categories.Count > 0) e.Properties.Add(new PimProperty("CATEGORIES", string.Join(',', categories)));
                PimProperty Time(string name, DateTime t) => kind switch
                {
                    0 => new PimProperty(name, PimDateTime.Utc(t).ToString()),
                    1 => new PimProperty(name, PimDateTime.Local(t).ToString()),
                    2 => new PimProperty(name, PimDateTime.Date(t).ToString(), [new PimParameter("VALUE", "DATE")]),
                    _ => new PimProperty(name, PimDateTime.Local(t).ToString(), [new PimParameter("TZID", "Europe/Berlin")]),
                };
                e.Properties.Add(Time("DTSTART", start));
                e.Properties.Add(Time("DTEND", kind == 2 ? start.AddDays(length) : start.AddHours(length)));
                foreach (var rule in rules)
                {
                    var until = kind switch { 2 => PimDateTime.Date(start.AddDays(100)).ToString(), 1 => PimDateTime.Local(start.AddDays(100)).ToString(), _ => PimDateTime.Utc(start.AddDays(100)).ToString() };
                    e.Properties.Add(new PimProperty("RRULE", rule.Replace("*", until, StringComparison.Ordinal)));
                    for (var i = 1; i <= exceptions; i++) e.Properties.Add(Time("EXDATE", start.AddDays(7 * i)));
                }
                e.Properties.AddRange(attendees);
                e.Properties.Add(new PimProperty("STATUS", new[] { "TENTATIVE", "CONFIRMED", "CANCELLED" }[status]));
                foreach (var minutes in alarms)
                {
                    var alarm = new PimComponent("VALARM");
                    alarm.Properties.Add(new PimProperty("ACTION", "DISPLAY"));
                    alarm.Properties.Add(new PimProperty("TRIGGER", PimDuration.Format(TimeSpan.FromMinutes(-minutes * 5))));
                    alarm.Properties.Add(new PimProperty("DESCRIPTION", PimText.Escape(summary, PimFormat.ICalendar20)));
                    e.Components.Add(alarm);
                }
                return cal;
            });
}
