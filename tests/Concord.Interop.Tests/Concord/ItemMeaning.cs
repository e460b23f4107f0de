using Concord.Pim.Documents;
using Concord.Pim.Tests.Converters;

namespace Concord.Interop.Tests.Concord;

/// <summary>
/// What a vCard or vCalendar item says, one line per field whatever its format (instants in UTC, all-day dates,
/// recurrence parts, alarms as offsets, text unescaped), without the fields the SyncEvolution client fills in or
/// rewrites on every hop: empty values, REV, PRODID, DTSTAMP, LAST-MODIFIED, a DESCRIPTION repeating the SUMMARY.
/// </summary>
internal static partial class ItemMeaning
{
    private static readonly string[] Bookkeeping = [" REV ", "REV [", "PRODID", " DTSTAMP", " LAST-MODIFIED", "X-EVOLUTION-FILE-AS"];

    /// <summary>
    /// The item's fields. With <paramref name="asVCalendar10"/>, as far as vCalendar 1.0 can say them: it has no
    /// RECURRENCE-ID, so a detached exception is an event of its own there.
    /// </summary>
    public static List<string> Of(string item, bool asVCalendar10 = false)
    {
        var doc = PimDocument.Parse(item);
        var lines = doc.Format.IsVCard() ? Semantics.OfCard(doc) : CalendarSemantics.Of(doc);
        var summaries = lines.Where(l => l.Contains(" SUMMARY;:", StringComparison.Ordinal))
            .Select(l => l.Replace(" SUMMARY;:", " DESCRIPTION;:", StringComparison.Ordinal)).ToHashSet();
        return lines
            .Where(l => !Bookkeeping.Any(b => l.Contains(b, StringComparison.Ordinal) || l.StartsWith(b.Trim(), StringComparison.Ordinal)))
            .Where(l => !summaries.Contains(l))
            .Where(l => !IsEmpty(l))
            .Where(l => !asVCalendar10 || !l.Contains(" RECURRENCE-ID ", StringComparison.Ordinal))
            .Select(l => asVCalendar10 ? RecurrenceIdPrefix().Replace(l, "$1 ") : l)
            .ToList();
    }

    /// <summary>The fields of <paramref name="sent"/> that <paramref name="received"/> does not say.</summary>
    public static List<string> Lost(string sent, string received, bool asVCalendar10 = false) =>
        Of(sent, asVCalendar10).Except(Of(received, asVCalendar10)).ToList();

    /// <summary>The received item that says most of what <paramref name="sent"/> says.</summary>
    public static string Closest(string sent, IEnumerable<string> received, bool asVCalendar10 = false)
    {
        var meaning = Of(sent, asVCalendar10);
        return received.OrderByDescending(r => Of(r, asVCalendar10).Intersect(meaning).Count()).First();
    }

    // CalendarSemantics prefixes each line with "COMPONENT UID RECURRENCE-ID ".
    [System.Text.RegularExpressions.GeneratedRegex(@"^(V[A-Z]+ \S+ )[UDL?]:\S+ ")]
    private static partial System.Text.RegularExpressions.Regex RecurrenceIdPrefix();

    private static bool IsEmpty(string line)
    {
        // vCard: "NAME [TYPES] PARAMS : value"; calendar: "... NAME;PARAMS:value".
        var value = line.Contains(" : ", StringComparison.Ordinal) ? line[(line.IndexOf(" : ", StringComparison.Ordinal) + 3)..]
            : line.Contains(';', StringComparison.Ordinal) && line.Contains(':', StringComparison.Ordinal) ? line[(line.LastIndexOf(':') + 1)..] : "x";
        return value.Trim('|', ';', ' ').Length == 0;
    }
}
