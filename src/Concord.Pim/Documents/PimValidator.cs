namespace Concord.Pim.Documents;

/// <summary>Checks the values an item's parser keeps as text: dates and times that must exist.</summary>
public static class PimValidator
{
    private static readonly HashSet<string> DateProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "BDAY", "ANNIVERSARY", "REV", "DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "EXDATE", "RDATE", "COMPLETED",
        "CREATED", "DCREATED", "LAST-MODIFIED", "DTSTAMP",
    };

    /// <summary>Throws when a date or time property names a day or time that does not exist.</summary>
    /// <exception cref="PimFormatException">Reason <see cref="PimError.ImpossibleDate"/>.</exception>
    public static void Validate(PimComponent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        foreach (var p in item.Properties)
        {
            if (!DateProperties.Contains(p.Name) || p.Param("VALUE") is { } v && v.Equals("TEXT", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var value in p.Value.Split([',', ';']))
            {
                // Only syntax that is a date and a day that is not is refused; free text (BDAY;VALUE=text) passes.
                if (PimDateTime.Parse(value, out _) == DateParse.Impossible)
                {
                    throw new PimFormatException(PimError.ImpossibleDate, -1, Errors.ImpossibleDate(p.Name, value));
                }
            }
        }
        foreach (var c in item.Components) Validate(c);
    }
}
