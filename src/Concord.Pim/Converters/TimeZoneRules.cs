using System.Globalization;
using Concord.Pim.Documents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using NodaTime;
using NodaTime.TimeZones;

namespace Concord.Pim.Converters;

/// <summary>One change of UTC offset: when (UTC), from what to what, and whether daylight saving time starts.</summary>
public readonly record struct ZoneTransition(DateTime Utc, TimeSpan From, TimeSpan To, bool Daylight, string? Name);

/// <summary>
/// The UTC offsets of a time zone, from a VTIMEZONE (its observances expanded with Ical.Net's recurrence evaluator) or,
/// when an item names a zone it does not define, from the tz database (NodaTime).
/// </summary>
public abstract class TimeZoneRules
{
    /// <summary>The offset in force at a local (wall clock) time.</summary>
    public abstract TimeSpan OffsetAtLocal(DateTime local);

    /// <summary>The offset changes whose onset falls in <paramref name="year"/> (UTC), in order.</summary>
    public abstract IReadOnlyList<ZoneTransition> Transitions(int year);

    /// <summary>The standard (winter) offset.</summary>
    public abstract TimeSpan StandardOffset { get; }

    /// <summary>The UTC time of a local time in this zone.</summary>
    public DateTime ToUtc(DateTime local) => DateTime.SpecifyKind(local - OffsetAtLocal(local), DateTimeKind.Utc);

    /// <summary>The rules of a VTIMEZONE component, or null when it has no usable observance.</summary>
    public static TimeZoneRules? FromVTimeZone(PimComponent vtimezone)
    {
        ArgumentNullException.ThrowIfNull(vtimezone);
        var observances = new List<Observance>();
        foreach (var c in vtimezone.Components)
        {
            if (!c.NameIs("STANDARD") && !c.NameIs("DAYLIGHT")) continue;
            if (!PimDateTime.TryParse(c.Find("DTSTART")?.Value ?? "", out var start)) continue;
            if (!TryOffset(c.Find("TZOFFSETFROM")?.Value, out var from) || !TryOffset(c.Find("TZOFFSETTO")?.Value, out var to)) continue;
            var rdates = c.FindAll("RDATE").SelectMany(p => p.Value.Split(','))
                .Select(v => PimDateTime.TryParse(v, out var d) ? d.Value : (DateTime?)null).OfType<DateTime>().ToList();
            observances.Add(new Observance(c.NameIs("DAYLIGHT"), start.Value, from, to, c.Find("TZNAME")?.Value, c.Find("RRULE")?.Value, rdates));
        }
        return observances.Count == 0 ? null : new VTimeZoneRules(observances);
    }

    /// <summary>
    /// The rules of a zone of the tz database, by TZID (or its last two segments, as in
    /// /softwarestudio.org/Olson_20011030_5/Europe/Berlin), or null.
    /// </summary>
    public static TimeZoneRules? FromTzdb(string? tzid)
    {
        if (string.IsNullOrWhiteSpace(tzid)) return null;
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(tzid);
        var segments = tzid.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (zone is null && segments.Length >= 2) zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(segments[^2] + "/" + segments[^1]);
        if (zone is null && segments.Length >= 3) zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(string.Join('/', segments[^3..]));
        return zone is null ? null : new TzdbRules(zone);
    }

    /// <summary>Parses a UTC offset: +0100, -05:00, +01, -5.</summary>
    public static bool TryOffset(string? text, out TimeSpan offset)
    {
        offset = default;
        var s = (text ?? "").Trim().Replace(":", "", StringComparison.Ordinal);
        if (s.Length < 2 || s[0] is not ('+' or '-') || !s[1..].All(char.IsAsciiDigit)) return false;
        var digits = s[1..];
        var (h, m) = digits.Length switch
        {
            1 or 2 => (int.Parse(digits, CultureInfo.InvariantCulture), 0),
            3 or 4 => (int.Parse(digits[..^2], CultureInfo.InvariantCulture), int.Parse(digits[^2..], CultureInfo.InvariantCulture)),
            _ => (-1, -1),
        };
        if (h is < 0 or > 23 || m is < 0 or > 59) return false;
        offset = (s[0] == '-' ? -1 : 1) * new TimeSpan(h, m, 0);
        return true;
    }

    /// <summary>Formats an offset as RFC 5545 writes it: +0100.</summary>
    public static string FormatOffset(TimeSpan offset, bool colon = false) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(colon ? @"hh\:mm" : "hhmm", CultureInfo.InvariantCulture);

    private sealed record Observance(bool Daylight, DateTime Start, TimeSpan From, TimeSpan To, string? Name, string? Rule, List<DateTime> RDates);

    private sealed class VTimeZoneRules(List<Observance> observances) : TimeZoneRules
    {
        private readonly Dictionary<int, IReadOnlyList<ZoneTransition>> _years = [];

        public override TimeSpan StandardOffset =>
            (observances.Where(o => !o.Daylight).MaxBy(o => o.Start) ?? observances.MinBy(o => o.Start)!).To;

        public override TimeSpan OffsetAtLocal(DateTime local)
        {
            for (var year = local.Year; year >= local.Year - 1; year--)
            {
                var before = Transitions(year).LastOrDefault(t => t.Utc + t.From <= local);
                if (before != default) return before.To;
            }
            var earlier = observances.Where(o => o.Start <= local).MaxBy(o => o.Start);
            return earlier?.To ?? observances.MinBy(o => o.Start)!.From;
        }

        public override IReadOnlyList<ZoneTransition> Transitions(int year)
        {
            if (_years.TryGetValue(year, out var cached)) return cached;
            var list = new List<ZoneTransition>();
            foreach (var o in observances)
            {
                var onsets = new List<DateTime>(o.RDates.Where(d => d.Year == year));
                if (o.Start.Year == year) onsets.Add(o.Start);
                if (o.Rule is not null && o.Start.Year <= year)
                {
                    // Ical.Net expands the observance's yearly rule; its own DTSTART is the first onset.
                    var evaluator = new RecurrencePatternEvaluator(new RecurrenceRule(o.Rule));
                    var reference = new CalDateTime(o.Start.Year, o.Start.Month, o.Start.Day, o.Start.Hour, o.Start.Minute, o.Start.Second, null);
                    foreach (var period in evaluator.Evaluate(reference, new CalDateTime(year, 1, 1, 0, 0, 0, null), null))
                    {
                        var when = period.StartTime.Value;
                        if (when.Year > year) break;
                        if (when.Year == year) onsets.Add(when);
                    }
                }
                list.AddRange(onsets.Distinct().Select(d => new ZoneTransition(DateTime.SpecifyKind(d - o.From, DateTimeKind.Utc), o.From, o.To, o.Daylight, o.Name)));
            }
            list.Sort((a, b) => a.Utc.CompareTo(b.Utc));
            return _years[year] = list;
        }
    }

    private sealed class TzdbRules(DateTimeZone zone) : TimeZoneRules
    {
        public override TimeSpan StandardOffset =>
            zone.GetZoneInterval(Instant.FromUtc(DateTime.UtcNow.Year, 1, 15, 0, 0)).StandardOffset.ToTimeSpan();

        public override TimeSpan OffsetAtLocal(DateTime local) =>
            zone.AtLeniently(LocalDateTime.FromDateTime(local)).Offset.ToTimeSpan();

        public override IReadOnlyList<ZoneTransition> Transitions(int year)
        {
            var list = new List<ZoneTransition>();
            var start = Instant.FromUtc(year, 1, 1, 0, 0);
            var end = Instant.FromUtc(year + 1, 1, 1, 0, 0);
            ZoneInterval? previous = null;
            foreach (var interval in zone.GetZoneIntervals(start - NodaTime.Duration.FromDays(1), end))
            {
                if (previous is not null && interval.HasStart && interval.Start >= start && interval.Start < end)
                {
                    list.Add(new ZoneTransition(interval.Start.ToDateTimeUtc(), previous.WallOffset.ToTimeSpan(),
                        interval.WallOffset.ToTimeSpan(), interval.Savings != Offset.Zero, interval.Name));
                }
                previous = interval;
            }
            return list;
        }
    }
}
