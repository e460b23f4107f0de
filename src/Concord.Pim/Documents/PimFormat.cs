namespace Concord.Pim.Documents;

/// <summary>The item formats Concord reads and writes.</summary>
public enum PimFormat
{
    /// <summary>Not a format Concord knows.</summary>
    Unknown,

    /// <summary>vCard 2.1 (text/x-vcard).</summary>
    VCard21,

    /// <summary>vCard 3.0 (text/vcard, RFC 2426).</summary>
    VCard30,

    /// <summary>vCard 4.0 (text/vcard, RFC 6350).</summary>
    VCard40,

    /// <summary>vCalendar 1.0 (text/x-vcalendar).</summary>
    VCalendar10,

    /// <summary>iCalendar 2.0 (text/calendar, RFC 5545).</summary>
    ICalendar20,
}

/// <summary>What the formats differ in, for readers, writers and converters.</summary>
public static class PimFormats
{
    /// <summary>Whether the format is one of the old ones: RFC 822 folding, QUOTED-PRINTABLE, bare parameters.</summary>
    public static bool IsOld(this PimFormat format) => format is PimFormat.VCard21 or PimFormat.VCalendar10;

    /// <summary>Whether the format is a vCard.</summary>
    public static bool IsVCard(this PimFormat format) => format is PimFormat.VCard21 or PimFormat.VCard30 or PimFormat.VCard40;

    /// <summary>The VERSION value of the format.</summary>
    public static string Version(this PimFormat format) => format switch
    {
        PimFormat.VCard21 => "2.1",
        PimFormat.VCard30 => "3.0",
        PimFormat.VCard40 => "4.0",
        PimFormat.VCalendar10 => "1.0",
        PimFormat.ICalendar20 => "2.0",
        _ => "",
    };

    /// <summary>The MIME type SyncML names the format by.</summary>
    public static string ContentType(this PimFormat format) => format switch
    {
        PimFormat.VCard21 => "text/x-vcard",
        PimFormat.VCard30 or PimFormat.VCard40 => "text/vcard",
        PimFormat.VCalendar10 => "text/x-vcalendar",
        PimFormat.ICalendar20 => "text/calendar",
        _ => "application/octet-stream",
    };

    /// <summary>The format of a root component by its name and VERSION (a vCard without VERSION is read as 2.1).</summary>
    public static PimFormat Of(PimComponent root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var version = root.Find("VERSION")?.Value.Trim();
        if (root.NameIs("VCARD"))
        {
            return version switch
            {
                "3.0" => PimFormat.VCard30,
                "4.0" => PimFormat.VCard40,
                "2.1" or null or "" => PimFormat.VCard21,
                _ => PimFormat.Unknown,
            };
        }
        if (root.NameIs("VCALENDAR"))
        {
            return version switch
            {
                "1.0" => PimFormat.VCalendar10,
                "2.0" or null or "" => PimFormat.ICalendar20,
                _ => PimFormat.Unknown,
            };
        }
        return PimFormat.Unknown;
    }

    /// <summary>The format a SyncML content type and version name, or Unknown.</summary>
    public static PimFormat FromContentType(string? contentType, string? version = null)
    {
        var type = (contentType ?? "").Trim().ToLowerInvariant();
        var v = (version ?? "").Trim();
        return type switch
        {
            "text/x-vcard" => PimFormat.VCard21,
            "text/vcard" or "text/directory" => v switch { "2.1" => PimFormat.VCard21, "4.0" => PimFormat.VCard40, _ => PimFormat.VCard30 },
            "text/x-vcalendar" => PimFormat.VCalendar10,
            "text/calendar" => v == "1.0" ? PimFormat.VCalendar10 : PimFormat.ICalendar20,
            _ => PimFormat.Unknown,
        };
    }
}
