using Concord.Pim.Documents;

namespace Concord.Pim.Converters;

/// <summary>Converts an item to another format of its kind: vCard 2.1/3.0/4.0, or vCalendar 1.0/iCalendar 2.0.</summary>
public static class PimConverter
{
    /// <summary>A copy of <paramref name="item"/> in <paramref name="target"/>; a copy as it is when the kinds differ.</summary>
    /// <exception cref="PimFormatException">A value cannot be converted (a recurrence rule).</exception>
    public static PimComponent Convert(PimComponent item, PimFormat target)
    {
        ArgumentNullException.ThrowIfNull(item);
        var source = item.Format;
        if (source == target || source == PimFormat.Unknown || target == PimFormat.Unknown) return item.Clone();
        if (source.IsVCard() && target.IsVCard()) return VCardConverter.Convert(item, target);
        if (!source.IsVCard() && !target.IsVCard()) return VCalendarConverter.Convert(item, target);
        return item.Clone();
    }

    /// <summary>The format the server stores items of this kind in: vCard 3.0 or iCalendar 2.0.</summary>
    public static PimFormat CanonicalFor(PimFormat format) =>
        format.IsVCard() ? PimFormat.VCard30 : format is PimFormat.VCalendar10 or PimFormat.ICalendar20 ? PimFormat.ICalendar20 : format;
}
